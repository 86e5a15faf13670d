// Assembles a full cluster: API server strategies, controllers, scheduler, kubelets, topology.

import { Cluster, type ClusterState, type Reconciler } from "./cluster";
import { STRATEGIES } from "./api/strategies";
import { controllerReconcilers } from "./controllers/index";
import { bootstrapTopology, type TopologyName } from "./controllers/topology";
import { schedulerReconciler } from "./scheduler/index";
import { kubeletReconciler, registerKubeletSubresources } from "./node/index";

/** How long before `now` the cluster was created, so its system pods are Running when a learner arrives. */
export const CLUSTER_AGE_MS = 10 * 60 * 1000;

function reconcilers(): Reconciler[] {
  return [...controllerReconcilers(), schedulerReconciler(), kubeletReconciler()];
}

function wire(cluster: Cluster): Cluster {
  registerKubeletSubresources(cluster.api, () => cluster.reconcilerState("kubelet"));
  return cluster;
}

export function createCluster(opts: { seed: number; topology: TopologyName; now: number }): Cluster {
  const cluster = wire(new Cluster({ reconcilers: reconcilers(), strategies: STRATEGIES, seed: opts.seed, now: opts.now - CLUSTER_AGE_MS }));
  bootstrapTopology(cluster, opts.topology);
  cluster.settle();
  cluster.advanceTo(opts.now);
  return cluster;
}

export function restoreCluster(state: ClusterState): Cluster {
  return wire(new Cluster({ reconcilers: reconcilers(), strategies: STRATEGIES, state }));
}
