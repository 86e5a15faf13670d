import "server-only";
import { course } from "@/lib/content/load";
import type { Exercise } from "@/lib/content/schema";
import type { CheckResult } from "@/lib/grading/checks";
import { gradeExercise, score } from "@/lib/grading/grade";
import { db } from "./db";
import { fastStore } from "./fast-store";
import { clusterViewOf, type TaggedClusterView } from "./cluster-view";
import { AppError } from "./errors";
import { cachedAt, forget, peek, remember, withSandboxLock } from "./sandbox-cache";
import { apiSchemasReady, restoreSandbox, SNAPSHOT_VERSION, type ClusterView, type ExecResult, type Sandbox, type SandboxSnapshot } from "./sim";
import type { InteractiveRequest } from "@/sim/editor/session";
import { fill, takeFresh } from "./sandbox-pool";
import type { Viewer } from "./viewer";

// The sandbox service: one simulated cluster per (user, exercise). The sandbox clock is the wall
// clock, so pods start in real seconds and a sandbox left for a day catches up on its next use.
// Every command's log row is written in a transaction guarded by `version`; the snapshot only every
// SNAPSHOT_EVERY commands, or sooner when replaying the commands since the last one would take
// more than REPLAY_BUDGET_MS (and with every change that is not a plain command): the simulator is
// deterministic, so the snapshot plus the commands logged after it (line, exact virtual time, mode)
// rebuild the state exactly (`live`). A snapshot costs ~2-6 ms of CPU (packing and deflating the
// changed parts), a logged command ~0.3-1 ms to replay: writing one every 64 commands keeps its share
// of an exec small while a cold load (a restart, another instance) replays at most ~50 ms (the
// budget, measured in wall time while serving: 20 ms snapshotted every ~20-40 commands under load).

export const MAX_LINE_BYTES = 16_384; // sim/core/limits.ts commandLineBytes
export const MAX_TRIES = 10;
const SCROLLBACK_ENTRIES = 200;
const HISTORY_ENTRIES = 500;
const SCROLLBACK_OUTPUT_CHARS = 32_768; // per restored command; the log itself keeps everything
// All restored commands together, newest first: what a reopened page carries and its terminal
// replays before the prompt (xterm keeps 5000 lines, ~64 KB of typical kubectl output). Without
// it, 200 long outputs made a page of megabytes and a terminal ready seconds later.
const SCROLLBACK_TOTAL_CHARS = 65_536;
/** A full snapshot at least every this many commands (SNAPSHOT_EVERY, default 64; 1 = every command). */
export const SNAPSHOT_EVERY = Math.max(1, Math.floor(Number(process.env.SNAPSHOT_EVERY) || 64));
/** ... and as soon as the commands since the last one took this much CPU time to run (SNAPSHOT_REPLAY_MS). */
export const REPLAY_BUDGET_MS = Math.max(0, Number(process.env.SNAPSHOT_REPLAY_MS) || 50);
/** The time the commands since the stored snapshot took to run: what a cold load would replay. */
const unsnapshotted = new WeakMap<Sandbox, number>();

function clip(output: string): string {
  return output.length <= SCROLLBACK_OUTPUT_CHARS ? output : `[... ${output.length - SCROLLBACK_OUTPUT_CHARS} characters of output not shown ...]\n${output.slice(-SCROLLBACK_OUTPUT_CHARS)}`;
}

/** The scrollback a page restores, oldest first: the newest commands up to SCROLLBACK_TOTAL_CHARS (at least one). */
function restoredScrollback(newestFirst: ScrollbackEntry[]): ScrollbackEntry[] {
  const out: ScrollbackEntry[] = [];
  let chars = 0;
  for (const e of newestFirst) {
    const output = clip(e.output);
    chars += e.line.length + output.length;
    if (out.length > 0 && chars > SCROLLBACK_TOTAL_CHARS) break;
    out.push({ ...e, output });
  }
  return out.reverse();
}

export interface ScrollbackEntry { prompt: string; line: string; output: string; exitCode: number }
export interface SandboxView {
  id: string;
  exercise: string;
  prompt: string;
  cluster: ClusterView;
  scrollback: ScrollbackEntry[];
  history: string[];
  version: number;
  /** The editor session 1 still waits on (vi left open when the page was reloaded), or null. */
  interactive: InteractiveRequest | null;
}
export interface ExecResponse { output: string; exitCode: number; prompt: string; clear?: boolean; cluster: ClusterView; version: number }
export interface GradeResponse { results: CheckResult[]; passed: boolean; score: number; completed: boolean }

export class VersionConflict extends Error {}

/** A step's unguarded command failed inside the simulator (ExecResult.broken): rebuild and run it guarded. */
export class RebuildSandbox extends Error {}

/** The result of an unguarded exec, or RebuildSandbox when it broke the sandbox. */
export function unbroken(r: ExecResult): ExecResult {
  if (r.broken) throw new RebuildSandbox();
  return r;
}

/** Another instance wrote first: wait a little (jittered) before re-running on the fresh state. */
export function backoff(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
}

function exerciseOf(id: string): Exercise {
  const e = course().exercises.get(id);
  if (!e) throw new AppError("not_found", "No such exercise.");
  return e.exercise;
}

export function checkLine(line: string): void {
  if (Buffer.byteLength(line, "utf8") > MAX_LINE_BYTES) {
    throw new AppError("line_too_long", `A command line may be at most ${MAX_LINE_BYTES} bytes.`);
  }
}

/** The row's ownership and version; "not yours" and "missing" look alike (404). */
export async function meta(viewer: Viewer, id: string) {
  const row = await fastStore().sandboxMeta(id, viewer.id);
  if (!row) throw new AppError("not_found", "No such sandbox.");
  return row;
}
type Meta = Awaited<ReturnType<typeof meta>>;

/** How a logged command runs again on the state before it (CommandLog.replay). */
export interface ReplayStep { at: number; interactive?: true; /** The terminal session (tab), when not 1. */ session?: number }
/** A command's log row (CommandLog). */
export interface LogEntry { prompt: string; line: string; at: number; exitCode: number; output: string }
/** A live sandbox and the version of its stored snapshot. */
export interface Live { sandbox: Sandbox; snapshotVersion: number }

/** The sandbox at `version`: this instance's cached one, or the stored snapshot with the commands logged since replayed. */
export async function live(id: string, version: number): Promise<Live> {
  const hit = cachedAt(id, version);
  if (hit) return hit;
  await apiSchemasReady;
  const row = await fastStore().sandboxState(id);
  if (!row || row.version !== version) throw new VersionConflict();
  const snap = JSON.parse(row.snapshot) as SandboxSnapshot;
  if (snap.version !== SNAPSHOT_VERSION) {
    await setUpAfresh(id, version, row.exercise);
    throw new VersionConflict(); // the caller re-reads the new version
  }
  const sandbox = restoreSandbox(snap);
  if (row.snapshotVersion < version) {
    // Rows up to `version` were committed with it and never change: no transaction needed.
    const rows = await db().commandLog.findMany({ where: { sandboxId: id, seq: { gt: row.snapshotVersion, lte: version } }, orderBy: { seq: "asc" }, select: { seq: true, line: true, replay: true } });
    if (rows.length !== version - row.snapshotVersion || rows.some((r, i) => r.seq !== row.snapshotVersion + i + 1 || r.replay === null)) {
      throw new Error(`sandbox ${id}: the log after snapshot ${row.snapshotVersion} cannot rebuild version ${version}`);
    }
    const t = performance.now();
    for (const r of rows) {
      const step = JSON.parse(r.replay!) as ReplayStep;
      sandbox.exec(r.line, { now: step.at, ...(step.interactive ? { interactive: true } : {}), ...(step.session ? { session: step.session } : {}) });
    }
    unsnapshotted.set(sandbox, performance.now() - t);
  }
  return { sandbox, snapshotVersion: row.snapshotVersion };
}

/**
 * A sandbox set up afresh for its exercise as a new version, the scrollback starting after it: a
 * reset, and a snapshot written by an older simulator (another SNAPSHOT_VERSION), which cannot be
 * continued and whose log may not replay the same on the new one (instead of failing every request).
 */
async function setUpAfresh(id: string, version: number, exerciseId: string, now = Date.now()): Promise<{ sandbox: Sandbox; version: number } | null> {
  const fresh = await takeFresh(exerciseOf(exerciseId), now);
  const next = version + 1;
  const ok = await fastStore().writeSnapshot({ sandboxId: id, version, snapshot: fresh.snapshot, at: now, restartLog: true });
  return ok ? { sandbox: fresh.sandbox, version: next } : null; // null: someone wrote first
}

/**
 * Stores one command's log row, guarded by the version, and the snapshot when it is due (or when
 * the row cannot be replayed). Returns the stored snapshot's version, or false when someone else
 * wrote first (nothing is written then).
 */
export async function storeCommand(id: string, version: number, l: Live, log: LogEntry, replay: ReplayStep | null, stepMs = 0): Promise<number | false> {
  const next = version + 1;
  const pending = (unsnapshotted.get(l.sandbox) ?? 0) + stepMs;
  const full = replay === null || next - l.snapshotVersion >= SNAPSHOT_EVERY || pending >= REPLAY_BUDGET_MS;
  const snapshot = full ? JSON.stringify(l.sandbox.snapshot()) : undefined;
  const stored = await fastStore().writeCommand({ sandboxId: id, version, snapshot, replay: replay && JSON.stringify(replay), ...log });
  if (stored) unsnapshotted.set(l.sandbox, full ? 0 : pending);
  return stored && (full ? next : l.snapshotVersion);
}

/**
 * Advances a live sandbox's clock to `now` outside a command (reads keep up with wall-clock time);
 * returns the version it is then at. A catch-up beyond MAX_CATCH_UP_MS is cut short, and a replay
 * of the next command from the older snapshot would not cut it at the same place: then the
 * advanced state is stored as a change of its own (a new version with its snapshot), so every
 * instance's next command is guarded against it.
 */
async function advance(id: string, version: number, l: Live, now: number): Promise<number> {
  l.sandbox.advanceTo(now);
  if (l.sandbox.now() >= now) return version;
  const next = version + 1;
  if (!(await storeSnapshot(id, version, l, now))) {
    forget(id); // advanced but not stored: someone wrote meanwhile
    throw new VersionConflict();
  }
  l.snapshotVersion = next;
  return next;
}

/** The live sandbox's whole snapshot stored as the version after `version` (guarded by it); false: someone wrote first. */
async function storeSnapshot(id: string, version: number, l: Live, at: number): Promise<boolean> {
  const ok = await fastStore().writeSnapshot({ sandboxId: id, version, snapshot: JSON.stringify(l.sandbox.snapshot()), at });
  if (ok) unsnapshotted.set(l.sandbox, 0);
  return ok;
}

/**
 * Runs `fn` on the viewer's sandbox as stored now (advanced to `now` when given); re-reads when
 * another instance wrote meanwhile.
 */
export async function withLive<T>(viewer: Viewer, id: string, first: Meta | null, now: number | null, fn: (sandbox: Sandbox, m: Meta) => T | Promise<T>): Promise<T> {
  return withSandboxLock(id, async () => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const cur = i === 0 && first ? first : await meta(viewer, id);
      try {
        const l = await live(id, cur.version);
        const version = now === null ? cur.version : await advance(id, cur.version, l, now);
        remember(id, version, l.sandbox, viewer.id, l.snapshotVersion);
        return await fn(l.sandbox, { ...cur, version });
      } catch (e) {
        if (!(e instanceof VersionConflict)) throw e;
      }
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
  });
}

/** Opens the learner's sandbox for an exercise, creating it (and running the setup) on first use. */
export async function openSandbox(viewer: Viewer, exerciseId: string, now = Date.now()): Promise<SandboxView> {
  const exercise = exerciseOf(exerciseId);
  let row = await db().sandbox.findUnique({ where: { ownerId_exercise: { ownerId: viewer.id, exercise: exercise.id } }, select: { id: true } });
  if (!row) {
    // Usually one made ahead of time (sandbox-pool.ts); the page advances it to now.
    const fresh = await takeFresh(exercise, now);
    try {
      row = await db().sandbox.create({ data: { ownerId: viewer.id, exercise: exercise.id, snapshot: { create: { data: fresh.snapshot } } }, select: { id: true } });
      remember(row.id, 0, fresh.sandbox, viewer.id, 0);
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e;
      row = await db().sandbox.findUniqueOrThrow({ where: { ownerId_exercise: { ownerId: viewer.id, exercise: exercise.id } }, select: { id: true } });
    }
  } else fill(exercise); // the next newcomer's, made between requests
  return getSandbox(viewer, row.id, now);
}

export async function getSandbox(viewer: Viewer, id: string, now = Date.now()): Promise<SandboxView> {
  const m = await meta(viewer, id);
  // A page opens on the first terminal tab: session 1.
  const cluster = await withLive(viewer, id, m, now, (sandbox, cur) => ({ view: clusterViewOf(sandbox), prompt: sandbox.prompt(1), version: cur.version, interactive: sandbox.pendingInteractive(1) ?? null }));
  const [recent, all] = await Promise.all([
    fastStore().recentCommands(id, m.logStart, SCROLLBACK_ENTRIES),
    db().commandLog.findMany({ where: { sandboxId: id }, orderBy: { seq: "desc" }, take: HISTORY_ENTRIES, select: { line: true } }),
  ]);
  return {
    id,
    exercise: m.exercise,
    prompt: cluster.prompt,
    cluster: cluster.view,
    scrollback: restoredScrollback(recent),
    history: all.reverse().map((r) => r.line).filter((l) => l.trim() !== ""),
    version: cluster.version,
    interactive: cluster.interactive,
  };
}

/** The cluster picture alone, advanced to now (for the live picture between commands). */
export async function clusterOf(viewer: Viewer, id: string, now = Date.now()): Promise<ClusterView> {
  return withLive(viewer, id, await meta(viewer, id), now, (sandbox) => clusterViewOf(sandbox));
}

/** What a step did to the sandbox: a command for the log (replayable or not), the state alone, or nothing. */
export type Change = { log: LogEntry; replay: ReplayStep | null } | "state" | "none";

/**
 * Runs `step` on the viewer's live sandbox and stores what it changed, guarded by the version; on
 * a conflict the step is re-run on the fresh state, so an acknowledged change is never lost and
 * never applied twice.
 */
export async function mutate<T>(viewer: Viewer, id: string, step: (sandbox: Sandbox, unguarded: boolean) => { value: T; change: Change }): Promise<T & { cluster: TaggedClusterView; version: number }> {
  return withSandboxLock(id, async () => {
    // Commands run unguarded (sim ExecOptions.unguarded: no rollback copy of the state per command,
    // the stored snapshot and log are the copy); one that fails inside the simulator broke the
    // live sandbox: rebuild it from the store and run the command again, guarded.
    let unguarded = true;
    for (let i = 0; i < MAX_TRIES; i++) {
      // Hot path: this instance's cached sandbox, owned by the viewer. Its version may be stale
      // (another instance wrote since); then the guarded write below fails and we reload.
      const hit = i === 0 ? peek(id) : undefined;
      let l: Live;
      let version: number;
      if (hit && hit.ownerId === viewer.id) {
        l = hit;
        version = hit.version;
      } else {
        const m = await meta(viewer, id);
        try {
          l = await live(id, m.version);
        } catch (e) {
          if (e instanceof VersionConflict) continue;
          throw e;
        }
        version = m.version;
      }
      const t = performance.now();
      let ran: { value: T; change: Change };
      try {
        ran = step(l.sandbox, unguarded);
      } catch (e) {
        if (!(e instanceof RebuildSandbox)) throw e;
        forget(id);
        unguarded = false;
        continue;
      }
      const { value, change } = ran;
      const stepMs = performance.now() - t;
      let stored: number | false;
      try {
        stored = await store(id, version, l, change, stepMs);
      } catch (e) {
        forget(id); // the instance ran a change that was not stored
        throw e;
      }
      if (stored === false) {
        forget(id); // someone wrote first: re-run on their state
        await backoff(i);
        continue;
      }
      const next = change === "none" ? version : version + 1;
      remember(id, next, l.sandbox, viewer.id, stored);
      return { ...value, cluster: clusterViewOf(l.sandbox), version: next };
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
  });
}

async function store(id: string, version: number, l: Live, change: Change, stepMs: number): Promise<number | false> {
  if (change === "none") return l.snapshotVersion;
  if (change === "state") {
    // A poll moves the stream and the clock on; no log row (the command was logged when typed).
    return (await storeSnapshot(id, version, l, Date.now())) && version + 1;
  }
  return storeCommand(id, version, l, change.log, change.replay, stepMs);
}

/** Runs one command line (without the interactive terminal's streams and editors). */
export async function exec(viewer: Viewer, id: string, line: string, now?: number): Promise<ExecResponse> {
  checkLine(line);
  return mutate(viewer, id, (sandbox, unguarded) => {
    const prompt = sandbox.prompt(1);
    const at = Math.max(now ?? Date.now(), sandbox.now());
    const r = unbroken(sandbox.exec(line, { now: at, unguarded }));
    return {
      value: { output: r.output, exitCode: r.exitCode, prompt: r.prompt, ...(r.clear ? { clear: true as const } : {}) },
      change: { log: { prompt, line, at, exitCode: r.exitCode, output: r.output }, replay: { at } },
    };
  });
}

/** Back to the exercise's starting state; earlier commands stay in the log but leave the scrollback. */
export async function resetSandbox(viewer: Viewer, id: string, now = Date.now()): Promise<SandboxView> {
  await withSandboxLock(id, async () => {
    const m = await meta(viewer, id);
    const fresh = await setUpAfresh(id, m.version, m.exercise, now);
    forget(id);
    if (!fresh) throw new AppError("conflict", "The sandbox changed meanwhile; try again.");
    remember(id, fresh.version, fresh.sandbox, viewer.id, fresh.version);
  });
  return getSandbox(viewer, id, now);
}

/** Grades on the server against the sandbox as it is now; stores the attempt and the progress. */
export async function grade(viewer: Viewer, id: string, now = Date.now()): Promise<GradeResponse> {
  const m = await meta(viewer, id);
  const exercise = exerciseOf(m.exercise);
  const results = await withLive(viewer, id, m, now, async (sandbox, cur) => {
    const lines = await db().commandLog.findMany({ where: { sandboxId: id, seq: { gt: cur.logStart } }, select: { line: true } });
    return gradeExercise(exercise.checks, (req) => sandbox.read(req), lines.map((l) => l.line));
  });
  const s = score(results, exercise.points);
  const progress = await db().$transaction(async (tx) => {
    await tx.attempt.create({ data: { userId: viewer.id, sandboxId: id, exercise: exercise.id, results: JSON.stringify(results), score: s.score, passed: s.passed } });
    const prev = await tx.exerciseProgress.findUnique({ where: { userId_exercise: { userId: viewer.id, exercise: exercise.id } } });
    return tx.exerciseProgress.upsert({
      where: { userId_exercise: { userId: viewer.id, exercise: exercise.id } },
      create: { userId: viewer.id, exercise: exercise.id, attempts: 1, bestScore: s.score, completedAt: s.passed ? new Date(now) : null },
      update: { attempts: { increment: 1 }, bestScore: Math.max(prev?.bestScore ?? 0, s.score), completedAt: prev?.completedAt ?? (s.passed ? new Date(now) : null) },
    });
  });
  return { results, passed: s.passed, score: s.score, completed: progress.completedAt !== null };
}
