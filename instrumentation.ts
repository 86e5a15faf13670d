// Next.js calls register() once when a server starts (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  // Only a production server (`next start`): `next dev` compiles a page when it is first asked for.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const { loadCourse } = await import("./lib/content/load");
  const { warmUp } = await import("./lib/server/warm-up");
  warmUp(["/", "/login", ...[...loadCourse().lessons.keys()].map((slug) => `/lessons/${slug}`)]);
}
