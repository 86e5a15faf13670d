// Which pods a ReplicaSet deletes first when scaling down (pkg/controller/controller_utils.go
// ActivePodsWithRanks.Less, with LogarithmicScaleDown on as in v1.32).

import type { KubeObject } from "../api/types";
import { isPodReady, podCondition } from "./util";

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function restarts(p: KubeObject): number {
  let n = 0;
  for (const s of p.status?.containerStatuses ?? []) n = Math.max(n, s.restartCount ?? 0);
  return n;
}

function deletionCost(p: KubeObject): number {
  const v = parseInt(p.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? "0", 10);
  return Number.isFinite(v) ? v : 0;
}

/** floor(log2(now - t)) buckets so pods of similar age compare equal (logarithmic scale down). */
function logBucket(t: string | undefined, nowMs: number): number {
  if (!t) return -1;
  const d = nowMs - Date.parse(t);
  return d <= 0 ? 0 : Math.floor(Math.log2(d / 1000 + 1));
}

/**
 * Sorts pods so those to delete first come first. `rank` is the number of related pods on the
 * same node (more crowded nodes give up pods first).
 */
export function rankForDeletion(pods: KubeObject[], rank: (p: KubeObject) => number, nowMs: number): KubeObject[] {
  return [...pods].sort((a, b) => {
    const assignedA = a.spec?.nodeName ? 1 : 0;
    const assignedB = b.spec?.nodeName ? 1 : 0;
    if (assignedA !== assignedB) return assignedA - assignedB;
    const pa = PHASE_RANK[a.status?.phase ?? "Pending"] ?? 0;
    const pb = PHASE_RANK[b.status?.phase ?? "Pending"] ?? 0;
    if (pa !== pb) return pa - pb;
    const ra = isPodReady(a) ? 1 : 0;
    const rb = isPodReady(b) ? 1 : 0;
    if (ra !== rb) return ra - rb;
    const ka = rank(a);
    const kb = rank(b);
    if (ka !== kb) return kb - ka;
    const ca = deletionCost(a);
    const cb = deletionCost(b);
    if (ca !== cb) return ca - cb;
    if (ra && rb) {
      const ta = logBucket(podCondition(a, "Ready")?.lastTransitionTime, nowMs);
      const tb = logBucket(podCondition(b, "Ready")?.lastTransitionTime, nowMs);
      if (ta !== tb) return ta - tb;
    }
    const xa = restarts(a);
    const xb = restarts(b);
    if (xa !== xb) return xb - xa;
    const ga = logBucket(a.metadata.creationTimestamp, nowMs);
    const gb = logBucket(b.metadata.creationTimestamp, nowMs);
    if (ga !== gb) return ga - gb;
    return (a.metadata.uid ?? "") < (b.metadata.uid ?? "") ? -1 : 1;
  });
}
