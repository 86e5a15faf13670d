// The default profile's Filter plugins in their order (pkg/scheduler/apis/config/v1/default_plugins.go):
// NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit,
// InterPodAffinity. A node fails at the first plugin that rejects it, with that plugin's reasons.

import type { KubeObject } from "../api/types";
import { allocatable, nonZeroRequests, podRequests, type Resources } from "./resources";
import { requiredNodeAffinityMatches } from "./node-affinity";
import { taintReason, toleratesAll, untoleratedTaint, type Taint } from "./taints";
import { interPodAffinityReason } from "./pod-affinity";
import { topologySpreadReason } from "./topology-spread";

/** What the scheduler knows about one node: the node and the pods assigned to it. */
export interface NodeInfo {
  node: KubeObject;
  pods: KubeObject[];
  requested: Resources;
  /** Requests with the scoring defaults for pods that request nothing (100m CPU, 200Mi). */
  nonZero: { cpu: number; memory: number };
  usedPorts: Set<string>;
}

export interface FilterResult {
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}

export function newNodeInfo(node: KubeObject): NodeInfo {
  return { node, pods: [], requested: {}, nonZero: { cpu: 0, memory: 0 }, usedPorts: new Set() };
}

export function addPod(info: NodeInfo, pod: KubeObject): void {
  info.pods.push(pod);
  for (const [k, v] of Object.entries(podRequests(pod))) info.requested[k] = (info.requested[k] ?? 0) + v;
  const nz = nonZeroRequests(pod);
  info.nonZero.cpu += nz.cpu;
  info.nonZero.memory += nz.memory;
  for (const p of hostPorts(pod)) info.usedPorts.add(p);
}

/** "protocol/hostIP/port" for each container port with a hostPort. */
function hostPorts(pod: KubeObject): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      // hostNetwork pods get hostPort = containerPort from defaulting.
      const hostPort = p.hostPort ?? (pod.spec?.hostNetwork ? p.containerPort : undefined);
      if (hostPort) out.push(`${p.protocol ?? "TCP"}/${p.hostIP ?? "0.0.0.0"}/${hostPort}`);
    }
  }
  return out;
}

function portsConflict(used: Set<string>, wanted: string[]): boolean {
  for (const w of wanted) {
    const [proto, ip, port] = w.split("/");
    for (const u of used) {
      const [uproto, uip, uport] = u.split("/");
      if (uproto === proto && uport === port && (uip === ip || uip === "0.0.0.0" || ip === "0.0.0.0")) return true;
    }
  }
  return false;
}

const UNSCHEDULABLE_TAINT: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

function fail(reasons: string[], unresolvable: boolean): FilterResult {
  return { reasons, unresolvable };
}

/** Runs the filters; undefined when the pod fits the node. */
export function filterNode(pod: KubeObject, info: NodeInfo, all: NodeInfo[]): FilterResult | undefined {
  const node = info.node;
  if (node.spec?.unschedulable && !toleratesAll(pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return fail(["node(s) were unschedulable"], true);
  if (pod.spec?.nodeName && pod.spec.nodeName !== node.metadata.name) return fail(["node(s) didn't match the requested node name"], true);
  const taint = untoleratedTaint(node.spec?.taints, pod.spec?.tolerations);
  if (taint) return fail([taintReason(taint)], true);
  if (!requiredNodeAffinityMatches(pod, node)) return fail(["node(s) didn't match Pod's node affinity/selector"], true);
  if (portsConflict(info.usedPorts, hostPorts(pod))) return fail(["node(s) didn't have free ports for the requested pod ports"], false);
  const insufficient = insufficientResources(pod, info);
  if (insufficient.length) return fail(insufficient, false);
  const spread = topologySpreadReason(pod, info, all);
  if (spread) return fail([spread.reason], spread.unresolvable);
  const affinity = interPodAffinityReason(pod, info, all);
  if (affinity) return fail([affinity.reason], affinity.unresolvable);
  return undefined;
}

/** NodeResourcesFit: "Too many pods" then "Insufficient <resource>" in resource order. */
function insufficientResources(pod: KubeObject, info: NodeInfo): string[] {
  const alloc = allocatable(info.node);
  const out: string[] = [];
  if (info.pods.length + 1 > (alloc.pods ?? 0) / 1000) out.push("Too many pods");
  const req = podRequests(pod);
  const order = ["cpu", "memory", "ephemeral-storage", ...Object.keys(req).filter((k) => !["cpu", "memory", "ephemeral-storage"].includes(k)).sort()];
  for (const r of order) {
    const want = req[r];
    if (!want) continue;
    if (want > (alloc[r] ?? 0) - (info.requested[r] ?? 0)) out.push(`Insufficient ${r}`);
  }
  return out;
}
