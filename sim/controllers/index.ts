// Every controller of the kube-controller-manager the sandbox runs.
import type { Reconciler } from "../cluster";
import { replicaSetReconciler, replicationControllerReconciler } from "./replicaset";

export function controllerReconcilers(): Reconciler[] {
  return [replicaSetReconciler(), replicationControllerReconciler()];
}
