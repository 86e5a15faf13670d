import "server-only";
import { randomInt } from "node:crypto";
import { course } from "@/lib/content/load";
import type { Exercise } from "@/lib/content/schema";
import type { CheckResult } from "@/lib/grading/checks";
import { gradeExercise, score } from "@/lib/grading/grade";
import { db } from "./db";
import { fastStore } from "./fast-store";
import { AppError } from "./errors";
import { cachedAt, forget, peek, remember, withSandboxLock } from "./sandbox-cache";
import { apiSchemasReady, createSandbox, restoreSandbox, type ClusterView, type Sandbox, type SandboxSnapshot } from "./sim";
import type { Viewer } from "./viewer";

// The sandbox service: one simulated cluster per (user, exercise). The sandbox clock is the wall
// clock, so pods start in real seconds and a sandbox left for a day catches up on its next use.
// Every command's snapshot and log row are written in one transaction guarded by `version`.

export const MAX_LINE_BYTES = 16_384; // sim/core/limits.ts commandLineBytes
export const MAX_TRIES = 10;
const SCROLLBACK_ENTRIES = 200;
const HISTORY_ENTRIES = 500;
const SCROLLBACK_OUTPUT_CHARS = 32_768; // per restored command; the log itself keeps everything

function clip(output: string): string {
  return output.length <= SCROLLBACK_OUTPUT_CHARS ? output : `[... ${output.length - SCROLLBACK_OUTPUT_CHARS} characters of output not shown ...]\n${output.slice(-SCROLLBACK_OUTPUT_CHARS)}`;
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
}
export interface ExecResponse { output: string; exitCode: number; prompt: string; clear?: boolean; cluster: ClusterView; version: number }
export interface GradeResponse { results: CheckResult[]; passed: boolean; score: number; completed: boolean }

export class VersionConflict extends Error {}

/** Another instance wrote first: wait a little (jittered) before re-running on the fresh state. */
export function backoff(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
}

function exerciseOf(id: string): Exercise {
  const e = course().exercises.get(id);
  if (!e) throw new AppError("not_found", "No such exercise.");
  return e.exercise;
}

async function freshSandbox(exercise: Exercise, now: number): Promise<Sandbox> {
  await apiSchemasReady;
  const sandbox = createSandbox({ seed: randomInt(1, 2 ** 31 - 1), now });
  for (const step of exercise.setup) sandbox.exec(step.run, { now });
  return sandbox;
}

export function checkLine(line: string): void {
  if (Buffer.byteLength(line, "utf8") > MAX_LINE_BYTES) {
    throw new AppError("line_too_long", `A command line may be at most ${MAX_LINE_BYTES} bytes.`);
  }
}

/** The row's ownership and version; "not yours" and "missing" look alike (404). */
export async function meta(viewer: Viewer, id: string) {
  const row = await db().sandbox.findFirst({ where: { id, ownerId: viewer.id }, select: { id: true, version: true, exercise: true, logStart: true } });
  if (!row) throw new AppError("not_found", "No such sandbox.");
  return row;
}

export async function live(id: string, version: number): Promise<Sandbox> {
  const hit = cachedAt(id, version);
  if (hit) return hit;
  await apiSchemasReady;
  const row = await db().sandbox.findUnique({ where: { id }, select: { snapshot: true, version: true } });
  if (!row || row.version !== version) throw new VersionConflict();
  return restoreSandbox(JSON.parse(row.snapshot) as SandboxSnapshot);
}

/** Opens the learner's sandbox for an exercise, creating it (and running the setup) on first use. */
export async function openSandbox(viewer: Viewer, exerciseId: string, now = Date.now()): Promise<SandboxView> {
  const exercise = exerciseOf(exerciseId);
  let row = await db().sandbox.findUnique({ where: { ownerId_exercise: { ownerId: viewer.id, exercise: exercise.id } }, select: { id: true } });
  if (!row) {
    const sandbox = await freshSandbox(exercise, now);
    try {
      row = await db().sandbox.create({ data: { ownerId: viewer.id, exercise: exercise.id, snapshot: JSON.stringify(sandbox.snapshot()) }, select: { id: true } });
      remember(row.id, 0, sandbox, viewer.id);
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e;
      row = await db().sandbox.findUniqueOrThrow({ where: { ownerId_exercise: { ownerId: viewer.id, exercise: exercise.id } }, select: { id: true } });
    }
  }
  return getSandbox(viewer, row.id, now);
}

export async function getSandbox(viewer: Viewer, id: string, now = Date.now()): Promise<SandboxView> {
  const m = await meta(viewer, id);
  const cluster = await withSandboxLock(id, async () => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const cur = i === 0 ? m : await meta(viewer, id);
      try {
        const sandbox = await live(id, cur.version);
        sandbox.advanceTo(now);
        remember(id, cur.version, sandbox, viewer.id);
        return { view: sandbox.clusterView(), prompt: sandbox.prompt(), version: cur.version };
      } catch (e) {
        if (!(e instanceof VersionConflict)) throw e;
      }
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
  });
  const [recent, all] = await Promise.all([
    db().commandLog.findMany({ where: { sandboxId: id, seq: { gt: m.logStart } }, orderBy: { seq: "desc" }, take: SCROLLBACK_ENTRIES, select: { prompt: true, line: true, output: true, exitCode: true } }),
    db().commandLog.findMany({ where: { sandboxId: id }, orderBy: { seq: "desc" }, take: HISTORY_ENTRIES, select: { line: true } }),
  ]);
  return {
    id,
    exercise: m.exercise,
    prompt: cluster.prompt,
    cluster: cluster.view,
    scrollback: recent.reverse().map((e) => ({ ...e, output: clip(e.output) })),
    history: all.reverse().map((r) => r.line).filter((l) => l.trim() !== ""),
    version: cluster.version,
  };
}

/** The cluster picture alone, advanced to now (for the live picture between commands). */
export async function clusterOf(viewer: Viewer, id: string, now = Date.now()): Promise<ClusterView> {
  const m = await meta(viewer, id);
  return withSandboxLock(id, async () => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const cur = i === 0 ? m : await meta(viewer, id);
      try {
        const sandbox = await live(id, cur.version);
        sandbox.advanceTo(Math.max(now, sandbox.now()));
        remember(id, cur.version, sandbox, viewer.id);
        return sandbox.clusterView();
      } catch (e) {
        if (!(e instanceof VersionConflict)) throw e;
      }
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
  });
}

/**
 * Runs one command line. The snapshot and the log row are written together, only if nobody wrote
 * since we loaded (version check); on conflict the line is re-run on the fresh state, so an
 * acknowledged command is never lost and never applied twice.
 */
export async function exec(viewer: Viewer, id: string, line: string, now?: number): Promise<ExecResponse> {
  checkLine(line);
  return withSandboxLock(id, async () => {
    for (let i = 0; i < MAX_TRIES; i++) {
      // Hot path: this instance's cached sandbox, owned by the viewer. Its version may be stale
      // (another instance wrote since); then the guarded write below fails and we reload.
      const hit = i === 0 ? peek(id) : undefined;
      let sandbox: Sandbox;
      let version: number;
      if (hit && hit.ownerId === viewer.id) {
        sandbox = hit.sandbox;
        version = hit.version;
      } else {
        const m = await meta(viewer, id);
        try {
          sandbox = await live(id, m.version);
        } catch (e) {
          if (e instanceof VersionConflict) continue;
          throw e;
        }
        version = m.version;
      }
      const prompt = sandbox.prompt();
      const at = Math.max(now ?? Date.now(), sandbox.now());
      const r = sandbox.exec(line, { now: at });
      const snapshot = JSON.stringify(sandbox.snapshot());
      const next = version + 1;
      let stored: boolean;
      try {
        stored = await fastStore().writeCommand({ sandboxId: id, version, snapshot, prompt, line, at, exitCode: r.exitCode, output: r.output });
      } catch (e) {
        forget(id); // the instance ran a command that was not stored
        throw e;
      }
      if (!stored) {
        forget(id); // someone wrote first: re-run the line on their state
        await backoff(i);
        continue;
      }
      remember(id, next, sandbox, viewer.id);
      return { output: r.output, exitCode: r.exitCode, prompt: r.prompt, ...(r.clear ? { clear: true } : {}), cluster: sandbox.clusterView(), version: next };
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
  });
}

/** Back to the exercise's starting state; earlier commands stay in the log but leave the scrollback. */
export async function resetSandbox(viewer: Viewer, id: string, now = Date.now()): Promise<SandboxView> {
  await withSandboxLock(id, async () => {
    const m = await meta(viewer, id);
    const sandbox = await freshSandbox(exerciseOf(m.exercise), now);
    const next = m.version + 1;
    const u = await db().sandbox.updateMany({ where: { id, version: m.version }, data: { snapshot: JSON.stringify(sandbox.snapshot()), version: next, logStart: next } });
    forget(id);
    if (u.count !== 1) throw new AppError("conflict", "The sandbox changed meanwhile; try again.");
    remember(id, next, sandbox, viewer.id);
  });
  return getSandbox(viewer, id, now);
}

/** Grades on the server against the sandbox as it is now; stores the attempt and the progress. */
export async function grade(viewer: Viewer, id: string, now = Date.now()): Promise<GradeResponse> {
  const m = await meta(viewer, id);
  const exercise = exerciseOf(m.exercise);
  const results = await withSandboxLock(id, async () => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const cur = i === 0 ? m : await meta(viewer, id);
      try {
        const sandbox = await live(id, cur.version);
        sandbox.advanceTo(Math.max(now, sandbox.now()));
        remember(id, cur.version, sandbox, viewer.id);
        const lines = await db().commandLog.findMany({ where: { sandboxId: id, seq: { gt: cur.logStart } }, select: { line: true } });
        return gradeExercise(exercise.checks, (req) => sandbox.read(req), lines.map((l) => l.line));
      } catch (e) {
        if (!(e instanceof VersionConflict)) throw e;
      }
    }
    throw new AppError("conflict", "The sandbox is busy; try again.");
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
