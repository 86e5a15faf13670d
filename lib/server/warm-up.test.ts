import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { warmUp } from "./warm-up";

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
    if (req.url === "/lessons/b") done();
    res.writeHead(req.url?.startsWith("/lessons") ? 307 : 200, { location: "/login" }).end("ok");
  });
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return { s, seen, finished, origin: `http://localhost:${(s.address() as AddressInfo).port}` };
}

test("the server asks for each page once it listens, signed out and marked as a warm-up", async () => {
  const { s, seen, finished, origin } = await server();
  try {
    warmUp(["/", "/lessons/a", "/lessons/b"], origin);
    await finished;
    expect(seen).toEqual(["/api/health", "/ 1", "/lessons/a 1", "/lessons/b 1"]);
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
