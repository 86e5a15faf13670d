import { serverT } from "@/lib/server/locale";

// Sent at once while the page opens the learner's sandbox: the workspace's frame, so the page does
// not jump when the lesson streams in (lesson-workspace.tsx has the same grid).
export default async function LessonLoading() {
  const { t } = await serverT();
  return (
    <div aria-busy="true" className="mx-auto grid max-w-[1600px] gap-4 px-4 py-4 lg:h-[calc(100vh-3.5rem)] lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <div className="rounded-lg border border-line bg-panel p-5">
        <p role="status" className="text-muted">{t("app.loadingLesson")}</p>
      </div>
      <div className="h-[55vh] min-h-[320px] rounded-lg border border-line bg-panel" />
    </div>
  );
}
