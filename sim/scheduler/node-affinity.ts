// Node selection by labels and fields (k8s.io/component-helpers/scheduling/corev1/nodeaffinity).

import type { KubeObject } from "../api/types";

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: Requirement[];
  matchFields?: Requirement[];
}

function requirementMatches(r: Requirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case "In": return value !== undefined && vals.includes(value);
    case "NotIn": return value === undefined || !vals.includes(value);
    case "Exists": return value !== undefined;
    case "DoesNotExist": return value === undefined;
    case "Gt": return value !== undefined && vals.length === 1 && parseInt(value, 10) > parseInt(vals[0], 10);
    case "Lt": return value !== undefined && vals.length === 1 && parseInt(value, 10) < parseInt(vals[0], 10);
    default: return false;
  }
}

/** A term matches when all its expressions and fields match; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!requirementMatches(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) if (r.key !== "metadata.name" || !requirementMatches(r, node.metadata.name)) return false;
  return true;
}

/** The pod's nodeSelector and required node affinity both match (GetRequiredNodeAffinity.Match). */
export function requiredNodeAffinityMatches(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
  const terms: NodeSelectorTerm[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => termMatches(t, node));
}

/** Node names a required affinity pins the pod to via matchFields metadata.name In (NodeAffinity PreFilter). */
export function pinnedNodeNames(pod: KubeObject): Set<string> | undefined {
  const terms: NodeSelectorTerm[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const t of terms) {
    const f = (t.matchFields ?? []).find((r) => r.key === "metadata.name" && r.operator === "In");
    if (!f) return undefined;
    for (const v of f.values ?? []) names.add(v);
  }
  return names;
}

/** Sum of weights of preferred terms the node matches (NodeAffinity Score). */
export function preferredNodeAffinityScore(pod: KubeObject, node: KubeObject): number {
  const prefs: { weight: number; preference: NodeSelectorTerm }[] = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  let score = 0;
  for (const p of prefs) if (termMatches(p.preference, node)) score += p.weight;
  return score;
}
