// The HPA controller's replica calculator (pkg/controller/podautoscaler/replica_calculator.go and
// metrics/utilization.go, v1.32) over the simulated metrics (sim/api/metrics.ts): group the
// target's pods (ignored, unready, missing), compare usage with the target, propose a count.

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { hasMetrics, metricsAvailable, podUsage } from "../api/metrics";
import { canonicalQuantity, quantityNanos } from "../api/defaults/quantity";
import { parseLabelSelector } from "../apiserver/label-selector";
import { matchesLabels } from "../apiserver/selectors";
import { podCondition } from "./util";

const TOLERANCE = 0.1;
const CPU_INITIALIZATION_MS = 300_000;
const INITIAL_READINESS_DELAY_MS = 30_000;
/** The window metrics-server's samples cover (a pod must have been ready that long). */
const METRIC_WINDOW_MS = 15_000;

export interface Proposal {
  replicas: number;
  metric: string;
  current: any;
}

/** The replica calculator (GetResourceReplicas / GetRawResourceReplicas) over the simulated metrics. */
export function replicasForResource(ctx: ReconcileContext, hpa: KubeObject, resource: string, target: any, current: number, selector: string, now: number): Proposal | { error: string } {
  const kind = target.averageValue !== undefined ? "usage" : "utilization";
  const fail = (e: string) => ({ error: `failed to get ${resource} ${kind}: ${e}` });
  if (target.averageValue === undefined && target.averageUtilization === undefined) {
    return { error: "invalid resource metric source: neither an average utilization target nor an average value (usage) target was set" };
  }
  if (!metricsAvailable(ctx.api.store.list("/pods", "kube-system"))) {
    return fail(`unable to get metrics for resource ${resource}: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)`);
  }
  const reqs = parseLabelSelector(selector);
  const pods = ctx.api.store.list("/pods", hpa.metadata.namespace).filter((p) => matchesLabels(reqs, p.metadata.labels));
  const minute = Math.floor(now / 60_000);
  const metrics = new Map<string, number>();
  for (const p of pods.filter(hasMetrics)) {
    const u = podUsage(p, minute).total;
    // Milli-units, as the metrics client reports (MilliValue): millicores, or bytes x 1000.
    metrics.set(p.metadata.name!, resource === "memory" ? u.memBytes * 1000 : u.cpuMilli);
  }
  if (metrics.size === 0) return fail(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  if (pods.length === 0) return fail("no pods returned by selector while calculating replica count");
  const groups = groupPods(pods, metrics, resource, now);
  for (const n of [...groups.ignored, ...groups.unready]) metrics.delete(n);
  if (metrics.size === 0) return fail("did not receive metrics for targeted pods (pods might be unready)");
  if (target.averageValue !== undefined) {
    const targetMilli = milliValue(target.averageValue);
    return rawReplicas(metrics, groups, targetMilli, current, resource);
  }
  const requests = podRequests(pods, resource);
  if (typeof requests === "string") return fail(requests);
  return utilizationReplicas(metrics, requests, groups, target.averageUtilization, current, resource);
}

export interface Groups {
  ready: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods: deleted, failed and pending pods are ignored; CPU samples of pods not yet ready (or ready too recently) are unready. */
function groupPods(pods: KubeObject[], metrics: Map<string, number>, resource: string, now: number): Groups {
  const g: Groups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const p of pods) {
    const name = p.metadata.name!;
    if (p.metadata.deletionTimestamp || p.status?.phase === "Failed" || p.status?.phase === "Pending") {
      g.ignored.add(name);
      continue;
    }
    if (!metrics.has(name)) {
      g.missing.add(name);
      continue;
    }
    if (resource === "cpu" && isUnready(p, now)) {
      g.unready.add(name);
      continue;
    }
    g.ready++;
  }
  return g;
}

function isUnready(p: KubeObject, now: number): boolean {
  const c = podCondition(p, "Ready");
  const start = p.status?.startTime ? Date.parse(p.status.startTime) : undefined;
  if (!c || start === undefined) return true;
  const transition = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : start;
  if (start + CPU_INITIALIZATION_MS > now) return c.status === "False" || now < transition + METRIC_WINDOW_MS;
  return c.status === "False" && start + INITIAL_READINESS_DELAY_MS > transition;
}

/** calculatePodRequests: every container must request the resource. */
function podRequests(pods: KubeObject[], resource: string): Map<string, number> | string {
  const out = new Map<string, number>();
  for (const p of pods) {
    let sum = 0;
    const containers = [...(p.spec?.containers ?? []), ...(p.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === "Always")];
    for (const c of containers) {
      const q = c.resources?.requests?.[resource];
      if (q === undefined) return `missing request for ${resource} in container ${c.name} of Pod ${p.metadata.name}`;
      sum += milliValue(q);
    }
    out.set(p.metadata.name!, sum);
  }
  return out;
}

/** metricsclient.GetResourceUtilizationRatio. */
function utilizationRatio(metrics: Map<string, number>, requests: Map<string, number>, target: number): { ratio: number; utilization: number; raw: number } | undefined {
  let used = 0;
  let requested = 0;
  let n = 0;
  for (const [name, v] of metrics) {
    const r = requests.get(name);
    if (r === undefined) continue;
    used += v;
    requested += r;
    n++;
  }
  if (requested === 0) return undefined;
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, raw: Math.trunc(used / n) };
}

/**
 * The steps GetResourceReplicas and calcPlainMetricReplicas share: within the tolerance keep the
 * count; without missing or (on a scale-up) unready pods, ceil(ratio * ready pods); else fill
 * the gaps (missing pods at `fillMissing`, unready ones at 0 when scaling up), recompute, and
 * keep the count when the direction flips or the change falls within the tolerance.
 */
function proposeReplicas(metrics: Map<string, number>, g: Groups, current: number, ratioOf: (m: Map<string, number>) => number, fillMissing: (name: string, ratio: number) => number | undefined): number {
  const ratio = ratioOf(metrics);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) return Math.abs(1 - ratio) <= TOLERANCE ? current : Math.ceil(ratio * g.ready);
  const adjusted = new Map(metrics);
  for (const n of g.missing) {
    const v = fillMissing(n, ratio);
    if (v !== undefined) adjusted.set(n, v);
  }
  if (scaleUpWithUnready) for (const n of g.unready) adjusted.set(n, 0);
  const next = ratioOf(adjusted);
  if (Math.abs(1 - next) <= TOLERANCE || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return current;
  const proposal = Math.ceil(next * adjusted.size);
  if ((next < 1 && proposal > current) || (next > 1 && proposal < current)) return current;
  return proposal;
}

export function utilizationReplicas(metrics: Map<string, number>, requests: Map<string, number>, g: Groups, target: number, current: number, resource: string): Proposal | { error: string } {
  const first = utilizationRatio(metrics, requests, target);
  if (!first) return { error: `failed to get ${resource} utilization: no metrics returned matched known pods` };
  // On a scale-down a missing pod counts as using its whole request (or the target, when above 100%).
  const fill = (n: string, ratio: number) => (ratio < 1 ? Math.trunc(((requests.get(n) ?? 0) * Math.max(100, target)) / 100) : ratio > 1 ? 0 : undefined);
  const replicas = proposeReplicas(metrics, g, current, (m) => utilizationRatio(m, requests, target)?.ratio ?? 0, fill);
  return { replicas, metric: `${resource} resource utilization (percentage of request)`, current: { averageUtilization: first.utilization, averageValue: milliText(first.raw) } };
}

/** GetRawResourceReplicas: an average-value target (GetMetricUsageRatio: integer average / target). */
function rawReplicas(metrics: Map<string, number>, g: Groups, targetMilli: number, current: number, resource: string): Proposal {
  const average = (m: Map<string, number>) => Math.trunc([...m.values()].reduce((s, v) => s + v, 0) / m.size);
  const replicas = proposeReplicas(metrics, g, current, (m) => average(m) / targetMilli, (_n, ratio) => (ratio < 1 ? targetMilli : 0));
  return { replicas, metric: `${resource} resource`, current: { averageValue: milliText(average(metrics)) } };
}

/** Quantity.MilliValue(), rounded up as Go does. */
function milliValue(q: unknown): number {
  const nanos = quantityNanos(q) ?? 0n;
  return Number((nanos + 999_999n) / 1_000_000n);
}

/** resource.NewMilliQuantity(v, DecimalSI).String(). */
function milliText(milli: number): string {
  return String(canonicalQuantity(`${milli}m`));
}
