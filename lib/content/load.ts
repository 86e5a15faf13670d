// Loads and validates content/: a broken file fails with its path and the reason.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load as loadYaml } from "js-yaml";
import type { z } from "zod";
import { CourseFile, ExerciseFile, LessonFrontMatter, QuizFile, type Exercise, type Quiz } from "./schema";
type FrontMatter = z.infer<typeof LessonFrontMatter>;

export type Locale = "en" | "ko";
export const LOCALES: Locale[] = ["en", "ko"];

export class ContentError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = "ContentError";
  }
}

export interface LessonText { front: FrontMatter; markdown: string }
export interface Lesson {
  slug: string;
  module: string;
  text: Record<Locale, LessonText>;
  exercises: Exercise[];
  quiz?: Quiz;
}
export interface Course {
  title: CourseFile["title"];
  modules: { id: string; title: CourseFile["title"]; lessons: string[] }[];
  lessons: Map<string, Lesson>;
  exercises: Map<string, { exercise: Exercise; lesson: string }>;
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new ContentError(file, `${issue.path.length ? issue.path.join(".") + ": " : ""}${issue.message}`);
}

function readYaml(file: string): unknown {
  try {
    return loadYaml(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ContentError(file, e instanceof Error ? e.message.split("\n")[0] : String(e));
  }
}

/** Splits `---\nyaml\n---\nmarkdown`; front matter is required. */
export function parseLessonFile(source: string, file: string): LessonText {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new ContentError(file, "missing front matter (--- title/summary/minutes ---)");
  let fm: unknown;
  try {
    fm = loadYaml(m[1]);
  } catch (e) {
    throw new ContentError(file, `front matter: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
  }
  return { front: parseWith(LessonFrontMatter, fm, file), markdown: m[2] };
}

function loadLesson(root: string, slug: string, module: string): Lesson {
  const dir = path.join(root, "lessons", slug);
  if (!existsSync(dir)) throw new ContentError(path.join(root, "course.yaml"), `lesson "${slug}" has no directory ${dir}`);
  const text = {} as Record<Locale, LessonText>;
  for (const locale of LOCALES) {
    const file = path.join(dir, `lesson.${locale}.md`);
    if (!existsSync(file)) throw new ContentError(file, "missing (every lesson needs lesson.en.md and lesson.ko.md)");
    text[locale] = parseLessonFile(readFileSync(file, "utf8"), file);
  }
  const exDir = path.join(dir, "exercises");
  const exercises = existsSync(exDir)
    ? readdirSync(exDir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((f) => {
          const file = path.join(exDir, f);
          const ex = parseWith(ExerciseFile, readYaml(file), file);
          if (`${ex.id}.yaml` !== f) throw new ContentError(file, `id "${ex.id}" must match the file name`);
          return ex;
        })
    : [];
  const quizFile = path.join(dir, "quiz.yaml");
  const quiz = existsSync(quizFile) ? parseWith(QuizFile, readYaml(quizFile), quizFile) : undefined;
  return { slug, module, text, exercises, quiz };
}

export function loadCourse(root = path.join(process.cwd(), "content")): Course {
  const courseFile = path.join(root, "course.yaml");
  if (!existsSync(courseFile)) throw new ContentError(courseFile, "missing");
  const course = parseWith(CourseFile, readYaml(courseFile), courseFile);
  const lessons = new Map<string, Lesson>();
  const exercises = new Map<string, { exercise: Exercise; lesson: string }>();
  for (const m of course.modules) {
    for (const slug of m.lessons) {
      if (lessons.has(slug)) throw new ContentError(courseFile, `lesson "${slug}" is listed twice`);
      const lesson = loadLesson(root, slug, m.id);
      lessons.set(slug, lesson);
      for (const ex of lesson.exercises) {
        if (exercises.has(ex.id)) throw new ContentError(path.join(root, "lessons", slug, "exercises", `${ex.id}.yaml`), `exercise id "${ex.id}" is used twice`);
        exercises.set(ex.id, { exercise: ex, lesson: slug });
      }
    }
  }
  return { title: course.title, modules: course.modules, lessons, exercises };
}

let cached: Course | undefined;
/** The course, loaded once per process (validated at build and at start). */
export function course(): Course {
  return (cached ??= loadCourse());
}
