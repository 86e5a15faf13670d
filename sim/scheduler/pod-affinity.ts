// Inter-pod affinity and anti-affinity (pkg/scheduler/framework/plugins/interpodaffinity):
// required terms filter, preferred terms score. Namespace selectors other than {} are not modelled.

import type { KubeObject } from "../api/types";
import { selectorMatches, type LabelSelector } from "./labels";
import type { NodeInfo } from "./filters";

interface AffinityTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

function termSelects(term: AffinityTerm, owner: KubeObject, other: KubeObject): boolean {
  const nsOk = term.namespaceSelector && Object.keys(term.namespaceSelector).length === 0
    ? true
    : (term.namespaces?.length ? term.namespaces : [owner.metadata.namespace]).includes(other.metadata.namespace);
  return nsOk && selectorMatches(term.labelSelector ?? undefined, other.metadata.labels);
}

function sameTopology(a: KubeObject, b: KubeObject, key: string): boolean {
  const va = a.metadata.labels?.[key];
  return va !== undefined && va === b.metadata.labels?.[key];
}

function anyMatchInTopology(term: AffinityTerm, pod: KubeObject, node: KubeObject, all: NodeInfo[]): boolean {
  for (const info of all) {
    if (!sameTopology(info.node, node, term.topologyKey)) continue;
    if (info.pods.some((p) => termSelects(term, pod, p))) return true;
  }
  return false;
}

export function interPodAffinityReason(pod: KubeObject, info: NodeInfo, all: NodeInfo[]): { reason: string; unresolvable: boolean } | undefined {
  const affinity: AffinityTerm[] = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const anti: AffinityTerm[] = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  for (const term of affinity) {
    if (anyMatchInTopology(term, pod, info.node, all)) continue;
    // The first pod of a group that selects itself may go anywhere (satisfyPodAffinity).
    const anywhere = all.some((i) => i.pods.some((p) => termSelects(term, pod, p)));
    if (!anywhere && termSelects(term, pod, pod) && info.node.metadata.labels?.[term.topologyKey] !== undefined) continue;
    return { reason: "node(s) didn't match pod affinity rules", unresolvable: true };
  }
  for (const term of anti) {
    if (anyMatchInTopology(term, pod, info.node, all)) return { reason: "node(s) didn't match pod anti-affinity rules", unresolvable: false };
  }
  for (const other of all) {
    if (!other.pods.length) continue;
    for (const existing of other.pods) {
      const terms: AffinityTerm[] = existing.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
      for (const t of terms) {
        if (sameTopology(other.node, info.node, t.topologyKey) && termSelects(t, existing, pod)) {
          return { reason: "node(s) didn't satisfy existing pods anti-affinity rules", unresolvable: false };
        }
      }
    }
  }
  return undefined;
}

/** Raw preferred (anti-)affinity score of a node: + weight per matching pod for affinity, − for anti. */
export function preferredPodAffinityScore(pod: KubeObject, info: NodeInfo, all: NodeInfo[]): number {
  const prefs: { weight: number; podAffinityTerm: AffinityTerm }[] = pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const antiPrefs: { weight: number; podAffinityTerm: AffinityTerm }[] = pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  if (!prefs.length && !antiPrefs.length) return 0;
  let score = 0;
  for (const other of all) {
    for (const p of other.pods) {
      for (const w of prefs) if (sameTopology(other.node, info.node, w.podAffinityTerm.topologyKey) && termSelects(w.podAffinityTerm, pod, p)) score += w.weight;
      for (const w of antiPrefs) if (sameTopology(other.node, info.node, w.podAffinityTerm.topologyKey) && termSelects(w.podAffinityTerm, pod, p)) score -= w.weight;
    }
  }
  return score;
}
