// `kubectl describe node` (describe.go NodeDescriber, describeNode, describeNodeResource).

import type { KubeObject } from "../../api/types";
import { nodeRoles } from "../../apiserver/printers/node";
import { rfc3339 } from "../../core/duration";
import type { Reader } from "./api";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since } from "./format";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { addQuantity, formatQuantity, maxQuantity, milliValue, parseQuantity, value, ZERO, type Quantity } from "./quantity";

/* eslint-disable @typescript-eslint/no-explicit-any */

type ResourceMap = Map<string, Quantity>;

function addInto(into: ResourceMap, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q) into.set(k, into.has(k) ? addQuantity(into.get(k)!, q) : q);
  }
}

function maxInto(into: ResourceMap, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q) into.set(k, into.has(k) ? maxQuantity(into.get(k)!, q) : q);
  }
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a floor, plus overhead. */
export function podRequestsAndLimits(pod: KubeObject): { reqs: ResourceMap; limits: ResourceMap } {
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const c of pod.spec?.containers ?? []) {
    addInto(reqs, c.resources?.requests);
    addInto(limits, c.resources?.limits);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy === "Always") {
      addInto(reqs, c.resources?.requests);
      addInto(limits, c.resources?.limits);
    } else {
      maxInto(reqs, c.resources?.requests);
      maxInto(limits, c.resources?.limits);
    }
  }
  addInto(reqs, pod.spec?.overhead);
  addInto(limits, pod.spec?.overhead);
  return { reqs, limits };
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

function describeNodeResource(pods: KubeObject[], node: KubeObject, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const alloc: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const q = (name: string) => parseQuantity(alloc[name]) ?? ZERO;
  const cpuAlloc = milliValue(q("cpu"));
  const memAlloc = value(q("memory"));
  const ephAlloc = value(q("ephemeral-storage"));
  const totalReqs: ResourceMap = new Map();
  const totalLimits: ResourceMap = new Map();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    for (const [k, v] of reqs) totalReqs.set(k, totalReqs.has(k) ? addQuantity(totalReqs.get(k)!, v) : v);
    for (const [k, v] of limits) totalLimits.set(k, totalLimits.has(k) ? addQuantity(totalLimits.get(k)!, v) : v);
    const cr = reqs.get("cpu") ?? ZERO;
    const cl = limits.get("cpu") ?? ZERO;
    const mr = reqs.get("memory") ?? ZERO;
    const ml = limits.get("memory") ?? ZERO;
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${formatQuantity(cr)} (${pct(milliValue(cr), cpuAlloc)}%)\t${formatQuantity(cl)} (${pct(milliValue(cl), cpuAlloc)}%)\t${formatQuantity(mr)} (${pct(value(mr), memAlloc)}%)\t${formatQuantity(ml)} (${pct(value(ml), memAlloc)}%)\t${since(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const line = (name: string, toNum: (x: Quantity) => number, whole: number) => {
    const r = totalReqs.get(name) ?? ZERO;
    const l = totalLimits.get(name) ?? ZERO;
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${pct(toNum(r), whole)}%)\t${formatQuantity(l)} (${pct(toNum(l), whole)}%)\n`);
  };
  line("cpu", milliValue, cpuAlloc);
  line("memory", value, memAlloc);
  line("ephemeral-storage", value, ephAlloc);
  const standard = new Set(["cpu", "memory", "ephemeral-storage", "storage", "pods"]);
  const names = Object.keys(alloc).sort();
  for (const name of names.filter((n) => n.startsWith("hugepages-"))) line(name, value, value(q(name)));
  for (const name of names.filter((n) => !n.startsWith("hugepages-") && !standard.has(n) && !n.startsWith("requests.") && !n.startsWith("limits."))) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(totalReqs.get(name) ?? ZERO)}\t${formatQuantity(totalLimits.get(name) ?? ZERO)}\n`);
  }
}

function printResourceList(w: PrefixWriter, list: Record<string, string>): void {
  for (const k of Object.keys(list).sort()) w.write(LEVEL_0, `  ${k}:\t${formatQuantity(parseQuantity(list[k]) ?? ZERO)}\n`);
}

/** The node's lease in kube-node-lease; a kubelet renews it every 10s, so one is synthesized if not served. */
function describeLease(r: Reader, node: KubeObject, w: PrefixWriter): void {
  const lease = r.list("leases", "coordination.k8s.io", "kube-node-lease").items.find((l) => l.metadata.name === node.metadata.name);
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === "Ready");
  const renew = lease?.spec?.renewTime ?? (ready?.status === "True" ? rfc3339(Math.floor(r.now() / 10_000) * 10_000) : ready?.lastHeartbeatTime);
  w.write(LEVEL_0, "Lease:\n");
  w.write(LEVEL_1, `HolderIdentity:\t${lease ? (lease.spec?.holderIdentity ?? "<unset>") : node.metadata.name}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease?.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : "<unset>"}\n`);
  w.write(LEVEL_1, `RenewTime:\t${renew ? rfc1123z(renew) : "<unset>"}\n`);
}

export function describeNode(r: Reader, node: KubeObject, showEvents: boolean): string {
  const name = node.metadata.name ?? "";
  const fieldSelector = `spec.nodeName=${name},status.phase!=Failed,status.phase!=Succeeded`;
  const pods = r.list("pods", "", undefined, { fieldSelector }).items.filter((p) => p.spec?.nodeName === name && p.status?.phase !== "Failed" && p.status?.phase !== "Succeeded");
  let events: KubeObject[] | undefined;
  if (showEvents) {
    // Controllers refer to the node by uid, kubelets by name: kubectl merges both searches.
    events = [...searchEvents(r, { kind: "Node", name, uid: node.metadata.uid }), ...searchEvents(r, { kind: "Node", name, uid: name })];
  }
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node).join(",") || "<none>"}\n`);
  printLabelsMultiline(w, "Labels", node.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, "Taints", spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  describeLease(r, node, w);
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of status.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, "Capacity:\n");
    printResourceList(w, status.capacity);
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, "Allocatable:\n");
    printResourceList(w, status.allocatable);
  }
  const info = status.nodeInfo ?? {};
  w.write(LEVEL_0, "System Info:\n");
  w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ""}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ""}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ""}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ""}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ""}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ""}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ""}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(",")}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResource(pods, node, w, r.now());
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}
