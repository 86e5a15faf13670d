// Rolling update, recreate, proportional scaling, progress and cleanup of a Deployment
// (pkg/controller/deployment/rolling.go, recreate.go, sync.go, progress.go).

import type { KubeObject } from "../api/types";
import { int, tolerate } from "./util";
import {
  byCreation, DESIRED_REPLICAS, getCondition, MAX_REPLICAS, maxSurge, maxUnavailable, newCondition, removeCondition,
  replicas, replicasAnnotationsNeedUpdate, revisionOf, setCondition, setReplicasAnnotations, sumReplicas,
} from "./deployment-util";
import {
  calculateStatus, DEPLOYMENT_CONTROLLER, findNewAndOld, getNewReplicaSet, hasProgressDeadline, newRSReplicas, replaceRS, writeStatus,
  type DeploymentSync,
} from "./deployment";
import { emit } from "./util";

function all(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject[] {
  return newRS ? [...oldRSs, newRS] : oldRSs;
}

function activeOf(rss: KubeObject[]): KubeObject[] {
  return rss.filter((rs) => replicas(rs) > 0);
}

/** scaleReplicaSetAndRecordEvent / scaleReplicaSet: also refreshes the replicas annotations. */
function scaleRS(s: DeploymentSync, rs: KubeObject, to: number, op?: "up" | "down"): boolean {
  const from = replicas(rs);
  const desired = replicas(s.d);
  const max = desired + maxSurge(s.d);
  const sizeChanged = from !== to;
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
  const copy = structuredClone(rs);
  copy.spec.replicas = to;
  setReplicasAnnotations(copy, desired, max);
  const updated = tolerate(() => s.client.update(copy));
  if (!updated) return false;
  replaceRS(s, updated);
  if (sizeChanged) {
    const verb = op ?? (from < to ? "up" : "down");
    emit(s.ctx, DEPLOYMENT_CONTROLLER, s.d, "Normal", "ScalingReplicaSet", `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`);
  }
  return sizeChanged;
}

export function rolloutRolling(s: DeploymentSync): void {
  const newRS = getNewReplicaSet(s, true);
  const { oldRSs } = findNewAndOld(s);
  if (!newRS) return;
  const fresh = s.rsList.find((x) => x.metadata.uid === newRS.metadata.uid) ?? newRS;
  if (reconcileNewReplicaSet(s, all(fresh, oldRSs), fresh)) return syncRolloutStatus(s);
  const cur = findNewAndOld(s);
  if (reconcileOldReplicaSets(s, activeOf(cur.oldRSs), cur.newRS!)) return syncRolloutStatus(s);
  const status = calculateStatus(s, all(cur.newRS, cur.oldRSs), cur.newRS);
  if (deploymentComplete(s.d, status)) cleanupDeployment(s, cur.oldRSs);
  syncRolloutStatus(s);
}

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: KubeObject[], newRS: KubeObject): boolean {
  const want = replicas(s.d);
  if (replicas(newRS) === want) return false;
  if (replicas(newRS) > want) return scaleRS(s, newRS, want, "down");
  return scaleRS(s, newRS, newRSReplicas(s.d, allRSs, newRS), "up");
}

function reconcileOldReplicaSets(s: DeploymentSync, oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (sumReplicas(oldRSs) === 0) return false;
  const allRSs = [...oldRSs, newRS];
  const minAvailable = replicas(s.d) - maxUnavailable(s.d);
  const newUnavailable = replicas(newRS) - int(newRS.status?.availableReplicas, 0);
  const maxScaledDown = sumReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // cleanupUnhealthyReplicas: scale down unavailable old pods first, oldest RS first.
  let cleaned = 0;
  const sorted = [...oldRSs].sort(byCreation);
  for (const rs of sorted) {
    if (cleaned >= maxScaledDown) break;
    const n = replicas(rs);
    const avail = int(rs.status?.availableReplicas, 0);
    if (n === 0 || n === avail) continue;
    const down = Math.min(maxScaledDown - cleaned, n - avail);
    scaleRS(s, rs, n - down, "down");
    cleaned += down;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then keep minAvailable.
  const cur = findNewAndOld(s);
  const available = [...cur.oldRSs, ...(cur.newRS ? [cur.newRS] : [])].reduce((n, rs) => n + int(rs.status?.availableReplicas, 0), 0);
  let scaled = 0;
  if (available > minAvailable) {
    const total = available - minAvailable;
    for (const rs of activeOf(cur.oldRSs).sort(byCreation)) {
      if (scaled >= total) break;
      const n = replicas(rs);
      if (n === 0) continue;
      const down = Math.min(n, total - scaled);
      scaleRS(s, rs, n - down, "down");
      scaled += down;
    }
  }
  return cleaned + scaled > 0;
}

export function rolloutRecreate(s: DeploymentSync): void {
  let { newRS, oldRSs } = findNewAndOld(s);
  newRS = getNewReplicaSet(s, false) ?? newRS;
  let scaledDown = false;
  for (const rs of activeOf(oldRSs)) if (scaleRS(s, rs, 0, "down")) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(s);
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  const oldPodsRunning = s.pods().some((p) => {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || !oldUids.has(ref.uid)) return false;
    return p.status?.phase !== "Failed" && p.status?.phase !== "Succeeded";
  });
  if (oldPodsRunning || sumReplicas(oldRSs) > 0) return syncRolloutStatus(s);
  if (!newRS) newRS = getNewReplicaSet(s, true);
  if (newRS) {
    const fresh = s.rsList.find((x) => x.metadata.uid === newRS!.metadata.uid) ?? newRS;
    scaleRS(s, fresh, replicas(s.d), "up");
  }
  const cur = findNewAndOld(s);
  if (deploymentComplete(s.d, calculateStatus(s, all(cur.newRS, cur.oldRSs), cur.newRS))) cleanupDeployment(s, cur.oldRSs);
  syncRolloutStatus(s);
}

/** sync(): scaling (and paused) path: proportional scaling across active ReplicaSets. */
export function scaleDeployment(s: DeploymentSync): void {
  const newRS = getNewReplicaSet(s, false);
  const { oldRSs } = findNewAndOld(s);
  scale(s, newRS, oldRSs);
  const cur = findNewAndOld(s);
  if (s.d.spec?.paused) cleanupDeployment(s, cur.oldRSs);
  writeStatus(s, calculateStatus(s, all(cur.newRS, cur.oldRSs), cur.newRS));
}

function scale(s: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const d = s.d;
  const want = replicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    // Also refreshes the replicas annotations when only they are stale, so isScalingEvent settles.
    scaleRS(s, activeOrLatest, want);
    return;
  }
  if (newRS && isSaturated(d, newRS)) {
    for (const rs of activeOf(oldRSs)) scaleRS(s, rs, 0);
    return;
  }
  if ((d.spec?.strategy?.type ?? "RollingUpdate") !== "RollingUpdate") return;
  const rss = activeOf(all(newRS, oldRSs));
  const allowed = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowed - sumReplicas(rss);
  let op: "up" | "down" | undefined;
  if (toAdd > 0) { rss.sort(bySizeNewer); op = "up"; } else if (toAdd < 0) { rss.sort(bySizeOlder); op = "down"; }
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of rss) {
    let proportion = 0;
    if (toAdd !== 0 && replicas(rs) !== 0 && toAdd !== added) {
      const fraction = replicaSetFraction(rs, d);
      const allowedLeft = toAdd - added;
      proportion = toAdd > 0 ? Math.min(fraction, allowedLeft) : Math.max(fraction, allowedLeft);
    }
    sizes.set(rs.metadata.name!, replicas(rs) + proportion);
    added += proportion;
  }
  if (toAdd !== added && rss.length) {
    const first = rss[0].metadata.name!;
    sizes.set(first, Math.max(0, sizes.get(first)! + toAdd - added));
  }
  for (const rs of rss) scaleRS(s, s.rsList.find((x) => x.metadata.uid === rs.metadata.uid) ?? rs, sizes.get(rs.metadata.name!)!, op);
}

function bySizeNewer(a: KubeObject, b: KubeObject): number {
  return replicas(b) - replicas(a) || -byCreation(a, b);
}

function bySizeOlder(a: KubeObject, b: KubeObject): number {
  return replicas(b) - replicas(a) || byCreation(a, b);
}

function replicaSetFraction(rs: KubeObject, d: KubeObject): number {
  if (replicas(d) === 0) return -replicas(rs);
  const deploymentReplicas = replicas(d) + maxSurge(d);
  const annotated = parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? "", 10);
  const base = Number.isFinite(annotated) ? annotated : int(d.status?.replicas, 0);
  if (!base) return 0;
  // integer.RoundToInt32 rounds half away from zero.
  const size = (replicas(rs) * deploymentReplicas) / base;
  return Math.sign(size) * Math.round(Math.abs(size)) - replicas(rs);
}

function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort((a, b) => -byCreation(a, b));
  const active = activeOf(all(newRS, olds));
  if (active.length === 0) return newRS ?? olds[0];
  if (active.length === 1) return active[0];
  return undefined;
}

function isSaturated(d: KubeObject, rs: KubeObject): boolean {
  const desired = parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS] ?? "", 10);
  return replicas(rs) === replicas(d) && desired === replicas(d) && int(rs.status?.availableReplicas, 0) === replicas(d);
}

export function deploymentComplete(d: KubeObject, status: Record<string, unknown>): boolean {
  const n = replicas(d);
  return int(status.updatedReplicas, 0) === n && int(status.replicas, 0) === n && int(status.availableReplicas, 0) === n && int(status.observedGeneration, 0) >= (d.metadata.generation ?? 1);
}

function deploymentProgressing(d: KubeObject, status: Record<string, unknown>): boolean {
  const old = d.status ?? {};
  const oldOld = int(old.replicas, 0) - int(old.updatedReplicas, 0);
  const newOld = int(status.replicas, 0) - int(status.updatedReplicas, 0);
  return int(status.updatedReplicas, 0) > int(old.updatedReplicas, 0) || newOld < oldOld || int(status.readyReplicas, 0) > int(old.readyReplicas, 0) || int(status.availableReplicas, 0) > int(old.availableReplicas, 0);
}

function deadlineAt(d: KubeObject, status: { conditions?: { type: string; reason: string; lastUpdateTime: string }[] }): number | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const c = getCondition(status as never, "Progressing");
  if (!c || c.reason === "NewReplicaSetAvailable" || c.reason === "ProgressDeadlineExceeded") return undefined;
  return Date.parse(c.lastUpdateTime) + int(d.spec?.progressDeadlineSeconds, 600) * 1000;
}

/** syncRolloutStatus: Progressing (complete / progressing / timed out) and ReplicaFailure. */
export function syncRolloutStatus(s: DeploymentSync): void {
  const d = s.d;
  const { newRS, oldRSs } = findNewAndOld(s);
  const status = calculateStatus(s, all(newRS, oldRSs), newRS);
  const now = s.ctx.now();
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const cur = getCondition(status, "Progressing");
  const complete = status.replicas === status.updatedReplicas && cur?.reason === "NewReplicaSetAvailable";
  if (hasProgressDeadline(d) && !complete) {
    const name = newRS?.metadata.name;
    const due = deadlineAt(d, status);
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition("Progressing", "True", "NewReplicaSetAvailable", name ? `ReplicaSet "${name}" has successfully progressed.` : "Deployment has successfully progressed.", now));
    } else if (deploymentProgressing(d, status)) {
      const c = newCondition("Progressing", "True", "ReplicaSetUpdated", name ? `ReplicaSet "${name}" is progressing.` : "Deployment is progressing.", now);
      if (cur && cur.status === "True") c.lastTransitionTime = cur.lastTransitionTime;
      removeCondition(status, "Progressing");
      setCondition(status, c);
    } else if (due !== undefined && due < now) {
      setCondition(status, newCondition("Progressing", "False", "ProgressDeadlineExceeded", name ? `ReplicaSet "${name}" has timed out progressing.` : "Deployment has timed out progressing.", now));
    }
  }
  const failure = newRS && (newRS.status?.conditions ?? []).find((c: { type: string }) => c.type === "ReplicaFailure");
  if (failure) setCondition(status, newCondition("ReplicaFailure", failure.status, failure.reason, failure.message, now));
  else removeCondition(status, "ReplicaFailure");
  writeStatus(s, status);
  // requeueStuckDeployment: wake up when the progress deadline passes.
  const due = deadlineAt(s.d, s.d.status ?? {});
  if (due !== undefined && !deploymentComplete(s.d, s.d.status ?? {})) s.ctx.after(Math.max(0, due - now) + 1, `${d.metadata.namespace}/${d.metadata.name}`);
}

/** cleanupDeployment: delete the oldest fully scaled-down old ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(s: DeploymentSync, oldRSs: KubeObject[]): void {
  // apps/v1 defaults revisionHistoryLimit to 10.
  const limit = int(s.d.spec?.revisionHistoryLimit, 10);
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  const diff = cleanable.length - limit;
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if (int(rs.status?.replicas, 0) !== 0 || replicas(rs) !== 0 || (rs.metadata.generation ?? 1) > int(rs.status?.observedGeneration, 0)) continue;
    tolerate(() => s.client.delete("replicasets", rs.metadata.namespace, rs.metadata.name!));
    s.rsList = s.rsList.filter((x) => x.metadata.uid !== rs.metadata.uid);
  }
}
