// The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go, v1.32): on each sync it
// reconciles status.active with the Jobs it owns, deletes finished Jobs beyond the history limits,
// and, at the most recent unmet schedule time, creates `<cronjob>-<minutes since epoch>` honouring
// suspend, startingDeadlineSeconds and concurrencyPolicy. It never polls: it asks for a wake-up at
// the next schedule time.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { rfc3339 } from "../core/duration";
import { nextActivation, parseCron, zoneOffsetMs, type CronSchedule } from "../api/validation/cron";
import { cachedList, clientFor, controllerRef, emit, int, ownerRefTo, tolerate } from "./util";
import { jobCondition } from "./job";

export const CRONJOB_CONTROLLER = "cronjob-controller";

export function cronJobReconciler(): Reconciler {
  return {
    name: CRONJOB_CONTROLLER,
    watches: ["batch/cronjobs", "batch/jobs"],
    sync: (ctx) => syncAll(ctx),
    onTimer: (_key, ctx) => syncAll(ctx),
  };
}

function syncAll(ctx: ReconcileContext): void {
  const cronJobs = cachedList(ctx, "cronjobs", "batch/cronjobs");
  if (cronJobs.length === 0) return;
  const jobs = cachedList(ctx, "jobs", "batch/jobs");
  const client = clientFor(ctx, CRONJOB_CONTROLLER);
  for (const cj of cronJobs) {
    const own = jobs.filter((j) => controllerRef(j)?.uid === cj.metadata.uid);
    syncCronJob(ctx, client, cj, own);
  }
}

function finishedType(job: KubeObject): "Complete" | "Failed" | undefined {
  if (jobCondition(job, "Complete")) return "Complete";
  if (jobCondition(job, "Failed")) return "Failed";
  return undefined;
}

interface ActiveRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  resourceVersion?: string;
  uid: string;
}

function refTo(job: KubeObject): ActiveRef {
  return { apiVersion: "batch/v1", kind: "Job", name: job.metadata.name!, namespace: job.metadata.namespace!, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid! };
}

function syncCronJob(ctx: ReconcileContext, client: Client, cj: KubeObject, jobs: KubeObject[]): void {
  const status: Record<string, any> = { ...(cj.status ?? {}) };
  let active: ActiveRef[] = [...(status.active ?? [])];
  const byUid = new Map(jobs.map((j) => [j.metadata.uid!, j]));
  for (const j of jobs) {
    const type = finishedType(j);
    const listed = active.some((a) => a.uid === j.metadata.uid);
    if (!type && !listed) active.push(refTo(j));
    if (type && listed) {
      active = active.filter((a) => a.uid !== j.metadata.uid);
      emit(ctx, CRONJOB_CONTROLLER, cj, "Normal", "SawCompletedJob", `Saw completed job: ${j.metadata.name}, condition: ${type}`);
    }
    if (type === "Complete" && j.status?.completionTime && (!status.lastSuccessfulTime || Date.parse(j.status.completionTime) > Date.parse(status.lastSuccessfulTime))) {
      status.lastSuccessfulTime = j.status.completionTime;
    }
  }
  for (const a of active.filter((x) => !byUid.has(x.uid))) {
    emit(ctx, CRONJOB_CONTROLLER, cj, "Normal", "MissingJob", `Active job went missing: ${a.name}`);
  }
  active = active.filter((a) => byUid.has(a.uid));
  if (cj.metadata.deletionTimestamp) return writeStatus(client, cj, status, active);
  cleanupFinishedJobs(ctx, client, cj, jobs);
  if (cj.spec?.suspend === true) return writeStatus(client, cj, status, active);

  let sched: CronSchedule;
  try {
    sched = parseCron(cj.spec?.schedule ?? "");
  } catch (e) {
    emit(ctx, CRONJOB_CONTROLLER, cj, "Warning", "UnparseableSchedule", `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${(e as Error).message}`);
    return writeStatus(client, cj, status, active);
  }
  const now = ctx.now();
  const offset = zoneOffsetMs(cj.spec?.timeZone ?? "", now) ?? 0;
  const key = `${cj.metadata.namespace}/${cj.metadata.name}`;
  const next = nextActivation(sched, now, offset);
  if (next !== undefined) ctx.after(next - now, key);

  const scheduled = mostRecentScheduleTime(cj, sched, now, offset);
  if (scheduled === undefined) return writeStatus(client, cj, status, active);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (typeof deadline === "number" && scheduled + deadline * 1000 < now) {
    emit(ctx, CRONJOB_CONTROLLER, cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${rfc3339(scheduled)}`);
    return writeStatus(client, cj, status, active);
  }
  const name = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
  if (active.some((a) => a.name === name) || (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === scheduled)) return writeStatus(client, cj, status, active);
  const policy = cj.spec?.concurrencyPolicy ?? "Allow";
  if (policy === "Forbid" && active.length > 0) {
    emit(ctx, CRONJOB_CONTROLLER, cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
    return writeStatus(client, cj, status, active);
  }
  if (policy === "Replace") {
    for (const a of active) {
      if (tolerate(() => client.delete("jobs", a.namespace, a.name, { propagationPolicy: "Background" })) !== undefined) {
        emit(ctx, CRONJOB_CONTROLLER, cj, "Normal", "SuccessfulDelete", `Deleted job ${a.name}`);
      }
    }
    active = [];
  }
  const job = createJob(ctx, client, cj, name, scheduled);
  if (job) active.push(refTo(job));
  status.lastScheduleTime = rfc3339(scheduled);
  writeStatus(client, cj, status, active);
}

/** mostRecentScheduleTime: the latest activation in (earliest, now], or undefined. */
function mostRecentScheduleTime(cj: KubeObject, sched: CronSchedule, now: number, offset: number): number | undefined {
  let earliest = Date.parse(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp!);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (typeof deadline === "number") earliest = Math.max(earliest, now - deadline * 1000);
  let t = nextActivation(sched, earliest, offset);
  if (t === undefined || t > now) return undefined;
  // Jump near `now` instead of walking every missed time (upstream counts them up to 100).
  let last = t;
  for (let i = 0; i < 1000 && t !== undefined && t <= now; i++) {
    last = t;
    t = nextActivation(sched, t, offset);
  }
  if (t !== undefined && t <= now) {
    let probe = now - 60_000;
    while (probe > last) {
      const n = nextActivation(sched, probe, offset);
      if (n !== undefined && n <= now) return n;
      probe -= 60_000 * 60;
    }
  }
  return last;
}

/** getJobFromTemplate2. */
function createJob(ctx: ReconcileContext, client: Client, cj: KubeObject, name: string, scheduled: number): KubeObject | undefined {
  const t = cj.spec?.jobTemplate ?? {};
  const job: KubeObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      ...(t.metadata?.labels ? { labels: { ...t.metadata.labels } } : {}),
      annotations: { ...(t.metadata?.annotations ?? {}), "batch.kubernetes.io/cronjob-scheduled-timestamp": rfc3339(scheduled) },
      ownerReferences: [ownerRefTo(cj)],
    },
    spec: structuredClone(t.spec ?? {}),
  };
  try {
    const created = client.create(job);
    emit(ctx, CRONJOB_CONTROLLER, cj, "Normal", "SuccessfulCreate", `Created job ${name}`);
    return created;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code === 409) return client.get("jobs", cj.metadata.namespace, name);
    emit(ctx, CRONJOB_CONTROLLER, cj, "Warning", "FailedCreate", `Error creating job: ${e.message}`);
    return undefined;
  }
}

/** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit / failedJobsHistoryLimit. */
function cleanupFinishedJobs(ctx: ReconcileContext, client: Client, cj: KubeObject, jobs: KubeObject[]): void {
  const startOf = (j: KubeObject) => Date.parse(j.status?.startTime ?? j.metadata.creationTimestamp!);
  for (const [type, limit] of [["Complete", int(cj.spec?.successfulJobsHistoryLimit, 3)], ["Failed", int(cj.spec?.failedJobsHistoryLimit, 1)]] as const) {
    const done = jobs.filter((j) => finishedType(j) === type && !j.metadata.deletionTimestamp).sort((a, b) => startOf(a) - startOf(b));
    for (const j of done.slice(0, Math.max(0, done.length - limit))) {
      if (tolerate(() => client.delete("jobs", j.metadata.namespace, j.metadata.name!, { propagationPolicy: "Background" })) !== undefined) {
        emit(ctx, CRONJOB_CONTROLLER, cj, "Normal", "SuccessfulDelete", `Deleted job ${j.metadata.name}`);
      }
    }
  }
}

function writeStatus(client: Client, cj: KubeObject, base: Record<string, any>, active: ActiveRef[]): void {
  const status = { ...base };
  if (active.length) status.active = active;
  else delete status.active;
  if (JSON.stringify(status) === JSON.stringify(cj.status ?? {})) return;
  tolerate(() => client.updateStatus({ ...cj, status }));
}
