// PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread): hard constraints
// (whenUnsatisfiable: DoNotSchedule) filter, soft ones (ScheduleAnyway) score. nodeAffinityPolicy
// Honor and nodeTaintsPolicy Ignore (the defaults) are modelled; matchLabelKeys is not.

import type { KubeObject } from "../api/types";
import type { NodeInfo } from "./filters";
import { selectorMatches, type LabelSelector } from "./labels";
import { requiredNodeAffinityMatches } from "./node-affinity";

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  labelSelector?: LabelSelector;
  minDomains?: number;
  nodeAffinityPolicy?: string;
}

function constraints(pod: KubeObject, when: string): Constraint[] {
  return ((pod.spec?.topologySpreadConstraints ?? []) as Constraint[]).filter((c) => c.whenUnsatisfiable === when);
}

function counts(pod: KubeObject, c: Constraint, all: NodeInfo[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const info of all) {
    const value = info.node.metadata.labels?.[c.topologyKey];
    if (value === undefined) continue;
    if ((c.nodeAffinityPolicy ?? "Honor") === "Honor" && !requiredNodeAffinityMatches(pod, info.node)) continue;
    const n = info.pods.filter((p) => p.metadata.namespace === pod.metadata.namespace && !p.metadata.deletionTimestamp && selectorMatches(c.labelSelector, p.metadata.labels)).length;
    out.set(value, (out.get(value) ?? 0) + n);
  }
  return out;
}

/** The Filter: a reason when placing the pod on this node would exceed a constraint's maxSkew. */
export function topologySpreadReason(pod: KubeObject, info: NodeInfo, all: NodeInfo[]): { reason: string; unresolvable: boolean } | undefined {
  for (const c of constraints(pod, "DoNotSchedule")) {
    const value = info.node.metadata.labels?.[c.topologyKey];
    if (value === undefined) return { reason: "node(s) didn't match pod topology spread constraints (missing required label)", unresolvable: true };
    const byDomain = counts(pod, c, all);
    let min = byDomain.size ? Math.min(...byDomain.values()) : 0;
    if (c.minDomains && byDomain.size < c.minDomains) min = 0;
    const self = selectorMatches(c.labelSelector, pod.metadata.labels) ? 1 : 0;
    if ((byDomain.get(value) ?? 0) + self - min > c.maxSkew) return { reason: "node(s) didn't match pod topology spread constraints", unresolvable: false };
  }
  return undefined;
}

/** Raw soft-constraint score (matching pods in the node's domains); undefined without soft constraints. */
export function topologySpreadRaw(pod: KubeObject, info: NodeInfo, all: NodeInfo[]): number | undefined {
  const soft = constraints(pod, "ScheduleAnyway");
  if (soft.length === 0) return undefined;
  let score = 0;
  for (const c of soft) {
    const value = info.node.metadata.labels?.[c.topologyKey];
    if (value === undefined) continue;
    score += (counts(pod, c, all).get(value) ?? 0) + (c.maxSkew - 1);
  }
  return score;
}
