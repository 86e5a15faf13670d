// The kubelet's node lease (pkg/kubelet/nodelease, k8s.io/component-helpers/apimachinery/lease):
// kube-node-lease/<node>, owned by the Node, held by the node's name for 40 s and renewed every
// 10 s (a quarter of the duration) while the kubelet runs. `describe node` prints its Lease section
// from it; the node lifecycle controller's monitor does the renewing here (see node-lifecycle.ts).

import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { rfc3339 } from "../core/duration";

export const NODE_LEASE_NAMESPACE = "kube-node-lease";
export const NODE_LEASE_DURATION_SECONDS = 40;
export const NODE_LEASE_RENEW_MS = (NODE_LEASE_DURATION_SECONDS * 1000) / 4;

/** metav1.MicroTime as it serializes: RFC 3339 with six fractional digits. */
export function microTime(ms: number): string {
  const micros = String(Math.floor(((ms % 1000) + 1000) % 1000) * 1000).padStart(6, "0");
  return rfc3339(ms).replace("Z", `.${micros}Z`);
}

export function buildNodeLease(node: KubeObject, nowMs: number): KubeObject {
  const name = node.metadata.name!;
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [{ apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid! }] },
    spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(nowMs) },
  };
}

/**
 * Renews (or re-creates) the node's lease when its last renewal is a renew interval old. `stored`
 * is the lease as stored (a read-only peek: most calls find it fresh and write nothing).
 */
export function renewNodeLease(client: Client, node: KubeObject, stored: KubeObject | undefined, nowMs: number): void {
  if (!stored) {
    client.create(buildNodeLease(node, nowMs));
    return;
  }
  const last = Date.parse(stored.spec?.renewTime ?? "");
  if (Number.isFinite(last) && nowMs - last < NODE_LEASE_RENEW_MS) return;
  client.update({ ...stored, spec: { ...stored.spec, holderIdentity: node.metadata.name, renewTime: microTime(nowMs) } });
}
