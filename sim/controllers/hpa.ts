// The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go, v1.32;
// its replica calculator is hpa-replicas.ts) for Resource metrics: every 15 s per HPA (the first
// sync 15 s after it appears, as the controller's rate-limited queue does), read the target's
// scale, compute the utilization of the pods' CPU (or memory) requests from the simulated metrics
// that `kubectl top` shows (sim/api/metrics.ts), propose ceil(ratio * ready pods) outside the 0.1
// tolerance, stabilize scale-downs over 300 s (or the behavior's rules), clamp to min/max and the
// scale-up limit, update the scale and write status, conditions and events with the real texts.

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { kindByKind } from "../api/kinds";
import { rfc3339 } from "../core/duration";
import { resourcePath } from "../apiserver/client";
import { defaultBehavior } from "../api/autoscaling";
import { emit } from "./util";
import { replicasForResource } from "./hpa-replicas";

export const HPA_CONTROLLER = "horizontal-pod-autoscaler";
const HPA = "autoscaling/horizontalpodautoscalers";
const SYNC_MS = 15_000;
const DOWNSCALE_WINDOW_MS = 300_000;

interface Recommendation {
  replicas: number;
  at: number;
}
interface ScaleEvent {
  change: number;
  at: number;
}
interface HpaState {
  /** HPA keys with a sync queued. */
  queued?: Record<string, true>;
  /** Recent recommendations per HPA (stabilization) and scale events (behavior policies). */
  recommendations?: Record<string, Recommendation[]>;
  scaleUps?: Record<string, ScaleEvent[]>;
  scaleDowns?: Record<string, ScaleEvent[]>;
}

export function hpaReconciler(): Reconciler {
  return {
    name: HPA_CONTROLLER,
    watches: [HPA],
    // A sync only queues HPAs not queued yet: after one, all are (until they are gone).
    ignoresUnwatched: true,
    sync: (ctx) => enqueueAll(ctx),
    onTimer: (key, ctx) => syncKey(ctx, key),
  };
}

function state(ctx: ReconcileContext): HpaState {
  return ctx.state as HpaState;
}

function enqueueAll(ctx: ReconcileContext): void {
  const st = state(ctx);
  for (const hpa of ctx.api.store.list(HPA)) {
    const key = `${hpa.metadata.namespace}/${hpa.metadata.name}`;
    if (st.queued?.[key]) continue;
    (st.queued ??= {})[key] = true;
    ctx.after(SYNC_MS, key);
  }
}

function syncKey(ctx: ReconcileContext, key: string): void {
  const st = state(ctx);
  const [namespace, name] = key.split("/");
  const hpa = ctx.api.store.get(HPA, namespace, name);
  if (!hpa) {
    delete st.queued?.[key];
    delete st.recommendations?.[key];
    delete st.scaleUps?.[key];
    delete st.scaleDowns?.[key];
    return;
  }
  ctx.after(SYNC_MS, key);
  reconcileAutoscaler(ctx, structuredClone(hpa), key);
}

type Condition = { type: string; status: string; reason: string; message: string; lastTransitionTime?: string };

function setCondition(hpa: KubeObject, type: string, status: string, reason: string, message: string, now: number): void {
  const list: Condition[] = (hpa.status.conditions ??= []);
  const existing = list.find((c) => c.type === type);
  if (existing) {
    if (existing.status !== status) existing.lastTransitionTime = rfc3339(now);
    Object.assign(existing, { status, reason, message });
  } else list.push({ type, status, lastTransitionTime: rfc3339(now), reason, message });
}

interface Scale {
  spec: { replicas?: number };
  status: { replicas?: number; selector?: string };
}

function scalePath(hpa: KubeObject): { path?: string; error?: string } {
  const ref = hpa.spec.scaleTargetRef ?? {};
  const k = kindByKind(ref.apiVersion ?? "", ref.kind ?? "");
  const group = (ref.apiVersion ?? "").includes("/") ? ref.apiVersion.split("/")[0] : "";
  if (!k) return { error: `no matches for kind "${ref.kind}" in group "${group}"` };
  return { path: resourcePath(k, hpa.metadata.namespace, ref.name, "scale") };
}

function reconcileAutoscaler(ctx: ReconcileContext, hpa: KubeObject, key: string): void {
  const now = ctx.now();
  const original = JSON.stringify(hpa.status ?? {});
  hpa.status ??= {};
  const { path, error } = scalePath(hpa);
  const res = path ? ctx.request({ method: "GET", path }) : undefined;
  if (!path || !res || res.status >= 400) {
    const msg = error ?? (res?.body as { message?: string })?.message ?? "";
    setCondition(hpa, "AbleToScale", "False", "FailedGetScale", `the HPA controller was unable to get the target's current scale: ${msg}`, now);
    emit(ctx, HPA_CONTROLLER, hpa, "Warning", "FailedGetScale", msg);
    return writeStatus(ctx, hpa, original);
  }
  const scale = res.body as Scale;
  setCondition(hpa, "AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale", now);
  const current = scale.spec.replicas ?? 0;
  const recs = recommendations(ctx, key);
  if (recs.length === 0) recs.push({ replicas: current, at: now }); // recordInitialRecommendation
  const min = hpa.spec.minReplicas ?? 1;
  const max = hpa.spec.maxReplicas;
  let desired = 0;
  let reason = "";
  let rescale = true;
  let metricStatuses: any[] = [];
  if (current === 0 && min !== 0) {
    rescale = false;
    setCondition(hpa, "ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero", now);
  } else if (current > max) {
    reason = "Current number of replicas above Spec.MaxReplicas";
    desired = max;
  } else if (current < min) {
    reason = "Current number of replicas below Spec.MinReplicas";
    desired = min;
  } else {
    const computed = computeReplicasForMetrics(ctx, hpa, scale, now);
    metricStatuses = computed.statuses;
    if (computed.replicas === -1) {
      hpa.status.currentReplicas = current;
      hpa.status.currentMetrics = metricStatuses.length ? metricStatuses : undefined;
      writeStatus(ctx, hpa, original);
      emit(ctx, HPA_CONTROLLER, hpa, "Warning", "FailedComputeMetricsReplicas", computed.error!);
      return;
    }
    desired = computed.replicas;
    if (desired > current) reason = `${computed.metric} above target`;
    if (desired < current) reason = "All metrics below target";
    desired = hpa.spec.behavior ? normalizeWithBehaviors(ctx, hpa, key, current, desired, min, now) : normalize(ctx, hpa, key, current, desired, min, now);
    rescale = desired !== current;
  }
  if (rescale) {
    if (!rescaleTarget(ctx, hpa, key, path, scale, current, desired, reason, now)) return writeStatus(ctx, hpa, original);
  } else desired = current;
  hpa.status.currentReplicas = current;
  hpa.status.desiredReplicas = desired;
  hpa.status.currentMetrics = metricStatuses.length ? metricStatuses : undefined;
  writeStatus(ctx, hpa, original);
}

/** Writes the new replica count to the target's scale; false (and FailedRescale) when refused. */
function rescaleTarget(ctx: ReconcileContext, hpa: KubeObject, key: string, path: string, scale: Scale, current: number, desired: number, reason: string, now: number): boolean {
  const put = ctx.request({ method: "PUT", path, body: { ...scale, spec: { ...scale.spec, replicas: desired } }, userAgent: HPA_CONTROLLER });
  if (put.status >= 400) {
    const msg = (put.body as { message?: string }).message ?? "";
    emit(ctx, HPA_CONTROLLER, hpa, "Warning", "FailedRescale", `New size: ${desired}; reason: ${reason}; error: ${msg}`);
    setCondition(hpa, "AbleToScale", "False", "FailedUpdateScale", `the HPA controller was unable to update the target scale: ${msg}`, now);
    return false;
  }
  setCondition(hpa, "AbleToScale", "True", "SucceededRescale", `the HPA controller was able to update the target scale to ${desired}`, now);
  emit(ctx, HPA_CONTROLLER, hpa, "Normal", "SuccessfulRescale", `New size: ${desired}; reason: ${reason}`);
  storeScaleEvent(ctx, hpa, key, current, desired, now);
  hpa.status.lastScaleTime = rfc3339(now);
  return true;
}

function writeStatus(ctx: ReconcileContext, hpa: KubeObject, original: string): void {
  if (JSON.stringify(hpa.status) === original) return;
  const res = ctx.request({ method: "PUT", path: resourcePath(kindByKind("autoscaling/v2", "HorizontalPodAutoscaler")!, hpa.metadata.namespace, hpa.metadata.name, "status"), body: hpa, userAgent: HPA_CONTROLLER });
  void res; // a conflict is retried at the next sync, as the controller's requeue does
}

interface Computed {
  replicas: number;
  metric: string;
  statuses: any[];
  error?: string;
}

/** computeReplicasForMetrics: the highest proposal; all-invalid (or invalid while shrinking) is an error. */
function computeReplicasForMetrics(ctx: ReconcileContext, hpa: KubeObject, scale: Scale, now: number): Computed {
  const specs: any[] = hpa.spec.metrics ?? [];
  if (!scale.status.selector) {
    setCondition(hpa, "ScalingActive", "False", "InvalidSelector", "the HPA target's scale is missing a selector", now);
    emit(ctx, HPA_CONTROLLER, hpa, "Warning", "SelectorRequired", "selector is required");
    return { replicas: -1, metric: "", statuses: [], error: "selector is required" };
  }
  const statuses: any[] = new Array(specs.length).fill(undefined);
  let replicas = 0;
  let metric = "";
  let invalid = 0;
  let firstError: { condition: Condition; error: string } | undefined;
  specs.forEach((spec, i) => {
    const r = computeReplicasForMetric(ctx, hpa, spec, scale, now);
    if ("error" in r) {
      if (!firstError) firstError = r;
      invalid++;
      return;
    }
    statuses[i] = r.status;
    if (replicas === 0 || r.replicas > replicas) {
      replicas = r.replicas;
      metric = r.metric;
    }
  });
  const error = firstError ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError.error}` : undefined;
  if (invalid >= specs.length || (invalid > 0 && replicas < (scale.spec.replicas ?? 0))) {
    const c = firstError!.condition;
    setCondition(hpa, c.type, c.status, c.reason, c.message, now);
    return { replicas: -1, metric: "", statuses: statuses.map(orEmpty), error };
  }
  setCondition(hpa, "ScalingActive", "True", "ValidMetricFound", `the HPA was able to successfully calculate a replica count from ${metric}`, now);
  return { replicas, metric, statuses: statuses.map(orEmpty), error };
}

/** A metric without a value stays in status as Go's zero MetricStatus: `type: ""`. */
function orEmpty(s: unknown): unknown {
  return s ?? { type: "" };
}

type MetricResult = { replicas: number; metric: string; status: any } | { condition: Condition; error: string };

function computeReplicasForMetric(ctx: ReconcileContext, hpa: KubeObject, spec: any, scale: Scale, now: number): MetricResult {
  if (spec.type !== "Resource" || !spec.resource) {
    const error = `unable to get metric ${spec.type}: only Resource metrics are simulated`;
    return { error, condition: unableCondition(ctx, hpa, "FailedGetExternalMetric", error) };
  }
  const name: string = spec.resource.name;
  const target = spec.resource.target ?? {};
  const r = replicasForResource(ctx, hpa, name, target, scale.spec.replicas ?? 0, scale.status.selector!, now);
  if ("error" in r) {
    const error = `failed to get ${name} resource metric value: ${r.error}`;
    return { error, condition: unableCondition(ctx, hpa, "FailedGetResourceMetric", r.error) };
  }
  return { replicas: r.replicas, metric: r.metric, status: { type: "Resource", resource: { name, current: r.current } } };
}

/** getUnableComputeReplicaCountCondition: an event now, the condition if this error wins. */
function unableCondition(ctx: ReconcileContext, hpa: KubeObject, reason: string, error: string): Condition {
  emit(ctx, HPA_CONTROLLER, hpa, "Warning", reason, error);
  return { type: "ScalingActive", status: "False", reason, message: `the HPA was unable to compute the replica count: ${error}` };
}

function recommendations(ctx: ReconcileContext, key: string): Recommendation[] {
  return ((state(ctx).recommendations ??= {})[key] ??= []);
}

/** normalizeDesiredReplicas (no behavior): 300 s stabilization of scale-downs, then the rules. */
function normalize(ctx: ReconcileContext, hpa: KubeObject, key: string, current: number, proposed: number, min: number, now: number): number {
  const recs = recommendations(ctx, key);
  let stabilized = proposed;
  let oldIndex = -1;
  recs.forEach((r, i) => {
    if (r.at < now - DOWNSCALE_WINDOW_MS) oldIndex = i;
    else if (r.replicas > stabilized) stabilized = r.replicas;
  });
  if (oldIndex >= 0) recs[oldIndex] = { replicas: proposed, at: now };
  else recs.push({ replicas: proposed, at: now });
  if (stabilized !== proposed) setCondition(hpa, "AbleToScale", "True", "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation", now);
  else setCondition(hpa, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size", now);
  const scaleUpLimit = Math.max(2 * current, 4);
  let maxAllowed = hpa.spec.maxReplicas;
  let limitReason = ["TooManyReplicas", "the desired replica count is more than the maximum replica count"];
  if (hpa.spec.maxReplicas > scaleUpLimit) {
    maxAllowed = scaleUpLimit;
    limitReason = ["ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate"];
  }
  let desired = stabilized;
  let cond = ["DesiredWithinRange", "the desired count is within the acceptable range"];
  if (stabilized < min) {
    desired = min;
    cond = ["TooFewReplicas", "the desired replica count is less than the minimum replica count"];
  } else if (stabilized > maxAllowed) {
    desired = maxAllowed;
    cond = limitReason;
  }
  setCondition(hpa, "ScalingLimited", desired === stabilized ? "False" : "True", cond[0], cond[1], now);
  return desired;
}

/** normalizeDesiredReplicasWithBehaviors: stabilization windows and the rate policies of spec.behavior. */
function normalizeWithBehaviors(ctx: ReconcileContext, hpa: KubeObject, key: string, current: number, proposed: number, min: number, now: number): number {
  const behavior = { ...defaultBehavior(), ...hpa.spec.behavior };
  const recs = recommendations(ctx, key);
  const upCutoff = now - (behavior.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (behavior.scaleDown.stabilizationWindowSeconds ?? 300) * 1000;
  let upRec = proposed;
  let downRec = proposed;
  let oldIndex = -1;
  recs.forEach((r, i) => {
    if (r.at > upCutoff) upRec = Math.min(upRec, r.replicas);
    if (r.at > downCutoff) downRec = Math.max(downRec, r.replicas);
    if (r.at < upCutoff && r.at < downCutoff) oldIndex = i;
  });
  const stabilized = Math.min(Math.max(current, upRec), downRec);
  if (oldIndex >= 0) recs[oldIndex] = { replicas: proposed, at: now };
  else recs.push({ replicas: proposed, at: now });
  if (stabilized !== proposed) {
    if (proposed >= current) setCondition(hpa, "AbleToScale", "True", "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation", now);
    else setCondition(hpa, "AbleToScale", "True", "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation", now);
  } else setCondition(hpa, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size", now);
  let desired = stabilized;
  let cond = ["DesiredWithinRange", "the desired count is within the acceptable range"];
  if (stabilized > current) {
    const limit = Math.max(policyLimit(ctx, key, behavior.scaleUp, current, true, now), current);
    const maxAllowed = Math.min(hpa.spec.maxReplicas, limit);
    const why = hpa.spec.maxReplicas > limit ? ["ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate"] : ["TooManyReplicas", "the desired replica count is more than the maximum replica count"];
    if (stabilized > maxAllowed) [desired, cond] = [maxAllowed, why];
  } else if (stabilized < current) {
    const limit = Math.min(policyLimit(ctx, key, behavior.scaleDown, current, false, now), current);
    const minAllowed = Math.max(min, limit);
    const why = min < limit ? ["ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate"] : ["TooFewReplicas", "the desired replica count is less than the minimum replica count"];
    if (stabilized < minAllowed) [desired, cond] = [minAllowed, why];
  }
  setCondition(hpa, "ScalingLimited", desired === stabilized ? "False" : "True", cond[0], cond[1], now);
  return desired;
}

/** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors (v1.32): the
 *  replicas at the start of each policy's period, then its allowance; Max or Min of them. */
function policyLimit(ctx: ReconcileContext, key: string, rules: any, current: number, up: boolean, now: number): number {
  if (rules.selectPolicy === "Disabled") return current;
  const st = state(ctx);
  const changed = (bag: Record<string, ScaleEvent[]> | undefined, periodSeconds: number) =>
    (bag?.[key] ?? []).filter((e) => e.at > now - periodSeconds * 1000).reduce((s, e) => s + e.change, 0);
  const limits: number[] = (rules.policies ?? []).map((p: any) => {
    const start = current - changed(st.scaleUps, p.periodSeconds) + changed(st.scaleDowns, p.periodSeconds);
    if (p.type === "Pods") return up ? start + p.value : start - p.value;
    return up ? Math.ceil(start * (1 + p.value / 100)) : Math.trunc(start * (1 - p.value / 100));
  });
  if (limits.length === 0) return current;
  // A Max policy allows the largest change: the highest count up, the lowest count down.
  const largest = (rules.selectPolicy ?? "Max") === "Max";
  return up === largest ? Math.max(...limits) : Math.min(...limits);
}

function storeScaleEvent(ctx: ReconcileContext, hpa: KubeObject, key: string, from: number, to: number, now: number): void {
  if (!hpa.spec.behavior) return;
  const st = state(ctx);
  const up = to > from;
  const bag = up ? (st.scaleUps ??= {}) : (st.scaleDowns ??= {});
  const keepMs = 1800 * 1000;
  bag[key] = [...(bag[key] ?? []).filter((e) => e.at > now - keepMs), { change: Math.abs(to - from), at: now }];
}

