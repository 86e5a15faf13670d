import { notFound } from "next/navigation";
import { course } from "@/lib/content/load";
import { pageViewer } from "@/lib/server/auth";
import { currentLocale } from "@/lib/server/locale";
import { progressOf } from "@/lib/server/progress";
import { publicQuiz } from "@/lib/server/quizzes";
import { openSandbox } from "@/lib/server/sandboxes";
import { LessonMarkdown, ShortMarkdown } from "../../_components/lesson-markdown";
import { LessonWorkspace } from "../../_components/lesson-workspace";
import type { ExerciseDto } from "../../_components/types";

export const dynamic = "force-dynamic";

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // null: the server's own warm-up (lib/server/warm-up.ts), which sees the page without a sandbox.
  const viewer = await pageViewer(`/lessons/${slug}`);
  const lesson = course().lessons.get(slug);
  if (!lesson) notFound();
  const locale = await currentLocale();
  const ex = lesson.exercises[0];
  // The browser gets a public view: no checks, no solution.
  const exercise: ExerciseDto | null = ex
    ? {
        id: ex.id,
        title: ex.title,
        points: ex.points,
        task: <ShortMarkdown markdown={ex.task[locale]} />,
        hints: ex.hints.map((h, i) => <ShortMarkdown key={i} markdown={h[locale]} inline />),
      }
    : null;
  const [sandbox, progress] = viewer ? await Promise.all([ex ? openSandbox(viewer, ex.id) : null, progressOf(viewer)]) : [null, new Map()];
  const p = ex ? progress.get(ex.id) : undefined;
  return (
    <LessonWorkspace
      slug={slug}
      quiz={publicQuiz(slug)}
      title={lesson.text[locale].front.title}
      lesson={<LessonMarkdown markdown={lesson.text[locale].markdown} locale={locale} />}
      locale={locale}
      exercise={exercise}
      sandbox={sandbox}
      completed={p?.completed ?? false}
      attempts={p?.attempts ?? 0}
    />
  );
}
