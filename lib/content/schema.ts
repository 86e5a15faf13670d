// The content schema, in one place. Localized text requires English and Korean together.
import { z } from "zod";
import { Check, Localized } from "../grading/checks";

export { Localized };

export const CourseFile = z.strictObject({
  title: Localized,
  modules: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), title: Localized, lessons: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1) }))
    .min(1),
});
export type CourseFile = z.infer<typeof CourseFile>;

export const LessonFrontMatter = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  minutes: z.number().int().positive(),
});
export type LessonFrontMatter = z.infer<typeof LessonFrontMatter>;

export const SetupStep = z.strictObject({ run: z.string().min(1) });

export const ExerciseFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: Localized,
  points: z.number().int().min(0),
  task: Localized,
  setup: z.array(SetupStep),
  checks: z.array(Check).min(1),
  hints: z.array(Localized).default([]),
  solution: z.array(z.string().min(1)).min(1),
  /** How long content:check lets the cluster run after the solution before grading (seconds). */
  settleSeconds: z.number().int().min(0).max(3600).default(60),
});
export type Exercise = z.infer<typeof ExerciseFile>;

export const QuizFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  questions: z
    .array(
      z
        .strictObject({
          id: z.string().regex(/^[a-z0-9-]+$/),
          prompt: Localized,
          choices: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), text: Localized })).min(2),
          answer: z.string(),
          explanation: Localized,
        })
        .refine((q) => q.choices.some((c) => c.id === q.answer), "answer must be the id of one of the choices"),
    )
    .min(1),
});
export type Quiz = z.infer<typeof QuizFile>;
