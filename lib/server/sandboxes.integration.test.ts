import { describe, expect, test, vi, inject } from "vitest";
import { db } from "./db";
import { AppError } from "./errors";
import * as sandboxes from "./sandboxes";
import { newViewer } from "@/test/integration/fixtures";

const provider = inject("provider");
const T0 = Date.UTC(2030, 0, 1, 12);
const S = 1000;

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

describe(`sandbox service on ${provider}`, () => {
  test("opening an exercise creates one sandbox per learner and runs the setup", async () => {
    const v = await newViewer();
    const a = await sandboxes.openSandbox(v, "fix-redis", T0);
    const b = await sandboxes.openSandbox(v, "fix-redis", T0 + S);
    expect(b.id).toBe(a.id);
    expect(a.prompt).toBe("controlplane $ ");
    const pods = a.cluster.nodes.flatMap((n) => n.pods).concat(a.cluster.unscheduled);
    expect(pods.map((p) => p.name)).toContain("redis");
    expect(a.scrollback).toEqual([]);
  });

  test("an unknown exercise is a 404", async () => {
    await expectCode(sandboxes.openSandbox(await newViewer(), "no-such-exercise", T0), "not_found");
  });

  test("each command is stored with its output and bumps the version; the scrollback and history come back", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    const r1 = await sandboxes.exec(v, id, "kubectl get pods", T0 + 2 * S);
    expect(r1.exitCode).toBe(0);
    expect(r1.output).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(r1.version).toBe(1);
    const r2 = await sandboxes.exec(v, id, "kubectl get pod nope", T0 + 3 * S);
    expect(r2.exitCode).toBe(1);
    expect(r2.output).toBe('Error from server (NotFound): pods "nope" not found\n');
    const view = await sandboxes.getSandbox(v, id, T0 + 4 * S);
    expect(view.scrollback.map((e) => [e.line, e.exitCode])).toEqual([["kubectl get pods", 0], ["kubectl get pod nope", 1]]);
    expect(view.history).toEqual(["kubectl get pods", "kubectl get pod nope"]);
    const rows = await db().commandLog.findMany({ where: { sandboxId: id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(rows[1].output).toContain("NotFound");
  });

  test("a reopened page restores the newest commands' output up to 64 KB, long outputs clipped", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await sandboxes.exec(v, id, "echo first", T0 + S);
    // `seq 1 6000` prints 28,893 characters: two fit in 64 KB, a third does not.
    for (let i = 0; i < 3; i++) await sandboxes.exec(v, id, `seq ${i + 1} 6000`, T0 + (2 + i) * S);
    let view = await sandboxes.getSandbox(v, id, T0 + 6 * S);
    expect(view.scrollback.map((e) => e.line)).toEqual(["seq 2 6000", "seq 3 6000"]);
    expect(view.scrollback[1].output).toBe(Array.from({ length: 5998 }, (_, k) => `${k + 3}\n`).join(""));
    expect(view.history).toContain("echo first"); // the history is not cut
    // One output over the per-command limit is kept, clipped to its last 32 KB.
    await sandboxes.exec(v, id, "seq 1 20000", T0 + 7 * S);
    view = await sandboxes.getSandbox(v, id, T0 + 8 * S);
    expect(view.scrollback.map((e) => e.line)).toEqual(["seq 3 6000", "seq 1 20000"]);
    expect(view.scrollback[1].output).toMatch(/^\[\.\.\. 76126 characters of output not shown \.\.\.\]\n\d+\n/);
    expect(view.scrollback[1].output.endsWith("19999\n20000\n")).toBe(true);
  });

  test("another learner gets 404 for every operation on someone else's sandbox", async () => {
    const owner = await newViewer("owner");
    const other = await newViewer("other");
    const { id } = await sandboxes.openSandbox(owner, "fix-redis", T0);
    await expectCode(sandboxes.getSandbox(other, id, T0), "not_found");
    await expectCode(sandboxes.exec(other, id, "kubectl delete pod redis", T0), "not_found");
    await expectCode(sandboxes.resetSandbox(other, id, T0), "not_found");
    await expectCode(sandboxes.grade(other, id, T0), "not_found");
    expect(await db().commandLog.count({ where: { sandboxId: id } })).toBe(0);
  });

  test("a command line over the limit is refused with a clear error and nothing is stored", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await expect(sandboxes.exec(v, id, "echo " + "x".repeat(20_000), T0)).rejects.toThrow(/at most 16384 bytes/);
    expect(await db().commandLog.count({ where: { sandboxId: id } })).toBe(0);
  });

  test("the sandbox clock follows the wall clock: a day later the pod has backed off for a day", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    const soon = await sandboxes.exec(v, id, "kubectl get pod redis", T0 + 500);
    expect(soon.output).toMatch(/redis\s+0\/1\s+(ContainerCreating|Pending)\s+0\s+0s/);
    const later = await sandboxes.exec(v, id, "kubectl get pod redis", T0 + 24 * 3600 * S);
    expect(later.output).toMatch(/redis\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s+0\s+24h/);
  });

  test("grading fails after the setup, passes after the fix, and stores attempts and completion", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    const before = await sandboxes.grade(v, id, T0 + 30 * S);
    expect(before.passed).toBe(false);
    expect(Object.fromEntries(before.results.map((r) => [r.id, r.status]))).toEqual({ exists: "pass", image: "fail", running: "fail", ready: "fail" });
    expect(before.results.find((r) => r.id === "image")!.message.en).toBe("The image is redis123; it should be redis.");
    await sandboxes.exec(v, id, "kubectl set image pod/redis redis=redis", T0 + 31 * S);
    const after = await sandboxes.grade(v, id, T0 + 120 * S);
    expect(after).toMatchObject({ passed: true, score: 10, completed: true });
    const attempts = await db().attempt.findMany({ where: { userId: v.id } });
    expect(attempts.map((a) => a.passed).sort()).toEqual([false, true]);
    const progress = await db().exerciseProgress.findUniqueOrThrow({ where: { userId_exercise: { userId: v.id, exercise: "fix-redis" } } });
    expect(progress.attempts).toBe(2);
    expect(progress.completedAt).not.toBeNull();
  });

  test("deleting and re-running the pod with the right image also passes", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await sandboxes.exec(v, id, "kubectl delete pod redis --now", T0 + 5 * S);
    await sandboxes.exec(v, id, "kubectl run redis --image=redis:7", T0 + 20 * S);
    expect((await sandboxes.grade(v, id, T0 + 120 * S)).passed).toBe(true);
  });

  test("reset brings back the broken pod, clears the scrollback and keeps the history", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await sandboxes.exec(v, id, "kubectl set image pod/redis redis=redis", T0 + S);
    const view = await sandboxes.resetSandbox(v, id, T0 + 2 * S);
    expect(view.scrollback).toEqual([]);
    expect(view.history).toEqual(["kubectl set image pod/redis redis=redis"]);
    const r = await sandboxes.exec(v, id, "kubectl get pod redis -o jsonpath={.spec.containers[0].image}", T0 + 3 * S);
    expect(r.output).toBe("redis123");
  });

  test("two app instances writing to one sandbox concurrently lose no acknowledged command", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    vi.resetModules();
    (await import("./sandbox-cache")).isolateInstance();
    const other = await import("./sandboxes"); // a second copy: its own cache and locks, like another process
    expect(other).not.toBe(sandboxes);
    const jobs = Array.from({ length: 10 }, (_, i) => (i % 2 ? other : sandboxes).exec(v, id, `kubectl create configmap c${i}`, T0 + S));
    const results = await Promise.all(jobs);
    results.forEach((r, i) => expect(r.output).toBe(`configmap/c${i} created\n`));
    expect(new Set(results.map((r) => r.version)).size).toBe(10);
    const names = (await sandboxes.exec(v, id, "kubectl get configmaps -o name", T0 + 2 * S)).output;
    for (let i = 0; i < 10; i++) expect(names).toContain(`configmap/c${i}\n`);
    const seqs = (await db().commandLog.findMany({ where: { sandboxId: id }, select: { seq: true } })).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  test("a stale cache in one instance is noticed through the version and reloaded", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await sandboxes.exec(v, id, "kubectl get pods", T0 + S); // warms this instance's cache
    vi.resetModules();
    (await import("./sandbox-cache")).isolateInstance();
    const other = await import("./sandboxes");
    await other.exec(v, id, "kubectl create namespace team-a", T0 + 2 * S);
    const r = await sandboxes.exec(v, id, "kubectl get namespace team-a -o name", T0 + 3 * S);
    expect(r.output).toBe("namespace/team-a\n");
  });
});
