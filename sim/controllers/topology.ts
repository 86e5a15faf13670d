// The clusters a sandbox starts as: a fresh kubeadm v1.32 cluster ("default") or `minikube start`.
import type { Cluster } from "../cluster";

export type TopologyName = "default" | "minikube";
export const TOPOLOGIES: readonly TopologyName[] = ["default", "minikube"];

/** Creates the topology's objects through the API; the caller then advances the clock so they run. */
export function bootstrapTopology(_cluster: Cluster, _name: TopologyName): void {}
