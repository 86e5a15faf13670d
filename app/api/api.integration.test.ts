// The API routes as the browser calls them: real Request objects, session cookies minted as
// next-auth mints them, the database from the integration setup.
import { describe, expect, inject, test, vi } from "vitest";
import { POST as openRoute } from "./sandboxes/route";
import { GET as getRoute } from "./sandboxes/[id]/route";
import execHandler from "@/pages/api/sandboxes/[id]/exec";
import { POST as gradeRoute } from "./sandboxes/[id]/grade/route";
import { GET as clusterRoute } from "./sandboxes/[id]/cluster/route";
import { POST as signupRoute } from "./signup/route";
import { db } from "@/lib/server/db";
import { fastStore } from "@/lib/server/fast-store";
import { endSessions, setDisabled, setRole } from "@/lib/server/users";
import { jsonRequest, newViewer, params, sessionCookie } from "@/test/integration/fixtures";
import { callNodeRoute } from "@/test/integration/node-route";

const provider = inject("provider");

async function learnerWithSandbox() {
  const v = await newViewer();
  const cookie = await sessionCookie(v);
  const res = await openRoute(jsonRequest("/api/sandboxes", { exercise: "fix-redis" }, cookie), params({}));
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };
  return { v, cookie, id };
}

// The exec route is a Pages Router API handler (the terminal's hot path: lib/server/node-route.ts).
const execRoute = (req: Request, { id }: { id: string }) => callNodeRoute(execHandler, req, { id });
const exec = (id: string, body: unknown, cookie?: string) => execRoute(jsonRequest(`/api/sandboxes/${id}/exec`, body, cookie), { id });

async function errorOf(res: Response) {
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at /); // never a stack trace
  return JSON.parse(text) as { error: { code: string; message: string } };
}

describe(`API routes on ${provider}`, () => {
  test("sign-up creates an account once and refuses a duplicate or a short password", async () => {
    const email = `signup-${Date.now()}@it.test`;
    expect((await signupRoute(jsonRequest("/api/signup", { email, password: "password123" }), params({}))).status).toBe(201);
    const dup = await signupRoute(jsonRequest("/api/signup", { email, password: "password123" }), params({}));
    expect(dup.status).toBe(409);
    const short = await signupRoute(jsonRequest("/api/signup", { email: `x${email}`, password: "short" }), params({}));
    expect(short.status).toBe(400);
    const row = await db().user.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.role).toBe("learner");
  });

  test("unauthenticated calls get 401", async () => {
    const { id } = await learnerWithSandbox();
    const res = await exec(id, { line: "kubectl get pods" });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.code).toBe("unauthenticated");
    expect((await getRoute(new Request(`http://localhost/api/sandboxes/${id}`), params({ id }))).status).toBe(401);
    expect((await exec(id, { line: "ls" }, "next-auth.session-token=forged.token.value")).status).toBe(401);
  });

  test("another learner's sandbox is 404", async () => {
    const { id } = await learnerWithSandbox();
    const other = await sessionCookie(await newViewer());
    expect((await exec(id, { line: "kubectl delete pod redis" }, other)).status).toBe(404);
    expect((await getRoute(new Request(`http://localhost/api/sandboxes/${id}`, { headers: { cookie: other } }), params({ id }))).status).toBe(404);
    expect((await gradeRoute(new Request(`http://localhost/api/sandboxes/${id}/grade`, { method: "POST", headers: { cookie: other } }), params({ id }))).status).toBe(404);
  });

  test("the live cluster picture is served to the owner only", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const get = (c?: string) => clusterRoute(new Request(`http://localhost/api/sandboxes/${id}/cluster`, { headers: c ? { cookie: c } : {} }), params({ id }));
    const mine = await get(cookie);
    expect(mine.status).toBe(200);
    const { cluster } = (await mine.json()) as { cluster: { nodes: { name: string; pods: { name: string }[] }[] } };
    expect(cluster.nodes.map((n) => n.name)).toEqual(["controlplane", "node01", "node02"]);
    expect(cluster.nodes.flatMap((n) => n.pods.map((p) => p.name))).toContain("redis");
    expect((await get(await sessionCookie(await newViewer()))).status).toBe(404);
    expect((await get()).status).toBe(401);
  });

  test("malformed JSON is 400, a wrong shape is 400, an oversized body is 413", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const bad = await exec(id, '{"line": "kubectl get', cookie);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).error.code).toBe("malformed_json");
    expect((await exec(id, { line: 42 }, cookie)).status).toBe(400);
    const form = await execRoute(jsonRequest(`/api/sandboxes/${id}/exec`, '{"line":"ls"}', cookie, { headers: { "content-type": "text/plain", cookie } }), { id });
    expect(form.status).toBe(415);
    const huge = await exec(id, { line: "x".repeat(100_000) }, cookie);
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).error.code).toBe("too_large");
    // Without a Content-Length (chunked), the body is refused as soon as it passes the limit.
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(i === 0 ? '{"line":"' : "z".repeat(8_192)));
        c.close();
      },
    });
    const chunked = await execRoute(new Request(`http://localhost/api/sandboxes/${id}/exec`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: chunks, duplex: "half" } as RequestInit), { id });
    expect(chunked.status).toBe(413);
    expect((await errorOf(chunked)).error.code).toBe("too_large");
  });

  test("an exec answer leaves the cluster picture out while it is the one the terminal shows", async () => {
    const { id, cookie } = await learnerWithSandbox();
    type Answer = { output: string; cluster?: { tag: string; nodes: { pods: { name: string }[] }[] } };
    const first = (await (await exec(id, { line: "kubectl get pods" }, cookie)).json()) as Answer;
    const tag = first.cluster!.tag;
    expect(tag).toBeTruthy();
    const same = (await (await exec(id, { line: "kubectl get pods", clusterTag: tag }, cookie)).json()) as Answer;
    expect(same.output).toContain("redis");
    expect(same).not.toHaveProperty("cluster");
    const stale = (await (await exec(id, { line: "true", clusterTag: "stale.tag" }, cookie)).json()) as Answer;
    expect(stale.cluster?.tag).toBe(tag);
    const changed = (await (await exec(id, { line: "kubectl run web --image=nginx", clusterTag: tag }, cookie)).json()) as Answer;
    expect(changed.cluster!.tag).not.toBe(tag);
    expect(changed.cluster!.nodes.flatMap((n) => n.pods.map((p) => p.name))).toContain("web");
    expect((await exec(id, { line: "true", clusterTag: "x".repeat(65) }, cookie)).status).toBe(400);
  });

  test("a command's answer goes out uncompressed up to 16 KB, and gzipped above", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const gz = { "accept-encoding": "gzip" };
    const call = (line: string) => execRoute(jsonRequest(`/api/sandboxes/${id}/exec`, { line }, cookie, { headers: { "content-type": "application/json", cookie, ...gz } }), { id });
    const small = await call("kubectl describe pod redis");
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    const big = await call("for i in $(seq 1 800); do echo line-$i-of-a-long-output; done");
    expect(big.headers.get("cache-control")).toBe("no-store");
    expect(((await big.json()) as { output: string }).output.split("\n")).toHaveLength(801);
  });

  test("the exec route answers only POST: 405 with Allow, and nothing runs", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const first = (await (await exec(id, { line: "true" }, cookie)).json()) as { version: number };
    const res = await execRoute(new Request(`http://localhost/api/sandboxes/${id}/exec`, { headers: { cookie } }), { id });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await errorOf(res)).error.code).toBe("method_not_allowed");
    const next = (await (await exec(id, { line: "true" }, cookie)).json()) as { version: number };
    expect(next.version).toBe(first.version + 1);
  });

  test("an over-long command line gets a clear error", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const res = await exec(id, { line: "echo " + "y".repeat(17_000) }, cookie);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error).toEqual({ code: "line_too_long", message: "A command line may be at most 16384 bytes." });
  });

  test("too many commands per second get 429 with Retry-After", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const results = await Promise.all(Array.from({ length: 8 }, () => exec(id, { line: "true" }, cookie)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5); // COMMANDS_PER_SECOND=5 in the setup
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await errorOf(limited)).error.code).toBe("rate_limited");
  });

  test("sign-out, disabling and a role change end the session on the very next request", async () => {
    for (const end of [
      (uid: string) => endSessions(uid),
      async (uid: string) => setDisabled({ id: "x", email: "a@b", name: null, role: "admin" }, uid, true),
      async (uid: string) => setRole({ id: "x", email: "a@b", name: null, role: "admin" }, uid, "instructor"),
    ]) {
      const { v, cookie, id } = await learnerWithSandbox();
      expect((await exec(id, { line: "true" }, cookie)).status).toBe(200);
      await end(v.id);
      expect((await exec(id, { line: "true" }, cookie)).status).toBe(401);
    }
  });

  test("a database outage is 503 with a message, and nothing partial is written", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const before = await db().commandLog.count({ where: { sandboxId: id } });
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
    let res: Response;
    try {
      res = await exec(id, { line: "kubectl delete pod redis" }, cookie);
    } finally {
      process.env.DATABASE_URL = saved;
    }
    expect(res.status).toBe(503);
    expect((await errorOf(res)).error.message).toMatch(/database is unavailable/);
    expect(await db().commandLog.count({ where: { sandboxId: id } })).toBe(before);
    const after = await exec(id, { line: "kubectl get pod redis -o name" }, cookie);
    expect((await after.json()) as object).toMatchObject({ output: "pod/redis\n" });
  });

  test("a database failure while storing a command is 503 and the command leaves no trace", async () => {
    const { id, cookie } = await learnerWithSandbox();
    const spy = vi.spyOn(fastStore(), "writeCommand").mockRejectedValueOnce(Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" }));
    try {
      const res = await exec(id, { line: "kubectl delete pod redis" }, cookie);
      expect(res.status).toBe(503);
    } finally {
      spy.mockRestore();
    }
    const res = await exec(id, { line: "kubectl get pod redis -o name" }, cookie);
    expect(((await res.json()) as { output: string }).output).toBe("pod/redis\n");
    expect((await db().commandLog.findMany({ where: { sandboxId: id } })).map((r) => r.line)).toEqual(["kubectl get pod redis -o name"]);
  });
});
