import "server-only";
import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Exercise } from "@/lib/content/schema";
import { apiSchemasReady, createSandbox, type Sandbox } from "./sim";

// A newcomer's first page (and a reset) needs a sandbox set up afresh for the exercise: a whole
// cluster booted, the exercise's setup run, the snapshot serialized. That is 40-60 ms of CPU on a
// warm server here (150 ms and more while the learner's browser loads beside it), paid inside the
// page's request while every other learner's request waits. So each process keeps a few ready
// per exercise (SANDBOX_POOL, default 2), made between requests: a sandbox taken from the pool was
// booted and set up up to POOL_MAX_AGE_MS earlier, as if the learner had opened the exercise then
// (its pods a few seconds or minutes old; the clock then follows the wall clock as always). Each
// has its own random seed. Nothing of the pool is stored: a process that stops loses only work.
// Older entries, and requests for another time than the wall clock's (tests' virtual times), get a
// sandbox made on the spot, as without the pool.

/** A sandbox set up afresh, and its snapshot (JSON) as of then. */
export interface FreshSandbox {
  sandbox: Sandbox;
  snapshot: string;
  /** When it was set up (its virtual clock). */
  at: number;
}

export const POOL_MAX_AGE_MS = 10 * 60_000;
/** Whether a ready sandbox may be handed out as of `now`: made then or at most POOL_MAX_AGE_MS before. */
const fitFor = (r: FreshSandbox, now: number) => r.at <= now && now - r.at <= POOL_MAX_AGE_MS;
// The pool fills when the server is quiet: each sandbox made is 40-60 ms of one thread, so it waits
// for a second in which the event loop was busy less than a tenth of the time (under load: not at
// all; newcomers then get one made on the spot, as without the pool). Right after a take that also
// leaves the newcomer's page to load first.
const QUIET_WINDOW_MS = 1_000;
const QUIET_UTILIZATION = 0.1;

export const MAX_POOL_SIZE = 16;
const DEFAULT_POOL_SIZE = 2;
let warned: string | undefined;

/** SANDBOX_POOL: a whole number from 0 to 16; anything else is said once and the default used. */
export function poolSizeFrom(value: string | undefined): { size: number; problem?: string } {
  if (value === undefined || value.trim() === "") return { size: DEFAULT_POOL_SIZE };
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0 && n <= MAX_POOL_SIZE) return { size: n };
  return { size: DEFAULT_POOL_SIZE, problem: `SANDBOX_POOL=${value}: expected a whole number from 0 to ${MAX_POOL_SIZE}; using ${DEFAULT_POOL_SIZE}` };
}

function poolSize(): number {
  const { size, problem } = poolSizeFrom(process.env.SANDBOX_POOL);
  if (problem && warned !== problem) console.warn((warned = problem));
  return size;
}

/** A sandbox booted at `now` with the exercise's setup run, with a fresh random seed. */
export async function setUpSandbox(exercise: Exercise, now: number): Promise<FreshSandbox> {
  await apiSchemasReady;
  const sandbox = createSandbox({ seed: randomInt(1, 2 ** 31 - 1), now });
  for (const step of exercise.setup) sandbox.exec(step.run, { now });
  return { sandbox, snapshot: JSON.stringify(sandbox.snapshot()), at: now };
}

// On globalThis, as the sandbox cache (sandbox-cache.ts): the pages and the API routes are separate
// bundles in one process.
interface Pool {
  ready: Map<string, FreshSandbox[]>;
  filling: Set<string>;
  /** Moves on when the pool is emptied: refills under way then stop. */
  generation: number;
}
const g = globalThis as unknown as { __kubelingsPool?: Pool };
const pool: Pool = (g.__kubelingsPool ??= { ready: new Map(), filling: new Set(), generation: 0 });

/**
 * A sandbox set up afresh for the exercise as of `now`: a ready one when the pool has one made at
 * most POOL_MAX_AGE_MS before `now`, else made now. Either way the pool refills in the background.
 */
export async function takeFresh(exercise: Exercise, now: number): Promise<FreshSandbox> {
  const ready = pool.ready.get(exercise.id) ?? [];
  let taken: FreshSandbox | undefined;
  // Taken whole: a sandbox goes to one learner only.
  while (!taken && ready.length > 0) {
    const r = ready.shift()!;
    if (fitFor(r, now)) taken = r;
  }
  fill(exercise);
  return taken ?? setUpSandbox(exercise, now);
}

/**
 * Tops the exercise's pool up (dropping entries too old to be taken), one sandbox per quiet
 * second. Cheap when the pool is full: the lesson page calls it on every visit, and the server's
 * start-up once per exercise (instrumentation.ts).
 */
export function fill(exercise: Exercise): void {
  if (poolSize() === 0 || pool.filling.has(exercise.id)) return;
  const readyNow = () => {
    let ready = pool.ready.get(exercise.id);
    if (!ready) pool.ready.set(exercise.id, (ready = []));
    return ready;
  };
  const fresh = (r: FreshSandbox) => fitFor(r, Date.now());
  if (readyNow().length >= poolSize() && readyNow().every(fresh)) return;
  pool.filling.add(exercise.id);
  const generation = pool.generation;
  let window = performance.eventLoopUtilization();
  const step = async () => {
    if (generation !== pool.generation) return;
    try {
      const busy = performance.eventLoopUtilization(window);
      window = performance.eventLoopUtilization();
      if (busy.utilization > QUIET_UTILIZATION) return void setTimeout(step, QUIET_WINDOW_MS).unref?.();
      const ready = readyNow();
      for (let i = ready.length - 1; i >= 0; i--) if (!fresh(ready[i])) ready.splice(i, 1);
      if (ready.length >= poolSize()) return pool.filling.delete(exercise.id);
      const made = await setUpSandbox(exercise, Date.now());
      if (generation !== pool.generation) return;
      readyNow().push(made);
      window = performance.eventLoopUtilization(); // the next one needs a quiet window of its own
      setTimeout(step, QUIET_WINDOW_MS).unref?.();
    } catch {
      pool.filling.delete(exercise.id); // a broken setup fails the learner's own request, with its message
    }
  };
  setTimeout(step, QUIET_WINDOW_MS).unref?.();
}

/** For tests: how many are ready for the exercise, and whether a refill is under way. */
export function poolState(exerciseId: string): { ready: number; filling: boolean } {
  return { ready: pool.ready.get(exerciseId)?.length ?? 0, filling: pool.filling.has(exerciseId) };
}

/** For tests: empties the pool and stops its refills. */
export function drainPool(): void {
  pool.generation++;
  pool.ready.clear();
  pool.filling.clear();
}
