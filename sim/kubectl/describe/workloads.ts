// Deployment, ReplicaSet, ReplicationController, DaemonSet, Job and CronJob describers
// (describe.go, kubectl v1.32).

import type { KubeObject } from "../../api/types";
import { formatLabels, formatLabelSelector, selectorString } from "../../apiserver/printers/columns";
import { humanDuration } from "../../core/duration";
import type { Reader } from "./api";
import { describePodTemplate } from "./containers";
import { describeEvents, refOf, searchEvents } from "./events";
import { controllerOf, intOrString, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline, rfc1123z } from "./format";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";

/* eslint-disable @typescript-eslint/no-explicit-any */

function eventsFor(r: Reader, o: KubeObject, show: boolean): KubeObject[] | undefined {
  return show ? searchEvents(r, refOf(o)) : undefined;
}

function ownedBy(o: KubeObject, uid: string | undefined): boolean {
  return (o.metadata.ownerReferences ?? []).some((ref) => ref.controller && ref.uid === uid);
}

/** getPodStatusForController: pods matching the selector and controlled by the owner, by phase. */
function podStatusCounts(r: Reader, owner: KubeObject, labelSelector: string): string {
  const pods = r.list("pods", "", owner.metadata.namespace, labelSelector ? { labelSelector } : {}).items.filter((p) => ownedBy(p, owner.metadata.uid));
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${count("Running")} Running / ${count("Pending")} Waiting / ${count("Succeeded")} Succeeded / ${count("Failed")} Failed`;
}

function describeConditions(w: PrefixWriter, conditions: any[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(LEVEL_1, "----\t------\t------\n");
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

/** deploymentutil.EqualIgnoreHash: templates equal once pod-template-hash labels are dropped. */
function templateKey(t: any): string {
  const c = structuredClone(t ?? {});
  if (c.metadata?.labels) delete c.metadata.labels["pod-template-hash"];
  return canonical(c);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as any)[k])}`).join(",")}}`;
  return JSON.stringify(v);
}

function replicaSetList(rss: KubeObject[]): string {
  return rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ") || "<none>";
}

export function describeDeployment(r: Reader, d: KubeObject, showEvents: boolean): string {
  const events = eventsFor(r, d, showEvents);
  const owned = r.list("replicasets", "apps", d.metadata.namespace).items.filter((rs) => ownedBy(rs, d.metadata.uid));
  // deploymentutil.FindNewReplicaSet: the oldest RS whose template matches; the rest are old.
  const key = templateKey(d.spec?.template);
  const byAge = [...owned].sort((a, b) => Date.parse(a.metadata.creationTimestamp ?? "") - Date.parse(b.metadata.creationTimestamp ?? "") || ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
  const newRS = byAge.find((rs) => templateKey(rs.spec?.template) === key);
  // GetAllReplicaSetsInChunks' allOldRSs: every other owned RS, scaled to zero or not.
  const oldRSs = byAge.filter((rs) => rs !== newRS);
  const w = new PrefixWriter();
  const s = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", d.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? ""}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
  describePodTemplate(d.spec?.template, w);
  describeConditions(w, s.conditions);
  if (oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  }
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

export function describeReplicaSet(r: Reader, rs: KubeObject, showEvents: boolean): string {
  const counts = podStatusCounts(r, rs, selectorString(rs.spec?.selector));
  const events = eventsFor(r, rs, showEvents);
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, "Labels", rs.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
  const controlledBy = controllerOf(rs);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, "Pods Status:\t");
  w.write(LEVEL_0, `${counts}\n`);
  describePodTemplate(rs.spec?.template, w);
  describeConditions(w, rs.status?.conditions);
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

export function describeReplicationController(r: Reader, rc: KubeObject, showEvents: boolean): string {
  const sel: Record<string, string> = rc.spec?.selector ?? {};
  const counts = podStatusCounts(r, rc, Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(","));
  const events = eventsFor(r, rc, showEvents);
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabels(sel)}\n`);
  printLabelsMultiline(w, "Labels", rc.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", rc.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${counts}\n`);
  describePodTemplate(rc.spec?.template, w);
  describeConditions(w, rc.status?.conditions);
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

export function describeDaemonSet(r: Reader, ds: KubeObject, showEvents: boolean): string {
  const selector = selectorString(ds.spec?.selector);
  const counts = podStatusCounts(r, ds, selector);
  const events = eventsFor(r, ds, showEvents);
  const s = ds.status ?? {};
  const w = new PrefixWriter();
  // v1.32 prints no Namespace line for DaemonSets (checked against the real kubectl).
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Selector:\t${selector}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, "Labels", ds.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${counts}\n`);
  describePodTemplate(ds.spec?.template, w);
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

export function describeJob(r: Reader, job: KubeObject, showEvents: boolean): string {
  const events = eventsFor(r, job, showEvents);
  const spec = job.spec ?? {};
  const s = job.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
  printLabelsMultiline(w, "Labels", job.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", job.metadata.annotations);
  const controlledBy = controllerOf(job);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, spec.completions !== undefined && spec.completions !== null ? `Completions:\t${spec.completions}\n` : "Completions:\t<unset>\n");
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (s.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(s.startTime)}\n`);
  if (s.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(s.completionTime)}\n`);
  if (s.startTime && s.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(s.completionTime) - Date.parse(s.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  if (s.ready === undefined || s.ready === null) w.write(LEVEL_0, `Pods Statuses:\t${s.active ?? 0} Active / ${s.succeeded ?? 0} Succeeded / ${s.failed ?? 0} Failed\n`);
  else w.write(LEVEL_0, `Pods Statuses:\t${s.active ?? 0} Active (${s.ready} Ready) / ${s.succeeded ?? 0} Succeeded / ${s.failed ?? 0} Failed\n`);
  if (spec.completionMode === "Indexed") w.write(LEVEL_0, `Completed Indexes:\t${s.completedIndexes || "<none>"}\n`);
  describePodTemplate(spec.template, w);
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

export function describeCronJob(r: Reader, cj: KubeObject, showEvents: boolean): string {
  const events = eventsFor(r, cj, showEvents);
  const spec = cj.spec ?? {};
  const tpl = spec.jobTemplate?.spec ?? {};
  const w = new PrefixWriter();
  const orUnset = (v: unknown, suffix = "") => (v === undefined || v === null ? "<unset>" : `${v}${suffix}`);
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", cj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ""}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ""}\n`);
  w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, "s")}\n`);
  w.write(LEVEL_0, `Selector:\t${tpl.selector ? selectorString(tpl.selector) : "<unset>"}\n`);
  w.write(LEVEL_0, `Parallelism:\t${orUnset(tpl.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${orUnset(tpl.completions)}\n`);
  if (tpl.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${tpl.activeDeadlineSeconds}s\n`);
  describePodTemplate(tpl.template, w);
  w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : "<unset>"}\n`);
  const active: any[] = cj.status?.active ?? [];
  w.write(LEVEL_0, "Active Jobs:\t");
  if (active.length === 0) w.writeLine("<none>");
  else {
    w.write(LEVEL_0, active.map((j) => j.name).join(", "));
    w.writeLine("");
  }
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}
