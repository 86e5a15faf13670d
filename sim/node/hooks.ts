// Container lifecycle hooks (pkg/kubelet/lifecycle): postStart runs right after the container
// starts (its file changes stay in the container); preStop runs before the stop signal and
// delays termination, within the grace period.

import type { KubeObject } from "../api/types";
import { resolveImage, runCommand } from "../images/index";
import type { Instance, PodRt } from "./state";
import { containerFiles, podHostname, recordWrites } from "./runtime";
import type { VolumeSources } from "./volumes";

/* eslint-disable @typescript-eslint/no-explicit-any */

function runHook(handler: any, inst: Instance, spec: any, sources: VolumeSources, untilMs: number) {
  const r = resolveImage(inst.image);
  if (!r.ok || !handler?.exec?.command) return undefined;
  const files = containerFiles(r.image, spec, sources, inst);
  const res = runCommand(r.image, { argv: handler.exec.command, env: inst.env, startedAtMs: sources.now ?? inst.startedAt, hostname: podHostname(sources.pod), podIP: sources.podIP, files, seed: 0 }, untilMs);
  return { ...res, before: files };
}

/** Runs postStart; returns the failure message when the hook exited non-zero. */
export function runPostStart(w: PodRt, inst: Instance, pod: KubeObject, spec: any, sources: VolumeSources): string | undefined {
  const handler = spec?.lifecycle?.postStart;
  const res = runHook(handler, inst, spec, sources, 0);
  if (!res) return undefined;
  const changes: Record<string, string | null> = {};
  for (const [p, d] of Object.entries(res.files)) if (res.before[p] !== d) changes[p] = d;
  for (const p of Object.keys(res.before)) if (!(p in res.files)) changes[p] = null;
  recordWrites(w, inst, pod, spec, changes);
  if (res.exitCode === 0) return undefined;
  const cmd = handler.exec.command as string[];
  return `Exec lifecycle hook ([${cmd.join(" ")}]) for Container "${spec.name}" in Pod "${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})" failed - error: command '${cmd.join(" ")}' exited with ${res.exitCode}: ${res.output}, message: "${res.output}"`;
}

/** How long preStop takes (ms), at most `graceMs`. */
export function preStopMs(inst: Instance, spec: any, sources: VolumeSources, graceMs: number): number {
  const handler = spec?.lifecycle?.preStop;
  if (!handler) return 0;
  if (handler.sleep?.seconds !== undefined) return Math.min(graceMs, handler.sleep.seconds * 1000);
  const res = runHook(handler, inst, spec, sources, graceMs);
  return res ? Math.min(graceMs, res.durationMs) : 0;
}
