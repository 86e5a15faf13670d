// Kubelets (one per node) as one reconciler, plus the pod subresources they serve (log, exec).
import type { ApiServer } from "../apiserver/server";
import { attachKubeletState } from "./lookup";
import { handlePodLog } from "./logs";

export { kubeletReconciler } from "./kubelet";
export { KUBELET, kubeletHealth, kubeletRunning, setKubeletRunning, type KubeletHealth } from "./state";
export { applyContainerWrites, containerContext, type ContainerContext, type ContainerLookup } from "./context";
export { clusterDns, clusterHttp, type NetOrigin } from "./network";

/** Registers pods/log on the API server, served from kubelet state; pods/exec's context comes from containerContext. */
export function registerKubeletSubresources(api: ApiServer, states: () => Record<string, unknown>): void {
  attachKubeletState(api, states);
  api.registerSubresource("pods", "log", handlePodLog);
}
