// The default profile's Score plugins with their weights (pkg/scheduler/apis/config/v1/default_plugins.go):
// TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2,
// NodeResourcesFit (LeastAllocated) 1, NodeResourcesBalancedAllocation 1. ImageLocality is left out:
// every node of a sandbox holds the same images.

import type { KubeObject } from "../api/types";
import type { NodeInfo } from "./filters";
import { allocatable, nonZeroRequests } from "./resources";
import { preferredNodeAffinityScore } from "./node-affinity";
import { preferredPodAffinityScore } from "./pod-affinity";
import { toleratesAll } from "./taints";
import { topologySpreadRaw } from "./topology-spread";

const MAX = 100;

function leastAllocated(pod: KubeObject, info: NodeInfo): number {
  const alloc = allocatable(info.node);
  const nz = nonZeroRequests(pod);
  const part = (cap: number, req: number) => (cap <= 0 || req > cap ? 0 : Math.floor(((cap - req) * MAX) / cap));
  return Math.floor((part(alloc.cpu ?? 0, info.nonZero.cpu + nz.cpu) + part(alloc.memory ?? 0, info.nonZero.memory + nz.memory)) / 2);
}

function balancedAllocation(pod: KubeObject, info: NodeInfo): number {
  const alloc = allocatable(info.node);
  const nz = nonZeroRequests(pod);
  const frac = (cap: number, req: number) => (cap <= 0 ? 1 : Math.min(1, req / cap));
  const cpu = frac(alloc.cpu ?? 0, info.nonZero.cpu + nz.cpu);
  const mem = frac(alloc.memory ?? 0, info.nonZero.memory + nz.memory);
  return Math.floor((1 - Math.abs(cpu - mem) / 2) * MAX);
}

function intolerablePreferNoSchedule(pod: KubeObject, info: NodeInfo): number {
  return ((info.node.spec?.taints ?? []) as { key: string; value?: string; effect: string }[])
    .filter((t) => t.effect === "PreferNoSchedule" && !toleratesAll(pod.spec?.tolerations, t)).length;
}

/** Pods of the same controller on the node: the system default spreading (maxSkew 3 by hostname). */
function sameOwnerCount(pod: KubeObject, info: NodeInfo): number {
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
  if (!owner) return 0;
  return info.pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner)).length;
}

function normalize(raw: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...raw);
  if (max === 0) return raw.map(() => (reverse ? MAX : 0));
  return raw.map((s) => (reverse ? MAX - Math.floor((s * MAX) / max) : Math.floor((s * MAX) / max)));
}

function normalizeSpread(raw: number[]): number[] {
  const max = Math.max(...raw);
  const min = Math.min(...raw);
  if (max === 0) return raw.map(() => MAX);
  return raw.map((s) => Math.floor((MAX * (max + min - s)) / max));
}

function normalizeRange(raw: number[]): number[] {
  const max = Math.max(...raw);
  const min = Math.min(...raw);
  if (max === min) return raw.map(() => 0);
  return raw.map((s) => Math.floor(((s - min) * MAX) / (max - min)));
}

/** Total weighted score per feasible node, in the order given. */
export function scoreNodes(pod: KubeObject, feasible: NodeInfo[], all: NodeInfo[]): number[] {
  const fit = feasible.map((i) => leastAllocated(pod, i));
  const balanced = feasible.map((i) => balancedAllocation(pod, i));
  const taints = normalize(feasible.map((i) => intolerablePreferNoSchedule(pod, i)), true);
  const nodeAff = normalize(feasible.map((i) => preferredNodeAffinityScore(pod, i.node)), false);
  // Explicit soft constraints replace the system default spreading (maxSkew 3 by hostname).
  const explicit = feasible.map((i) => topologySpreadRaw(pod, i, all));
  const spread = normalizeSpread(explicit[0] !== undefined ? explicit.map((x) => x ?? 0) : feasible.map((i) => sameOwnerCount(pod, i) + 2));
  const podAff = normalizeRange(feasible.map((i) => preferredPodAffinityScore(pod, i, all)));
  return feasible.map((_, k) => fit[k] + balanced[k] + 3 * taints[k] + 2 * nodeAff[k] + 2 * spread[k] + 2 * podAff[k]);
}
