import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ContentError, loadCourse, parseLessonFile } from "./load";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "content-"));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  return root;
}

const course = "title: { en: C, ko: 씨 }\nmodules:\n  - id: m\n    title: { en: M, ko: 엠 }\n    lessons: [pods]\n";
const lesson = (title: string) => `---\ntitle: ${title}\nsummary: s\nminutes: 5\n---\n\n# Body\n`;

describe("content loader", () => {
  test("the repository's content is valid and has the Pods lesson with fix-redis in both languages", () => {
    const c = loadCourse();
    const pods = c.lessons.get("pods")!;
    expect(pods.text.en.front.title).toBe("Pods");
    expect(pods.text.ko.front.title).toBe("파드");
    expect(c.exercises.get("fix-redis")?.exercise.setup).toEqual([{ run: "kubectl run redis --image=redis123" }]);
    expect(pods.quiz?.questions.length).toBeGreaterThan(0);
  });

  test("a missing Korean lesson fails with its path", () => {
    const root = tree({ "course.yaml": course, "lessons/pods/lesson.en.md": lesson("Pods") });
    expect(() => loadCourse(root)).toThrow(new ContentError(path.join(root, "lessons/pods/lesson.ko.md"), "missing (every lesson needs lesson.en.md and lesson.ko.md)"));
  });

  test("an exercise with an English-only task fails with its path and the field", () => {
    const root = tree({
      "course.yaml": course,
      "lessons/pods/lesson.en.md": lesson("Pods"),
      "lessons/pods/lesson.ko.md": lesson("파드"),
      "lessons/pods/exercises/x.yaml": "id: x\ntitle: { en: X, ko: X }\npoints: 1\ntask: { en: do it }\nsetup: []\nchecks: [{ id: a, title: { en: a, ko: a }, exists: { object: pod/a } }]\nsolution: [kubectl run a --image=nginx]\n",
    });
    expect(() => loadCourse(root)).toThrow(/exercises\/x\.yaml: task\.ko: /);
  });

  test("broken YAML fails with the file and the parser's reason", () => {
    const root = tree({ "course.yaml": "title: [unclosed\n" });
    expect(() => loadCourse(root)).toThrow(/course\.yaml: /);
  });

  test("front matter is required", () => {
    expect(() => parseLessonFile("# no front matter", "x.md")).toThrow("x.md: missing front matter");
  });
});
