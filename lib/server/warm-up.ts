// After `next start`, the first request to each page loads that route's server code (the lesson
// page: the simulator, Markdown, highlighting, the data layer): ~0.5 s on these machines, paid by
// the first learner to open a lesson. The server asks for its own pages once as soon as it listens
// (signed out: the route's code loads and the page redirects to the sign-in), so nobody waits for
// that. WARM_UP=0 turns it off.

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
    for (const p of paths) {
      try {
        const r = await fetch(base + p, { redirect: "manual", headers: { "x-kubelings-warm-up": "1" } });
        await r.arrayBuffer();
      } catch {
        /* a page that fails here fails for its visitor too, with its own error */
      }
    }
  })();
}
