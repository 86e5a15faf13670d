// Node rows (printNode, findNodeRoles, getNodeInternalIP/ExternalIP in
// pkg/printers/internalversion/printers.go, v1.32).

import type { KubeObject } from "../../api/types";
import { ageCol, ageOf, col, nameCol, type Printer } from "./columns";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Roles from node-role.kubernetes.io/<role> labels and a kubernetes.io/role=<role> label, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort();
}

/** "Ready", "NotReady", "Unknown", with ",SchedulingDisabled" when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const status: string[] = [];
  const ready = [...(node.status?.conditions ?? [])].reverse().find((c: any) => c.type === "Ready");
  if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
  if (status.length === 0) status.push("Unknown");
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

function address(node: KubeObject, type: string): string {
  return (node.status?.addresses ?? []).find((a: any) => a.type === type)?.address ?? "<none>";
}

const ADDRESSES_DOC = "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

export const nodePrinter: Printer = {
  columns: [
    nameCol(),
    col("Status", "string", "The status of the node"),
    col("Roles", "string", "The roles of the node"),
    ageCol(),
    col("Version", "string", "Kubelet Version reported by the node."),
    col("Internal-IP", "string", ADDRESSES_DOC, 1),
    col("External-IP", "string", ADDRESSES_DOC, 1),
    col("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
    col("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
    col("Container-Runtime", "string", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
  ],
  print(o, now) {
    const info = o.status?.nodeInfo ?? {};
    return {
      cells: [
        o.metadata.name,
        nodeStatus(o),
        nodeRoles(o).join(",") || "<none>",
        ageOf(o, now),
        info.kubeletVersion ?? "",
        address(o, "InternalIP"),
        address(o, "ExternalIP"),
        info.osImage || "<unknown>",
        info.kernelVersion || "<unknown>",
        info.containerRuntimeVersion || "<unknown>",
      ],
    };
  },
};
