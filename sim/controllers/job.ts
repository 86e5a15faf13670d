// The Job controller (pkg/controller/job/job_controller.go, v1.32): keeps `parallelism` pods
// running until `completions` succeeded, replaces failed pods after the pod-failure back-off
// (10 s doubling, capped at 10 min: DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff), fails
// the Job past backoffLimit or activeDeadlineSeconds, honours suspend, and writes status as v1.32
// does (FailureTarget / SuccessCriteriaMet first, then Failed / Complete once no pod terminates).
//
// Upstream counts finished pods through the batch.kubernetes.io/job-tracking finalizer and
// status.uncountedTerminatedPods; here the uids already counted live in ctx.state, so counts
// survive pod deletion the same way, and uncountedTerminatedPods is always written empty.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { rfc3339 } from "../core/duration";
import { LIMITS } from "../core/limits";
import { cachedList, clientFor, controllerRef, emit, int, isPodReady, ownerRefTo, tolerate } from "./util";
import { informer } from "./informer";

export const JOB_CONTROLLER = "job-controller";
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const POD_FAILURE_BACKOFF_MAX_MS = 600_000;

interface JobRecord {
  succeeded: string[];
  failed: string[];
  /** Failures since the last success and when the latest one finished (backoff_utils.go). */
  failuresAfterSuccess: number;
  lastFailureMs: number;
  /** Indexed jobs: indexes that succeeded. */
  completedIndexes?: number[];
}

export function jobReconciler(): Reconciler {
  return {
    name: JOB_CONTROLLER,
    watches: ["batch/jobs", "/pods"],
    sync: (ctx) => syncAll(ctx),
    onTimer: (_key, ctx) => syncAll(ctx),
  };
}

function syncAll(ctx: ReconcileContext): void {
  const jobs = cachedList(ctx, "jobs", "batch/jobs");
  const live = new Set<string>();
  if (jobs.length) {
    const client = clientFor(ctx, JOB_CONTROLLER);
    const pods = informer.pods(ctx);
    for (const job of jobs) {
      live.add(job.metadata.uid!);
      const own = pods.filter((p) => controllerRef(p)?.uid === job.metadata.uid);
      syncJob(ctx, client, job, own);
    }
  }
  const records = (ctx.state.jobs ??= {}) as Record<string, JobRecord>;
  for (const uid of Object.keys(records)) if (!live.has(uid)) delete records[uid];
}

function recordOf(ctx: ReconcileContext, job: KubeObject): JobRecord {
  const records = (ctx.state.jobs ??= {}) as Record<string, JobRecord>;
  return (records[job.metadata.uid!] ??= { succeeded: [], failed: [], failuresAfterSuccess: 0, lastFailureMs: 0 });
}

type Cond = { type: string; status: string; reason?: string; message?: string; lastProbeTime?: string; lastTransitionTime?: string };

export function jobCondition(job: KubeObject, type: string): Cond | undefined {
  return (job.status?.conditions ?? []).find((c: Cond) => c.type === type && c.status === "True");
}

export function isJobFinished(job: KubeObject): boolean {
  return !!(jobCondition(job, "Complete") || jobCondition(job, "Failed"));
}

/** getFinishedTime: the latest container finish, else the deletion time, else now. */
function finishedAtMs(p: KubeObject, now: number): number {
  let latest = 0;
  for (const s of [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]) {
    const at = s?.state?.terminated?.finishedAt;
    if (at) latest = Math.max(latest, Date.parse(at));
  }
  if (latest) return latest;
  if (p.metadata.deletionTimestamp) return Date.parse(p.metadata.deletionTimestamp);
  return now;
}

/** Counts newly finished pods (and active pods that vanished) into the record. */
function countFinished(rec: JobRecord, pods: KubeObject[], prevActive: string[], now: number, indexed: boolean): void {
  const counted = new Set([...rec.succeeded, ...rec.failed]);
  const present = new Set(pods.map((p) => p.metadata.uid!));
  const finished = pods.filter((p) => !counted.has(p.metadata.uid!) && (p.status?.phase === "Succeeded" || p.status?.phase === "Failed")).sort((a, b) => finishedAtMs(a, now) - finishedAtMs(b, now));
  for (const p of finished) {
    if (p.status.phase === "Succeeded") {
      rec.succeeded.push(p.metadata.uid!);
      rec.failuresAfterSuccess = 0;
      const idx = Number(p.metadata.annotations?.["batch.kubernetes.io/job-completion-index"]);
      if (indexed && Number.isInteger(idx) && !(rec.completedIndexes ??= []).includes(idx)) rec.completedIndexes.push(idx);
    } else {
      rec.failed.push(p.metadata.uid!);
      rec.failuresAfterSuccess++;
      rec.lastFailureMs = Math.max(rec.lastFailureMs, finishedAtMs(p, now));
    }
  }
  // A pod that disappeared before finishing (deleted while running) counts as failed.
  for (const uid of prevActive) {
    if (present.has(uid) || counted.has(uid)) continue;
    rec.failed.push(uid);
    rec.failuresAfterSuccess++;
    rec.lastFailureMs = now;
  }
}

/** Remaining pod-failure back-off (getRemainingTime), in ms. */
export function remainingBackoffMs(failures: number, lastFailureMs: number, now: number): number {
  if (failures <= 0) return 0;
  const backoff = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** Math.min(failures - 1, 30), POD_FAILURE_BACKOFF_MAX_MS);
  const elapsed = now - lastFailureMs;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

function isActive(p: KubeObject): boolean {
  return p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed" && !p.metadata.deletionTimestamp;
}

function isTerminatingPod(p: KubeObject): boolean {
  return !!p.metadata.deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed";
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count as failures. */
function pastBackoffLimitOnFailure(job: KubeObject, active: KubeObject[], backoffLimit: number): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== "OnFailure") return false;
  let n = 0;
  for (const p of active) for (const s of [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]) n += int(s?.restartCount, 0);
  return backoffLimit === 0 ? n > 0 : n >= backoffLimit;
}

interface Finish {
  type: "Complete" | "Failed";
  reason: string;
  message: string;
}

function syncJob(ctx: ReconcileContext, client: Client, job: KubeObject, pods: KubeObject[]): void {
  if (job.metadata.deletionTimestamp) return;
  const now = ctx.now();
  const rec = recordOf(ctx, job);
  const key = `${job.metadata.namespace}/${job.metadata.name}`;
  const spec = job.spec ?? {};
  const indexed = spec.completionMode === "Indexed";
  countFinished(rec, pods, (ctx.state[`active/${job.metadata.uid}`] as string[] | undefined) ?? [], now, indexed);
  if (isJobFinished(job)) {
    delete ctx.state[`active/${job.metadata.uid}`];
    return;
  }
  let active = pods.filter(isActive);
  const completions = spec.completions === undefined || spec.completions === null ? undefined : int(spec.completions, 1);
  const parallelism = Math.min(int(spec.parallelism, 1), LIMITS.replicasPerWorkload);
  const succeeded = indexed ? (rec.completedIndexes ?? []).length : rec.succeeded.length;
  const failed = rec.failed.length;
  const status: Record<string, any> = { ...(job.status ?? {}) };
  let conditions: Cond[] = [...(status.conditions ?? [])];
  const probe = rfc3339(now);
  const setCondition = (type: string, st: string, reason: string, message: string) => {
    const old = conditions.find((c) => c.type === type);
    if (old && old.status === st) return;
    conditions = [...conditions.filter((c) => c.type !== type), { lastProbeTime: probe, lastTransitionTime: probe, message, reason, status: st, type }];
  };
  const suspended = spec.suspend === true;
  if (suspended) {
    if (!conditions.some((c) => c.type === "Suspended" && c.status === "True")) emit(ctx, JOB_CONTROLLER, job, "Normal", "Suspended", "Job suspended");
    setCondition("Suspended", "True", "JobSuspended", "Job suspended");
  } else {
    if (conditions.some((c) => c.type === "Suspended" && c.status === "True")) {
      setCondition("Suspended", "False", "JobResumed", "Job resumed");
      emit(ctx, JOB_CONTROLLER, job, "Normal", "Resumed", "Job resumed");
      delete status.startTime;
    }
    status.startTime ??= rfc3339(now);
  }

  // Terminal decisions: an existing FailureTarget / SuccessCriteriaMet, else a new one.
  let finish: Finish | undefined;
  const target = conditions.find((c) => (c.type === "FailureTarget" || c.type === "SuccessCriteriaMet") && c.status === "True");
  if (target) finish = { type: target.type === "FailureTarget" ? "Failed" : "Complete", reason: target.reason ?? "", message: target.message ?? "" };
  const backoffLimit = int(spec.backoffLimit, 6);
  const exceeds = failed > backoffLimit || pastBackoffLimitOnFailure(job, active, backoffLimit);
  const deadlineMs = spec.activeDeadlineSeconds !== undefined && status.startTime && !suspended ? Date.parse(status.startTime) + int(spec.activeDeadlineSeconds, 0) * 1000 : undefined;
  if (!finish && exceeds) finish = { type: "Failed", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" };
  if (!finish && deadlineMs !== undefined && now >= deadlineMs) finish = { type: "Failed", reason: "DeadlineExceeded", message: "Job was active longer than specified deadline" };
  const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
  if (!finish && complete) finish = { type: "Complete", reason: "CompletionsReached", message: "Reached expected number of succeeded pods" };
  if (!finish && deadlineMs !== undefined) ctx.after(deadlineMs - now, key);

  if (finish) {
    setCondition(finish.type === "Failed" ? "FailureTarget" : "SuccessCriteriaMet", "True", finish.reason, finish.message);
    active = deletePods(ctx, client, job, active);
  } else if (suspended) {
    active = deletePods(ctx, client, job, active);
  } else {
    active = managePods(ctx, client, job, rec, active, pods, completions, parallelism, succeeded, key);
  }
  const terminating = pods.filter(isTerminatingPod).length + (active.length < pods.filter(isActive).length ? pods.filter(isActive).length - active.length : 0);
  if (finish && terminating === 0 && active.length === 0) {
    setCondition(finish.type, "True", finish.reason, finish.message);
    if (finish.type === "Complete") {
      status.completionTime = rfc3339(now);
      emit(ctx, JOB_CONTROLLER, job, "Normal", "Completed", "Job completed");
    } else emit(ctx, JOB_CONTROLLER, job, "Warning", finish.reason, finish.message);
  }
  // Pods not finished yet (running or terminating): one that vanishes before finishing is a failure.
  ctx.state[`active/${job.metadata.uid}`] = [...new Set([...active.map((p) => p.metadata.uid!), ...pods.filter(isTerminatingPod).map((p) => p.metadata.uid!)])];
  writeStatus(client, job, status, conditions, active, failed, succeeded, terminating, indexed ? rec.completedIndexes ?? [] : undefined);
}

function writeStatus(client: Client, job: KubeObject, base: Record<string, any>, conditions: Cond[], active: KubeObject[], failed: number, succeeded: number, terminating: number, completedIndexes: number[] | undefined): void {
  const status: Record<string, any> = { ...base };
  delete status.active;
  delete status.failed;
  delete status.succeeded;
  if (active.length) status.active = active.length;
  if (conditions.length) status.conditions = conditions;
  else delete status.conditions;
  if (failed) status.failed = failed;
  status.ready = active.filter(isPodReady).length;
  if (succeeded) status.succeeded = succeeded;
  if (completedIndexes?.length) status.completedIndexes = indexRanges(completedIndexes);
  status.terminating = terminating;
  status.uncountedTerminatedPods = {};
  if (JSON.stringify(sortKeys(status)) === JSON.stringify(sortKeys(job.status ?? {}))) return;
  tolerate(() => client.updateStatus({ ...job, status }));
}

/** "0-2,5": the completedIndexes format (succeededIndexesStr). */
export function indexRanges(ix: number[]): string {
  const s = [...new Set(ix)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    out.push(j > i ? `${s[i]}-${s[j]}` : `${s[i]}`);
    i = j + 1;
  }
  return out.join(",");
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

function deletePods(ctx: ReconcileContext, client: Client, job: KubeObject, pods: KubeObject[]): KubeObject[] {
  for (const p of pods) {
    if (tolerate(() => client.delete("pods", p.metadata.namespace, p.metadata.name!)) !== undefined) {
      emit(ctx, JOB_CONTROLLER, job, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
    }
  }
  return [];
}

/** manageJob: scale active pods towards min(parallelism, remaining completions), after back-off. */
function managePods(ctx: ReconcileContext, client: Client, job: KubeObject, rec: JobRecord, active: KubeObject[], pods: KubeObject[], completions: number | undefined, parallelism: number, succeeded: number, key: string): KubeObject[] {
  let want = parallelism;
  if (completions !== undefined) want = Math.min(parallelism, Math.max(0, completions - succeeded));
  else if (succeeded > 0) want = Math.min(parallelism, active.length);
  if (active.length > want) {
    const extra = active.slice(want);
    deletePods(ctx, client, job, extra);
    return active.slice(0, want);
  }
  if (active.length === want) return active;
  // podReplacementPolicy TerminatingOrFailed replaces terminating pods at once; Failed waits.
  if (job.spec?.podReplacementPolicy === "Failed" && pods.some(isTerminatingPod)) return active;
  const wait = remainingBackoffMs(rec.failuresAfterSuccess, rec.lastFailureMs, ctx.now());
  if (wait > 0) {
    ctx.after(wait, key);
    return active;
  }
  const out = [...active];
  const indexes = job.spec?.completionMode === "Indexed" ? freeIndexes(job, rec, active, want - active.length, completions ?? 0) : [];
  for (let i = active.length; i < want; i++) {
    const p = createPod(ctx, client, job, job.spec?.completionMode === "Indexed" ? indexes.shift() : undefined);
    if (!p) break;
    out.push(p);
  }
  return out;
}

function freeIndexes(job: KubeObject, rec: JobRecord, active: KubeObject[], n: number, completions: number): number[] {
  const taken = new Set([...(rec.completedIndexes ?? []), ...active.map((p) => Number(p.metadata.annotations?.["batch.kubernetes.io/job-completion-index"]))]);
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < n; i++) if (!taken.has(i)) out.push(i);
  void job;
  return out;
}

function createPod(ctx: ReconcileContext, client: Client, job: KubeObject, index: number | undefined): KubeObject | undefined {
  const t = job.spec?.template ?? {};
  const labels: Record<string, string> = { ...(t.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(t.metadata?.annotations ?? {}) };
  let generateName = `${job.metadata.name}-`;
  if (index !== undefined) {
    annotations["batch.kubernetes.io/job-completion-index"] = String(index);
    labels["batch.kubernetes.io/job-completion-index"] = String(index);
    generateName = `${job.metadata.name}-${index}-`;
  }
  const spec = structuredClone(t.spec ?? {});
  if (index !== undefined) {
    // Indexed pods get JOB_COMPLETION_INDEX and a stable hostname (podGenerateNameWithIndex).
    spec.hostname ??= `${job.metadata.name}-${index}`;
    for (const c of spec.containers ?? []) c.env = [...(c.env ?? []), { name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }];
  }
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName,
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [ownerRefTo(job)],
    },
    spec,
  };
  try {
    const p = client.create(pod);
    emit(ctx, JOB_CONTROLLER, job, "Normal", "SuccessfulCreate", `Created pod: ${p.metadata.name}`);
    return p;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    emit(ctx, JOB_CONTROLLER, job, "Warning", "FailedCreate", `Error creating: ${e.message}`);
    return undefined;
  }
}
