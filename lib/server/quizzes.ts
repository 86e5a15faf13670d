import "server-only";
import { z } from "zod";
import { course } from "@/lib/content/load";
import type { Localized } from "@/lib/grading/checks";
import { db } from "./db";
import { AppError } from "./errors";
import type { Viewer } from "./viewer";

export const QuizAnswers = z.strictObject({ answers: z.record(z.string().max(100), z.string().max(100)) });

export interface PublicQuiz { id: string; questions: { id: string; prompt: Localized; choices: { id: string; text: Localized }[] }[] }
export interface QuizResult { score: number; total: number; results: { id: string; correct: boolean; answer: string; explanation: Localized }[] }

/** What the browser may see before answering: no answers, no explanations. */
export function publicQuiz(lessonSlug: string): PublicQuiz | null {
  const q = course().lessons.get(lessonSlug)?.quiz;
  if (!q) return null;
  return { id: q.id, questions: q.questions.map((x) => ({ id: x.id, prompt: x.prompt, choices: x.choices })) };
}

export async function submitQuiz(viewer: Viewer, lessonSlug: string, answers: Record<string, string>): Promise<QuizResult> {
  const quiz = course().lessons.get(lessonSlug)?.quiz;
  if (!quiz) throw new AppError("not_found", "No such quiz.");
  const results = quiz.questions.map((q) => ({ id: q.id, correct: answers[q.id] === q.answer, answer: q.answer, explanation: q.explanation }));
  const score = results.filter((r) => r.correct).length;
  await db().quizAttempt.create({ data: { userId: viewer.id, quiz: quiz.id, answers: JSON.stringify(answers), score, total: results.length } });
  return { score, total: results.length, results };
}
