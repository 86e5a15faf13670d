import { requireViewer } from "@/lib/server/auth";
import { QuizAnswers, submitQuiz } from "@/lib/server/quizzes";
import { readJson, route } from "@/lib/server/route";

export const POST = route<{ slug: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  const { answers } = await readJson(req, QuizAnswers, { maxBytes: 8_192 });
  return Response.json(await submitQuiz(viewer, (await params).slug, answers));
});
