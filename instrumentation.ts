// Next.js calls register() once when a server starts (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  // Only a production server (`next start`): `next dev` compiles a page when it is first asked for.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const { loadCourse } = await import("./lib/content/load");
  const { warmUp } = await import("./lib/server/warm-up");
  const { localizedLessonHtml } = await import("./lib/content/lesson-html");
  const { LOCALES } = await import("./lib/i18n/i18n");
  const course = loadCourse();
  // Every lesson's HTML, one per event-loop turn (30-50 ms each), before a learner asks for it.
  const texts = [...course.lessons.values()].flatMap((l) => LOCALES.map((locale) => () => localizedLessonHtml(l.text[locale].markdown, locale)));
  const renderNext = () => {
    const render = texts.shift();
    if (!render) return;
    render();
    setTimeout(renderNext, 0);
  };
  setTimeout(renderNext, 0);
  // A few sandboxes set up ahead for each exercise (lib/server/sandbox-pool.ts): a newcomer's first
  // page takes one instead of booting a cluster inside its request.
  const { fill } = await import("./lib/server/sandbox-pool");
  for (const { exercise } of course.exercises.values()) fill(exercise);
  warmUp(["/", "/login", ...[...course.lessons.keys()].map((slug) => `/lessons/${slug}`)]);
}
