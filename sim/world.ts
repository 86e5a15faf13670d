// Assembles a full cluster: API server strategies, controllers, scheduler, kubelets, topology.

import { Cluster, type ClusterState, type Reconciler } from "./cluster";
import { STRATEGIES } from "./api/strategies";
import { controllerReconcilers } from "./controllers/index";
import { bootstrapTopology, type TopologyName } from "./controllers/topology";
import { schedulerReconciler } from "./scheduler/index";
import { KUBELET, kubeletHealth, kubeletReconciler, registerKubeletSubresources } from "./node/index";
import { gatedByComponent } from "./hosts/static-pods";
import { hostsReconciler } from "./hosts/hosts-reconciler";

/** How long before `now` the cluster was created, so its system pods are Running when a learner arrives. */
export const CLUSTER_AGE_MS = 10 * 60 * 1000;

function reconcilers(cluster: () => Cluster | undefined): Reconciler[] {
  const probe = { stateName: KUBELET, kubelet: (node: string) => kubeletHealth(cluster()!.peekState(KUBELET), node) };
  // A control-plane component whose static pod the learner broke stops working (sim/hosts).
  const controllers = controllerReconcilers(probe).map((r) => gatedByComponent(r, "kube-controller-manager", cluster));
  return [...controllers, gatedByComponent(schedulerReconciler(), "kube-scheduler", cluster), kubeletReconciler(), hostsReconciler(cluster)];
}

function wire(cluster: Cluster): Cluster {
  registerKubeletSubresources(cluster.api, () => cluster.reconcilerState("kubelet"));
  return cluster;
}

export function createCluster(opts: { seed: number; topology: TopologyName; now: number }): Cluster {
  let cluster: Cluster | undefined;
  cluster = wire(new Cluster({ reconcilers: reconcilers(() => cluster), strategies: STRATEGIES, seed: opts.seed, now: opts.now - CLUSTER_AGE_MS }));
  bootstrapTopology(cluster, opts.topology);
  cluster.settle();
  cluster.advanceTo(opts.now);
  return cluster;
}

export function restoreCluster(state: ClusterState): Cluster {
  let cluster: Cluster | undefined;
  cluster = wire(new Cluster({ reconcilers: reconcilers(() => cluster), strategies: STRATEGIES, state }));
  return cluster;
}
