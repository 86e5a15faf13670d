import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { assetsOf, isWarmUpToken, warmUp, warmUpToken } from "./warm-up";

const saved = process.env.WARM_UP;
afterEach(() => {
  if (saved === undefined) delete process.env.WARM_UP;
  else process.env.WARM_UP = saved;
});

async function server() {
  const seen: string[] = [];
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));
  const s = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers["x-kubelings-warm-up"] ?? ""}`.trim());
    if (req.url === "/_next/static/chunks/b.js") done();
    if (req.url === "/") res.writeHead(200).end('<link rel="stylesheet" href="/_next/static/chunks/a.css"/><script src="/_next/static/chunks/b.js" async=""></script>');
    else res.writeHead(req.url?.startsWith("/lessons") ? 307 : 200, { location: "/login" }).end('<script src="/_next/static/chunks/b.js"></script><script src="https://elsewhere/x.js"></script>');
  });
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return { s, seen, finished, origin: `http://localhost:${(s.address() as AddressInfo).port}` };
}

test("the server asks for each page once it listens, signed out and with its warm-up token", async () => {
  const { s, seen, finished, origin } = await server();
  try {
    warmUp(["/", "/lessons/a", "/lessons/b"], origin);
    await finished;
    // Each page once, then each of its scripts and styles once (like a browser), nothing off-site.
    const t = warmUpToken();
    expect(seen).toEqual(["/api/health", `/ ${t}`, `/lessons/a ${t}`, `/lessons/b ${t}`, "/_next/static/chunks/a.css", "/_next/static/chunks/b.js"]);
  } finally {
    s.close();
  }
});

test("WARM_UP=0 turns it off", async () => {
  const { s, seen, origin } = await server();
  try {
    process.env.WARM_UP = "0";
    warmUp(["/"], origin);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
  } finally {
    s.close();
  }
});

test("assetsOf finds a page's own scripts and stylesheets", () => {
  expect(assetsOf('<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/x.js"/><script src="/_next/static/chunks/y.js" async=""></script><img src="/_next/static/media/z.png">')).toEqual(["/_next/static/chunks/x.js", "/_next/static/chunks/y.js"]);
});

test("the warm-up token is this process's own: random, stable, and nothing else passes", () => {
  const t = warmUpToken();
  expect(t).toMatch(/^[\w-]{32}$/);
  expect(warmUpToken()).toBe(t);
  expect(isWarmUpToken(t)).toBe(true);
  for (const other of [undefined, null, "", "1", t.slice(1), `${t}x`, t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase()]) expect(isWarmUpToken(other)).toBe(false);
});
