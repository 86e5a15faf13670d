// After `next start`, the first request to each page loads that route's server code (the lesson
// page: the simulator, Markdown, highlighting, the data layer): ~0.5 s on these machines, paid by
// the first learner to open a lesson; the first static file served costs ~0.1 s more. The server
// asks for its own pages once as soon as it listens, and for the scripts and styles a page names,
// as a browser would, so nobody waits for that. WARM_UP=0 turns it off.
// The requests carry this process's warm-up token (random, never leaves the process but to
// 127.0.0.1): a lesson page renders its text and workspace for it without a learner (no sandbox),
// where anyone else signed out is sent to the sign-in, so its first real render is not the first.
import { randomBytes, timingSafeEqual } from "node:crypto";

const g = globalThis as unknown as { __kubelingsWarmUpToken?: string };
/** This process's token (on globalThis: the instrumentation and the pages are separate bundles). */
export const warmUpToken = (): string => (g.__kubelingsWarmUpToken ??= randomBytes(24).toString("base64url"));
export const WARM_UP_HEADER = "x-kubelings-warm-up";

/** Whether a request's header value is this process's warm-up token. */
export function isWarmUpToken(value: string | null | undefined): boolean {
  if (!value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(warmUpToken());
  return a.length === b.length && timingSafeEqual(a, b);
}

const ATTEMPTS = 50;

export function warmUp(paths: string[], origin = process.env.__NEXT_PRIVATE_ORIGIN ?? (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : undefined)): void {
  if (!origin || process.env.WARM_UP === "0") return;
  const base = origin.replace("://localhost", "://127.0.0.1").replace("://0.0.0.0", "://127.0.0.1").replace("://[::]", "://127.0.0.1");
  void (async () => {
    for (let i = 0; i < ATTEMPTS; i++) {
      try {
        (await fetch(`${base}/api/health`)).body?.cancel();
        break; // listening
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const assets = new Set<string>();
    for (const p of paths) {
      try {
        const r = await fetch(base + p, { redirect: "manual", headers: { [WARM_UP_HEADER]: warmUpToken(), "accept-encoding": "gzip" } });
        for (const a of assetsOf(await r.text())) assets.add(a);
      } catch {
        /* a page that fails here fails for its visitor too, with its own error */
      }
    }
    for (const a of assets) {
      try {
        await (await fetch(base + a, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
      } catch {}
    }
  })();
}

/** The same-origin scripts and stylesheets a page's HTML names (/_next/static/...). */
export function assetsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/_next\/static\/[^"]+)"/g)) out.push(m[1]);
  return out;
}
