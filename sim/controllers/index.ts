// Every controller of the kube-controller-manager the sandbox runs.
import type { Reconciler } from "../cluster";
import { replicaSetReconciler, replicationControllerReconciler } from "./replicaset";
import { deploymentReconciler } from "./deployment";

export function controllerReconcilers(): Reconciler[] {
  return [deploymentReconciler(), replicaSetReconciler(), replicationControllerReconciler()];
}
