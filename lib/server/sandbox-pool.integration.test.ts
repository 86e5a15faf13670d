import { afterEach, describe, expect, test, vi, inject } from "vitest";
import { course } from "@/lib/content/load";
import { newViewer } from "@/test/integration/fixtures";
import { db } from "./db";
import { drainPool, fill, MAX_POOL_SIZE, POOL_MAX_AGE_MS, poolSizeFrom, poolState } from "./sandbox-pool";
import * as sandboxes from "./sandboxes";
import { apiSchemasReady, restoreSandbox } from "./sim";

const provider = inject("provider");
const exercise = () => course().exercises.get("fix-redis")!.exercise;
const filled = (n: number) => vi.waitFor(() => expect(poolState("fix-redis")).toEqual({ ready: n, filling: false }), { timeout: 30_000, interval: 50 });
/** When the exercise's setup created the pod, per the sandbox's own API (seconds). */
async function redisCreated(v: Awaited<ReturnType<typeof newViewer>>, id: string, now: number): Promise<number> {
  const r = await sandboxes.exec(v, id, "kubectl get pod redis -o jsonpath={.metadata.creationTimestamp}", now);
  return Date.parse(r.output);
}

describe(`sandboxes set up ahead of time on ${provider}`, () => {
  afterEach(() => {
    drainPool();
    delete process.env.SANDBOX_POOL;
  });

  test("a newcomer's sandbox comes from the pool, stored as it was made; the pool refills", async () => {
    drainPool();
    fill(exercise());
    await filled(2);
    const v = await newViewer();
    const before = Date.now();
    const view = await sandboxes.openSandbox(v, "fix-redis", before);
    expect(poolState("fix-redis").ready).toBe(1); // taken: one left, the refill under way
    // Stored: the snapshot as the pool made it (the clock then), an empty log.
    const row = await db().sandboxSnapshot.findUniqueOrThrow({ where: { sandboxId: view.id } });
    await apiSchemasReady;
    const stored = restoreSandbox(JSON.parse(row.data)).now();
    expect(stored).toBeLessThanOrEqual(before);
    expect(before - stored).toBeLessThan(POOL_MAX_AGE_MS);
    expect(view.scrollback).toEqual([]);
    // Made ahead, within the age limit; then the sandbox follows the wall clock as any other.
    const created = await redisCreated(v, view.id, Date.now());
    expect(created).toBeLessThanOrEqual(before);
    expect(before - created).toBeLessThan(POOL_MAX_AGE_MS);
    const pod = await sandboxes.exec(v, view.id, "kubectl get pod redis", Date.now() + 60_000);
    expect(pod.output).toMatch(/^redis\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s/m);
    await filled(2);
  });

  test("two newcomers get clusters of their own (seeds)", async () => {
    drainPool();
    fill(exercise());
    await filled(2);
    const [a, b] = [await newViewer(), await newViewer()];
    const now = Date.now();
    const ids = [(await sandboxes.openSandbox(a, "fix-redis", now)).id, (await sandboxes.openSandbox(b, "fix-redis", now)).id];
    const names = [
      (await sandboxes.exec(a, ids[0], "kubectl get pods -n kube-system -o name", now + 1000)).output,
      (await sandboxes.exec(b, ids[1], "kubectl get pods -n kube-system -o name", now + 1000)).output,
    ];
    expect(names[0]).toMatch(/pod\/kube-proxy-/);
    expect(names[0]).not.toBe(names[1]);
  });

  test("too old for the time asked (or another time than the wall clock's): made on the spot", async () => {
    drainPool();
    fill(exercise());
    await filled(2);
    const v = await newViewer();
    const later = Date.now() + POOL_MAX_AGE_MS + 60_000;
    const view = await sandboxes.openSandbox(v, "fix-redis", later);
    expect(await redisCreated(v, view.id, later)).toBe(Math.floor(later / 1000) * 1000);
    expect(poolState("fix-redis").ready).toBe(0); // both too old for that time: dropped
    // A test's virtual time years ahead gets the same.
    const t = Date.UTC(2031, 5, 1);
    const w = await newViewer();
    const other = await sandboxes.openSandbox(w, "fix-redis", t);
    expect(await redisCreated(w, other.id, t)).toBe(t);
  });

  test("SANDBOX_POOL=0 keeps none", async () => {
    drainPool();
    process.env.SANDBOX_POOL = "0";
    fill(exercise());
    await new Promise((r) => setTimeout(r, 300));
    expect(poolState("fix-redis")).toEqual({ ready: 0, filling: false });
    const v = await newViewer();
    const now = Date.now();
    const view = await sandboxes.openSandbox(v, "fix-redis", now);
    expect(await redisCreated(v, view.id, now)).toBe(Math.floor(now / 1000) * 1000);
  });
});

test("SANDBOX_POOL takes a whole number from 0 to 16; anything else is named and the default used", () => {
  expect(poolSizeFrom(undefined)).toEqual({ size: 2 });
  expect(poolSizeFrom(" ")).toEqual({ size: 2 });
  expect(poolSizeFrom("0")).toEqual({ size: 0 });
  expect(poolSizeFrom(String(MAX_POOL_SIZE))).toEqual({ size: 16 });
  for (const bad of ["17", "-1", "1.5", "two", "1e9"]) {
    expect(poolSizeFrom(bad)).toEqual({ size: 2, problem: `SANDBOX_POOL=${bad}: expected a whole number from 0 to 16; using 2` });
  }
});
