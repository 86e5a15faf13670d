// Liveness, readiness and startup probes (pkg/kubelet/prober): exec runs the command against the
// container's files at that moment, httpGet and tcpSocket ask what the image serves. A probe whose
// answer can no longer change (a server that is up) stops polling, so a healthy pod costs no
// wake-ups while the clock fast-forwards.

import type { KubeObject } from "../api/types";
import { resolveImage, runCommand } from "../images/index";
import type { ContainerRt, PodRt } from "./state";
import { containerFiles, podHostname } from "./runtime";
import type { Kubelet } from "./kubelet";
import { assignData } from "../core/objects";

/* eslint-disable @typescript-eslint/no-explicit-any */

type Kind = "startup" | "liveness" | "readiness";
const FIELD: Record<Kind, "startupProbe" | "livenessProbe" | "readinessProbe"> = { startup: "startupProbe", liveness: "livenessProbe", readiness: "readinessProbe" };
const NEXT: Record<Kind, "nextStartupAt" | "nextLivenessAt" | "nextReadinessAt"> = { startup: "nextStartupAt", liveness: "nextLivenessAt", readiness: "nextReadinessAt" };
const TITLE: Record<Kind, string> = { startup: "Startup", liveness: "Liveness", readiness: "Readiness" };

function earlier(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** The earliest probe due (asked at every kubelet step: no arrays). */
export function nextProbeAt(c: ContainerRt): number | undefined {
  const p = c.probes;
  return earlier(earlier(p.nextStartupAt, p.nextLivenessAt), p.nextReadinessAt);
}

export function scheduleProbes(c: ContainerRt, spec: any, now: number): void {
  const startedAt = c.cur?.startedAt ?? now;
  const first = (p: any) => Math.max(now, startedAt + (p.initialDelaySeconds ?? 0) * 1000);
  c.probes.nextStartupAt = spec.startupProbe && !c.probes.startupDone ? first(spec.startupProbe) : undefined;
  const gated = !!spec.startupProbe && !c.probes.startupDone;
  c.probes.nextLivenessAt = spec.livenessProbe && !gated ? first(spec.livenessProbe) : undefined;
  c.probes.nextReadinessAt = spec.readinessProbe && !gated ? first(spec.readinessProbe) : undefined;
}

interface Outcome {
  ok: boolean;
  message: string;
  /** The answer cannot change while this container runs (a server that is up, or never listens). */
  stable: boolean;
}

function resolvePort(port: number | string, spec: any): number {
  if (typeof port === "number") return port;
  const named = (spec.ports ?? []).find((p: any) => p.name === port);
  return named ? named.containerPort : Number(port);
}

function evaluate(k: Kubelet, w: PodRt, c: ContainerRt, pod: KubeObject, probe: any, spec: any): Outcome {
  const now = k.now();
  const inst = c.cur!;
  const sources = k.volumeSources(w, pod);
  const b = k.behaviour(w, inst, spec, pod);
  const ip = w.ip ?? "";
  const up = !!b && now - inst.startedAt >= (b.readyAfterMs ?? 0);
  if (probe.exec) {
    const r = resolveImage(inst.image);
    if (!r.ok) return { ok: false, message: "", stable: false };
    const files = assignData({ ...containerFiles(r.image, spec, sources) }, b?.filesAt?.(now - inst.startedAt));
    const res = runCommand(r.image, { argv: probe.exec.command ?? [], env: inst.env, startedAtMs: now, hostname: podHostname(pod), podIP: ip, files, seed: 0 });
    return { ok: res.exitCode === 0, message: res.output.replace(/\n$/, ""), stable: false };
  }
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, spec);
    const host = probe.httpGet.host ?? ip;
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const path = probe.httpGet.path ?? "/";
    const reply = up && b?.ports.includes(port) ? b.http?.(port, path) ?? { status: 200, body: "" } : undefined;
    if (!reply) return { ok: false, message: `Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused`, stable: up };
    const ok = reply.status >= 200 && reply.status < 400;
    return { ok, message: ok ? "" : `HTTP probe failed with statuscode: ${reply.status}`, stable: true };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, spec);
    const host = probe.tcpSocket.host ?? ip;
    const ok = up && !!b?.ports.includes(port);
    return { ok, message: ok ? "" : `dial tcp ${host}:${port}: connect: connection refused`, stable: up };
  }
  if (probe.grpc) return { ok: up && !!b?.ports.includes(probe.grpc.port), message: "", stable: up };
  return { ok: true, message: "", stable: true };
}

/** Runs every probe of `c` that is due now. */
export function runProbes(k: Kubelet, w: PodRt, c: ContainerRt, pod: KubeObject): void {
  const now = k.now();
  const spec = k.specOf(pod, c);
  if (!spec || !c.cur || c.state !== "running") {
    c.probes.nextStartupAt = c.probes.nextLivenessAt = c.probes.nextReadinessAt = undefined;
    return;
  }
  for (const kind of ["startup", "liveness", "readiness"] as Kind[]) {
    const at = c.probes[NEXT[kind]];
    if (at === undefined || at > now || c.state !== "running") continue;
    const probe = spec[FIELD[kind]];
    const out = evaluate(k, w, c, pod, probe, spec);
    const period = (probe.periodSeconds ?? 10) * 1000;
    const threshold = probe.failureThreshold ?? 3;
    c.probes[NEXT[kind]] = now + period;
    if (!out.ok) k.event(w, pod, "Warning", "Unhealthy", `${TITLE[kind]} probe failed: ${out.message}`, c);
    if (kind === "readiness") {
      if (out.ok) {
        c.probes.readinessFailures = 0;
        c.probes.readinessSuccesses++;
        if (c.probes.readinessSuccesses >= (probe.successThreshold ?? 1)) c.ready = true;
      } else {
        c.probes.readinessSuccesses = 0;
        c.probes.readinessFailures++;
        if (c.probes.readinessFailures >= threshold) c.ready = false;
      }
      const settled = out.ok ? c.ready : !c.ready && c.probes.readinessFailures >= threshold;
      if (out.stable && settled) c.probes.nextReadinessAt = undefined;
      continue;
    }
    if (out.ok) {
      if (kind === "startup") {
        c.probes.startupDone = true;
        c.started = true;
        c.probes.nextStartupAt = undefined;
        scheduleProbes(c, spec, now);
      } else {
        c.probes.livenessFailures = 0;
        if (out.stable) c.probes.nextLivenessAt = undefined;
      }
      continue;
    }
    const failures = kind === "startup" ? ++c.probes.startupFailures : ++c.probes.livenessFailures;
    if (failures >= threshold) {
      k.event(w, pod, "Normal", "Killing", `Container ${c.name} failed ${kind} probe, will be restarted`, c);
      c.probes.nextStartupAt = c.probes.nextLivenessAt = c.probes.nextReadinessAt = undefined;
      c.ready = false;
      const grace = probe.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      k.queue(c, "stopped", now + k.stopDelay(w, c, pod, grace));
      return;
    }
  }
}
