// Kubelets (one per node) as one reconciler, plus the pod subresources they serve (log, exec).
import type { Reconciler } from "../cluster";
import type { ApiServer } from "../apiserver/server";

export function kubeletReconciler(): Reconciler {
  return { name: "kubelet", watches: [], sync: () => {} };
}

/** Registers pods/log (and later pods/exec) on the API server, served from kubelet state. */
export function registerKubeletSubresources(_api: ApiServer, _states: () => Record<string, unknown>): void {}
