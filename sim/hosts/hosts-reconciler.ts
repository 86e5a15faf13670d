// The machines' own clockwork, as one reconciler named "hosts" (its state bag is the hosts state):
// systemd restarting a failing kubelet every RestartSec (so a fixed config brings it back without
// `systemctl restart`), and `minikube tunnel` giving new LoadBalancer Services their IP.

import type { Cluster, Reconciler } from "../cluster";
import { assignTunnelIPs } from "./minikube";
import { hostFs } from "./session";
import { nodeHost } from "./state";
import { RESTART_SEC_MS, retryKubelet } from "./services";

export const HOSTS_RECONCILER = "hosts";

export function hostsReconciler(cluster: () => Cluster | undefined): Reconciler {
  return {
    name: HOSTS_RECONCILER,
    watches: ["/services"],
    sync: () => {
      const c = cluster();
      if (c) assignTunnelIPs(c);
    },
    onTimer: (key) => {
      const c = cluster();
      const m = /^kubelet-retry\/(.+)$/.exec(key);
      if (!c || !m) return;
      const h = nodeHost(c, m[1]);
      const run = h.kubeletRuns[h.kubeletRuns.length - 1];
      if (!run || run.end !== undefined || !run.error || !h.units.kubelet.active) return;
      if (!retryKubelet(c, m[1], hostFs(c, m[1]))) c.clock.after(RESTART_SEC_MS + 60, HOSTS_RECONCILER, key);
    },
  };
}
