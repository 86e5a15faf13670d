// Every controller of the kube-controller-manager the sandbox runs.
import type { Reconciler } from "../cluster";

export function controllerReconcilers(): Reconciler[] {
  return [];
}
