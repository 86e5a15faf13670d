// The clusters a sandbox starts as: a fresh kubeadm v1.32 cluster ("default") or `minikube start`.
// Everything is created through the API, as kubeadm and the kubelets do; the controllers then
// create the CoreDNS and kube-proxy pods, the scheduler binds them and the kubelets run them.

import type { Cluster } from "../cluster";
import type { KubeObject } from "../api/types";
import { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { rfc3339 } from "../core/duration";
import { recordEvent } from "../apiserver/events";
import { buildNode, type NodeSpec } from "./topology/nodes";
import { buildNodeLease } from "./node-lease";
import { staticPods } from "./topology/control-plane";
import { CONTROLLER_SERVICE_ACCOUNTS, coreDns, kubeadmConfigMaps, kubeProxy, kubernetesService, namespaceObjects, storageProvisioner } from "./topology/addons";

export type TopologyName = "default" | "minikube";
export const TOPOLOGIES: readonly TopologyName[] = ["default", "minikube"];

const MEMORY_KI = 4_005_788; // a 4 GiB VM as the kubelet reports it

export const DEFAULT_NODES: NodeSpec[] = [
  { name: "controlplane", ip: "192.168.1.2", podCIDR: "10.244.0.0/24", controlPlane: true, tainted: true, cpu: "2", memoryKi: MEMORY_KI },
  { name: "node01", ip: "192.168.1.3", podCIDR: "10.244.1.0/24", controlPlane: false, tainted: false, cpu: "2", memoryKi: MEMORY_KI },
  { name: "node02", ip: "192.168.1.4", podCIDR: "10.244.2.0/24", controlPlane: false, tainted: false, cpu: "2", memoryKi: MEMORY_KI },
];

export const MINIKUBE_NODES: NodeSpec[] = [
  { name: "minikube", ip: "192.168.49.2", podCIDR: "10.244.0.0/24", controlPlane: true, tainted: false, minikube: true, cpu: "2", memoryKi: 3_912_376 },
];

/** Creates the topology's objects through the API; the caller then advances the clock so they run. */
export function bootstrapTopology(cluster: Cluster, name: TopologyName): void {
  const client = new Client({ request: (req) => cluster.api.handle(req) }, "kubeadm");
  const now = cluster.now();
  const minikube = name === "minikube";
  const specs = minikube ? MINIKUBE_NODES : DEFAULT_NODES;
  const cp = specs[0];
  const apiPort = minikube ? 8443 : 6443;

  for (const ns of namespaceObjects()) create(client, ns);
  const nodes = specs.map((s) => createNode(client, buildNode(s, cluster.prng, now)));
  for (const node of nodes) recordNodeStartEvents(client, cluster, node);
  // Each kubelet creates its node lease as it registers (pkg/kubelet/nodelease).
  for (const node of nodes) create(client, buildNodeLease(node, now));
  const seenAt = rfc3339(now).replace("Z", `.${String(cluster.prng.int(1e9)).padStart(9, "0")}Z`);
  for (const p of staticPods(nodes[0], cp.ip, cluster.prng, seenAt, minikube)) create(client, p);
  for (const o of kubernetesService(cp.ip, apiPort)) create(client, o);
  for (const o of kubeadmConfigMaps(minikube ? "mk" : "kubernetes")) create(client, o);
  for (const o of CONTROLLER_SERVICE_ACCOUNTS) create(client, o);
  for (const o of coreDns(minikube ? 1 : 2)) create(client, o);
  for (const o of kubeProxy(minikube ? `https://control-plane.minikube.internal:${apiPort}` : `https://${cp.ip}:${apiPort}`)) create(client, o);
  if (minikube) for (const o of storageProvisioner(cp.name)) create(client, o);
}

/**
 * What `kubectl describe node` shows on a fresh node: the kubelet's start-up events (kubelet
 * events name the node by name, also as uid), kube-proxy's Starting and the node controller's
 * RegisteredNode (pkg/kubelet/kubelet_node_status.go, pkg/controller/nodelifecycle).
 */
function recordNodeStartEvents(client: Client, cluster: Cluster, node: KubeObject): void {
  const name = node.metadata.name!;
  const now = cluster.now();
  const byName: KubeObject = { ...node, metadata: { ...node.metadata, uid: name } };
  const kubelet = { component: "kubelet", host: name };
  // Spread over the first seconds of the node's life, in the order they happen.
  const ev = (afterMs: number, obj: KubeObject, reason: string, message: string, source: { component: string; host?: string }) =>
    recordEvent(client, cluster.prng, now + afterMs, obj, "Normal", reason, message, source);
  ev(0, byName, "Starting", "Starting kubelet.", kubelet);
  ev(0, byName, "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods", kubelet);
  for (const s of ["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID"]) ev(1000, byName, s, `Node ${name} status is now: ${s}`, kubelet);
  ev(4000, node, "RegisteredNode", `Node ${name} event: Registered Node ${name} in Controller`, { component: "node-controller" });
  ev(12_000, byName, "NodeReady", `Node ${name} status is now: NodeReady`, kubelet);
  ev(20_000, byName, "Starting", "", { component: "kube-proxy", host: name });
}

function create(client: Client, obj: KubeObject): KubeObject {
  try {
    return client.create(obj);
  } catch (e) {
    // Objects the API server creates itself (namespaces, the kubernetes Service) may already exist.
    if (e instanceof ApiError && e.code === 409) return client.get(kindResource(obj), obj.metadata.namespace, obj.metadata.name!)!;
    throw e;
  }
}

function kindResource(obj: KubeObject): string {
  return obj.kind === "Endpoints" ? "endpoints" : `${obj.kind.toLowerCase()}s`;
}

/** Creates a Node and then writes its status (the create strategy may drop status, as for pods). */
function createNode(client: Client, node: KubeObject): KubeObject {
  const created = create(client, node);
  if (JSON.stringify(created.status?.conditions) === JSON.stringify(node.status.conditions)) return created;
  return client.updateStatus({ ...created, status: node.status });
}
