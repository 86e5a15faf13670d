import { describe, expect, inject, test, vi } from "vitest";
import { db } from "./db";
import * as sandboxes from "./sandboxes";
import * as interactive from "./sandbox-interactive";
import { newViewer } from "@/test/integration/fixtures";

// Snapshots are written every SNAPSHOT_EVERY commands; the commands logged after the last one are
// replayed on it when a sandbox is loaded. A restart (here: a second copy of the modules with a
// cache of its own, like a new process) must rebuild exactly the state the first instance holds.

const provider = inject("provider");
const T0 = Date.UTC(2030, 0, 1, 12);
const S = 1000;
const DAY = 24 * 3600 * S;

/** A second app instance (or the same one after a restart): empty cache, own locks. */
async function restarted() {
  vi.resetModules();
  (await import("./sandbox-cache")).isolateInstance();
  const other = await import("./sandboxes");
  expect(other).not.toBe(sandboxes);
  return other;
}

async function row(id: string) {
  return db().sandbox.findUniqueOrThrow({ where: { id }, select: { version: true, snapshotVersion: true } });
}

/** The state, from this instance's cached sandbox or from the database (snapshot + replay). */
async function stateOf(mod: typeof sandboxes, id: string): Promise<unknown> {
  const { version } = await row(id);
  return JSON.parse(JSON.stringify((await mod.live(id, version)).sandbox.snapshot()));
}

/** The paths where two states differ (the first few), so a failure says where. */
function differences(a: unknown, b: unknown, path = "", out: string[] = []): string[] {
  if (out.length >= 8) return out;
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out);
  } else if (a !== b) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`);
  return out;
}

describe(`snapshot + log replay on ${provider}`, () => {
  /** The service loaded with a replay budget (SNAPSHOT_REPLAY_MS), as a process started with it. */
  async function withReplayBudget(ms: number) {
    const saved = process.env.SNAPSHOT_REPLAY_MS;
    process.env.SNAPSHOT_REPLAY_MS = String(ms);
    try {
      return await restarted();
    } finally {
      if (saved === undefined) delete process.env.SNAPSHOT_REPLAY_MS;
      else process.env.SNAPSHOT_REPLAY_MS = saved;
    }
  }

  test("only every SNAPSHOT_EVERY-th command writes the snapshot; the others log a replayable row", async () => {
    const mod = await withReplayBudget(1e9); // the count rule alone
    expect(mod.REPLAY_BUDGET_MS).toBe(1e9);
    const v = await newViewer();
    const { id } = await mod.openSandbox(v, "fix-redis", T0);
    const n = mod.SNAPSHOT_EVERY + 3;
    for (let i = 1; i <= n; i++) await mod.exec(v, id, `kubectl create configmap c${i}`, T0 + i * S);
    expect(await row(id)).toEqual({ version: n, snapshotVersion: mod.SNAPSHOT_EVERY });
    const rows = await db().commandLog.findMany({ where: { sandboxId: id }, orderBy: { seq: "asc" }, select: { seq: true, replay: true } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(JSON.parse(rows[n - 1].replay!)).toEqual({ at: T0 + n * S });
  });

  test("a snapshot comes sooner once the commands since the last one took the replay budget to run", async () => {
    const mod = await withReplayBudget(1e-6); // any command exceeds it: every command is a snapshot
    const v = await newViewer();
    const { id } = await mod.openSandbox(v, "fix-redis", T0);
    for (let i = 1; i <= 3; i++) await mod.exec(v, id, `kubectl create configmap b${i}`, T0 + i * S);
    expect(await row(id)).toEqual({ version: 3, snapshotVersion: 3 });
    // The default budget keeps a cold load's replay short while snapshots stay rare.
    expect(sandboxes.REPLAY_BUDGET_MS).toBe(50);
    expect(sandboxes.SNAPSHOT_EVERY).toBe(64);
  });

  test("after a restart between log writes and the next snapshot, the state equals the live one", async () => {
    // The count rule alone: on a busy machine the replay budget could snapshot the last command.
    const sandboxes = await withReplayBudget(1e9);
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    // Commands of every kind, a failing one, reads that advance the clock between commands, and
    // times with sub-millisecond parts (the log's DateTime column could not hold them).
    const lines = [
      "kubectl get pods",
      "kubectl run web --image=nginx",
      "kubectl get pod nope",
      "kubectl create deployment api --image=nginx --replicas=2",
      "kubectl label pod redis tier=cache",
      "echo hello > notes.txt && cat notes.txt",
      "kubectl scale deployment api --replicas=3",
      "kubectl set image pod/redis redis=redis",
      "kubectl delete pod web --now",
      "kubectl get pods -o wide",
    ];
    let t = T0;
    for (const [i, line] of lines.entries()) {
      t += 1700.25 * (i + 1);
      await sandboxes.exec(v, id, line, t);
      if (i % 3 === 1) await sandboxes.clusterOf(v, id, t + 900);
      if (i === 5) await sandboxes.getSandbox(v, id, t + 2 * S);
    }
    expect((await row(id)).snapshotVersion).toBeLessThan(lines.length); // the last commands are only in the log
    const before = await stateOf(sandboxes, id);
    const after = await restarted();
    expect(differences(before, await stateOf(after, id))).toEqual([]);
    // And it goes on from there: the next command sees everything acknowledged before the restart.
    const r = await after.exec(v, id, "kubectl get deploy api -o jsonpath={.spec.replicas}", t + 5 * S);
    expect(r.output).toBe("3");
    expect((await after.exec(v, id, "cat notes.txt", t + 6 * S)).output).toBe("hello\n");
  });

  test("a catch-up cut short by the one-day limit is stored as a change, so a replay cuts at the same place", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await sandboxes.exec(v, id, "kubectl get pods", T0 + S);
    const other = await restarted();
    await other.clusterOf(v, id, T0 + 2 * S); // the other instance now holds version 1 too
    await sandboxes.clusterOf(v, id, T0 + DAY + 2 * 3600 * S); // idle 26 hours: the clock catches up 24
    expect(await row(id)).toEqual({ version: 2, snapshotVersion: 2 });
    // The other instance must not log a command on top of its stale version 1.
    await other.exec(v, id, "kubectl create configmap from-other", T0 + DAY + 2 * 3600 * S + S);
    // (Its command caught up the two hours past the cut: long enough to be a snapshot of its own.)
    expect((await row(id)).version).toBe(3);
    const r = await sandboxes.exec(v, id, "kubectl get configmap from-other -o name", T0 + DAY + 2 * 3600 * S + 2 * S);
    expect(r.output).toBe("configmap/from-other\n");
    const before = await stateOf(sandboxes, id);
    expect(differences(before, await stateOf(await restarted(), id))).toEqual([]);
  }, 180_000); // a day of virtual time takes ~10-40 s on these machines

  test("a stream's poll is stored with a full snapshot (polls are not replayed)", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await interactive.execInteractive(v, id, "kubectl get pods", T0 + S);
    const started = await interactive.execInteractive(v, id, "kubectl get pods -w", T0 + 2 * S);
    expect(started.stream).toBeDefined();
    expect((await row(id)).version).toBe(2); // (snapshotted or not, by the replay budget's timing)
    await interactive.pollStream(v, id, started.stream!.id, false, T0 + 10 * S);
    const r = await row(id);
    expect(r.snapshotVersion).toBe(r.version);
    const before = await stateOf(sandboxes, id);
    expect(differences(before, await stateOf(await restarted(), id))).toEqual([]);
  });

  test("a log that cannot rebuild the stored version is an error, never a silently different state", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await sandboxes.exec(v, id, "kubectl create configmap a", T0 + S);
    await sandboxes.exec(v, id, "kubectl create configmap b", T0 + 2 * S);
    await db().commandLog.updateMany({ where: { sandboxId: id, seq: 2 }, data: { replay: null } });
    const after = await restarted();
    await expect(after.live(id, 2)).rejects.toThrow(/cannot rebuild version 2/);
  });

  test("a snapshot from an older simulator format is set up afresh for its exercise instead of failing", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await sandboxes.exec(v, id, "kubectl create configmap kept-before-upgrade", T0 + S);
    await db().sandbox.update({ where: { id }, data: { snapshot: { update: { data: JSON.stringify({ version: 1, cluster: {} }) } }, snapshotVersion: 1 } });
    const after = await restarted();
    const r = await after.exec(v, id, "kubectl get pods,configmaps -o name", T0 + 2 * S);
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain("pod/redis"); // the exercise's setup ran again
    expect(r.output).not.toContain("kept-before-upgrade"); // the old state is gone, not half-restored
    const view = await after.getSandbox(v, id, T0 + 3 * S);
    expect(view.scrollback.map((e) => e.line)).toEqual(["kubectl get pods,configmaps -o name"]);
  });
});
