// Deployment helpers (pkg/controller/deployment/util/deployment_util.go): surge and unavailability
// fenceposts, revision and replica annotations, conditions.

import type { KubeObject } from "../api/types";
import { rfc3339 } from "../core/duration";
import { int } from "./util";

export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

const NOT_COPIED = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  "deprecated.deployment.rollback.to",
]);

export function replicas(o: KubeObject | undefined): number {
  return o ? int(o.spec?.replicas, 1) : 0;
}

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const m = /^(\d+)%$/.exec(v);
    if (m) {
      const x = (parseInt(m[1], 10) * total) / 100;
      return roundUp ? Math.ceil(x) : Math.floor(x);
    }
    const n = parseInt(v, 10);
    if (String(n) === v) return n;
  }
  return 0;
}

/** ResolveFenceposts: surge rounds up, unavailability down; both zero means one may be unavailable. */
export function fenceposts(d: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const desired = replicas(d);
  const maxSurge = scaledValue(ru.maxSurge ?? "25%", desired, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? "25%", desired, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? fenceposts(d).maxSurge : 0;
}

export function maxUnavailable(d: KubeObject): number {
  const n = replicas(d);
  if (!isRollingUpdate(d) || n === 0) return 0;
  return Math.min(fenceposts(d).maxUnavailable, n);
}

export function revisionOf(rs: KubeObject): number {
  const v = parseInt(rs.metadata.annotations?.[REVISION] ?? "", 10);
  return Number.isFinite(v) ? v : 0;
}

/** Copies the deployment's annotations (except the controller's own) to the RS; true when changed. */
export function copyAnnotations(d: KubeObject, rs: KubeObject): boolean {
  let changed = false;
  const a = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (NOT_COPIED.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  return changed;
}

const REV_HISTORY_LIMIT_CHARS = 2000;

/** SetNewReplicaSetAnnotations. */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): boolean {
  let changed = copyAnnotations(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const oldText = a[REVISION];
  const old = oldText === undefined || oldText === "" ? 0 : parseInt(oldText, 10);
  if (!Number.isFinite(old)) return false;
  if (old < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (oldText !== undefined) {
      const history = a[REVISION_HISTORY] ?? "";
      let olds = history.split(",");
      if (olds[0] === "") a[REVISION_HISTORY] = oldText;
      else {
        let total = history.length + oldText.length + 1;
        let start = 0;
        while (total > REV_HISTORY_LIMIT_CHARS && start < olds.length) total -= olds[start++].length + 1;
        if (total <= REV_HISTORY_LIMIT_CHARS) {
          olds = [...olds.slice(start), oldText];
          a[REVISION_HISTORY] = olds.join(",");
        }
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicas(d), replicas(d) + maxSurge(d))) changed = true;
  return changed;
}

export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS] !== String(desired)) { a[DESIRED_REPLICAS] = String(desired); changed = true; }
  if (a[MAX_REPLICAS] !== String(max)) { a[MAX_REPLICAS] = String(max); changed = true; }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export function newCondition(type: string, status: string, reason: string, message: string, nowMs: number): DeploymentCondition {
  const t = rfc3339(nowMs);
  return { lastTransitionTime: t, lastUpdateTime: t, message, reason, status, type };
}

export function getCondition(status: { conditions?: DeploymentCondition[] } | undefined, type: string): DeploymentCondition | undefined {
  return (status?.conditions ?? []).find((c) => c.type === type);
}

/** SetDeploymentCondition: same status and reason keeps the old one; the changed one moves last. */
export function setCondition(status: { conditions?: DeploymentCondition[] }, c: DeploymentCondition): void {
  const cur = getCondition(status, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  if (cur && cur.status === c.status) c = { ...c, lastTransitionTime: cur.lastTransitionTime };
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), c];
}

export function removeCondition(status: { conditions?: DeploymentCondition[] }, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

export function sumReplicas(rss: (KubeObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? replicas(rs) : 0), 0);
}

export function sumStatus(rss: (KubeObject | undefined)[], field: string): number {
  return rss.reduce((n, rs) => n + (rs ? int(rs.status?.[field], 0) : 0), 0);
}
