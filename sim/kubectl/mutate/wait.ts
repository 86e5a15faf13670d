// Waiting the way kubectl waits (polls or watches), in virtual time: between looks the clock
// jumps to the cluster's next pending wake-up, never past the command's deadline (`timeout N`).

import type { KubeObject } from "../../api/types";
import { pathFor } from "../framework/api";
import type { Ctx } from "../framework/verb";
import { kindByResourceName } from "./common";

/** Advances to the next cluster event before `until`; false when nothing more can happen in time. */
export function stepClock(ctx: Ctx, until: number): boolean {
  const next = ctx.p.cluster.nextEventAt();
  const limit = Math.min(until, ctx.p.deadline ?? Infinity);
  if (next === undefined || next > limit) {
    if (Number.isFinite(limit) && limit > ctx.now()) ctx.p.cluster.advanceTo(limit);
    return false;
  }
  ctx.p.cluster.advanceTo(Math.max(next, ctx.now()));
  return true;
}

/** Waits until `done(now)` holds; returns its value or undefined at the deadline. */
export function waitUntil<T>(ctx: Ctx, timeoutMs: number, done: () => T | undefined): T | undefined {
  const until = timeoutMs > 0 ? ctx.now() + timeoutMs : Infinity;
  for (let i = 0; i < 100_000; i++) {
    const v = done();
    if (v !== undefined) return v;
    if (!stepClock(ctx, until)) return done();
  }
  return undefined;
}

/** A pod that reached Succeeded or Failed, or undefined when it did not within the timeout. */
export function waitForPodDone(ctx: Ctx, ns: string, name: string, timeoutMs: number): KubeObject | undefined {
  const path = pathFor(kindByResourceName("pods"), ns, name);
  return waitUntil(ctx, timeoutMs, () => {
    const r = ctx.request({ method: "GET", path });
    if (r.status >= 400) return undefined;
    const pod = r.body as KubeObject;
    const phase = pod.status?.phase;
    return phase === "Succeeded" || phase === "Failed" ? pod : undefined;
  });
}
