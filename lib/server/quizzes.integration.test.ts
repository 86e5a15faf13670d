import { expect, test } from "vitest";
import { db } from "./db";
import { publicQuiz, submitQuiz } from "./quizzes";
import { newViewer } from "@/test/integration/fixtures";

test("the browser's view of a quiz carries no answers or explanations", () => {
  const q = publicQuiz("pods")!;
  expect(q.questions.length).toBeGreaterThan(0);
  expect(JSON.stringify(q)).not.toMatch(/"answer"|"explanation"/);
});

test("a quiz is scored on the server and the attempt is stored", async () => {
  const v = await newViewer("quiz");
  const r = await submitQuiz(v, "pods", { "smallest-unit": "pod", "image-pull": "gave-up" });
  expect(r.score).toBe(1);
  expect(r.total).toBe(2);
  expect(r.results.map((x) => [x.id, x.correct])).toEqual([["smallest-unit", true], ["image-pull", false]]);
  const rows = await db().quizAttempt.findMany({ where: { userId: v.id } });
  expect(rows.map((x) => [x.quiz, x.score, x.total])).toEqual([["pods-quiz", 1, 2]]);
});
