// Taints and tolerations (k8s.io/api/core/v1 toleration.go, taint.go; pkg/scheduler/framework/plugins/tainttoleration).

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "Equal") {
    case "Exists":
      return true;
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    default:
      return false;
  }
}

export function toleratesAll(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate (FindMatchingUntoleratedTaint). */
export function untoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects = ["NoSchedule", "NoExecute"]): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !toleratesAll(tolerations, taint));
}

/** "{key: value}" as the TaintToleration plugin prints a taint in its reason. */
export function taintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
}
