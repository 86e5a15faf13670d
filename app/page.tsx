import Link from "next/link";
import { course } from "@/lib/content/load";
import { getViewer } from "@/lib/server/auth";
import { serverT } from "@/lib/server/locale";
import { progressOf } from "@/lib/server/progress";

export const dynamic = "force-dynamic";

export default async function Home() {
  const [{ locale, t }, viewer] = await Promise.all([serverT(), getViewer()]);
  const c = course();
  const progress = viewer ? await progressOf(viewer) : new Map();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold">{c.title[locale]}</h1>
      <p className="mt-2 text-muted">{t("app.tagline")}</p>
      {!viewer && (
        <p className="mt-6 rounded border border-line bg-panel p-4">
          {t("home.signInToStart")}{" "}
          <Link href="/login" className="text-accent underline">{t("nav.signIn")}</Link> ·{" "}
          <Link href="/signup" className="text-accent underline">{t("nav.signUp")}</Link>
        </p>
      )}
      {c.modules.map((m) => (
        <section key={m.id} className="mt-8" aria-labelledby={`mod-${m.id}`}>
          <h2 id={`mod-${m.id}`} className="text-xl font-semibold">{m.title[locale]}</h2>
          <ul className="mt-3 space-y-3">
            {m.lessons.map((slug) => {
              const lesson = c.lessons.get(slug)!;
              const front = lesson.text[locale].front;
              const done = lesson.exercises.length > 0 && lesson.exercises.every((e) => progress.get(e.id)?.completed);
              return (
                <li key={slug} className="rounded-lg border border-line bg-panel p-4">
                  <div className="flex items-baseline gap-2">
                    <Link href={`/lessons/${slug}`} className="text-lg font-semibold text-accent underline-offset-2 hover:underline">{front.title}</Link>
                    <span className="text-sm text-muted">{t("home.minutes", { count: front.minutes })}</span>
                    {done && <span className="ml-auto rounded bg-ok px-2 py-0.5 text-xs font-semibold text-bg">{t("home.completed")}</span>}
                  </div>
                  <p className="mt-1 text-sm text-muted">{front.summary}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
