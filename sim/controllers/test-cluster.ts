// A cluster for the controller and scheduler tests: the real API server, controllers, scheduler
// and topology, with a stand-in kubelet that starts every bound pod at once (Running, then Ready
// after `readyAfterMs`) and removes terminating pods, so controller timing does not depend on the
// real kubelet's image pulls.

import { Cluster, type Reconciler, type ReconcileContext } from "../cluster";
import { STRATEGIES } from "../api/strategies";
import { Client } from "../apiserver/client";
import type { KubeObject } from "../api/types";
import { rfc3339 } from "../core/duration";
import { controllerReconcilers } from "./index";
import { schedulerReconciler } from "../scheduler/index";
import { bootstrapTopology, type TopologyName } from "./topology";

export const T0 = Date.parse("2026-01-15T10:00:00Z");

export interface TestCluster {
  cluster: Cluster;
  client: Client;
  /** Advances virtual time by `ms`. */
  wait(ms: number): void;
  /** Pods in a namespace, optionally only those whose name starts with `prefix`. */
  pods(ns?: string, prefix?: string): KubeObject[];
  events(ns?: string): KubeObject[];
}

export function testCluster(opts: { seed?: number; topology?: TopologyName; readyAfterMs?: number; kubelet?: boolean } = {}): TestCluster {
  const reconcilers = [...controllerReconcilers(), schedulerReconciler(), ...(opts.kubelet === false ? [] : [fakeKubelet(opts.readyAfterMs ?? 0)])];
  const cluster = new Cluster({ reconcilers, strategies: STRATEGIES, seed: opts.seed ?? 1, now: T0 - 600_000 });
  bootstrapTopology(cluster, opts.topology ?? "default");
  cluster.settle();
  cluster.advanceTo(T0);
  const client = new Client(cluster, "kubectl");
  return {
    cluster,
    client,
    wait: (ms) => cluster.advanceTo(cluster.now() + ms),
    pods: (ns = "default", prefix = "") => client.list("pods", ns).filter((p) => p.metadata.name!.startsWith(prefix)),
    events: (ns = "default") => client.list("events", ns),
  };
}

function fakeKubelet(readyAfterMs: number): Reconciler {
  const run = (ctx: ReconcileContext) => {
    const client = new Client(ctx, "kubelet");
    for (const p of client.list("pods")) {
      if (!p.spec?.nodeName) continue;
      if (p.metadata.deletionTimestamp) {
        client.delete("pods", p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: 0 });
        continue;
      }
      const key = `${p.metadata.namespace}/${p.metadata.name}`;
      const started = p.status?.phase === "Running";
      const readyAt = (ctx.state[key] as number | undefined) ?? ctx.now() + readyAfterMs;
      ctx.state[key] = readyAt;
      const ready = ctx.now() >= readyAt;
      const isReady = (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True");
      if (started && isReady === ready) continue;
      if (!ready) ctx.after(readyAt - ctx.now(), key);
      const t = rfc3339(ctx.now());
      const cond = (type: string, status: boolean) => ({ type, status: status ? "True" : "False", lastProbeTime: null, lastTransitionTime: t });
      client.updateStatus({
        ...p,
        status: {
          phase: "Running",
          conditions: [cond("PodReadyToStartContainers", true), cond("Initialized", true), cond("Ready", ready), cond("ContainersReady", ready), cond("PodScheduled", true)],
          hostIP: "192.168.1.3",
          podIP: `10.244.1.${(Object.keys(ctx.state).length % 250) + 2}`,
          startTime: p.status?.startTime ?? t,
          containerStatuses: (p.spec.containers ?? []).map((c: { name: string; image: string }) => ({ name: c.name, image: c.image, ready, restartCount: 0, started: true, state: { running: { startedAt: t } } })),
        },
      });
    }
  };
  return { name: "kubelet", watches: ["/pods"], sync: run, onTimer: (_k, ctx) => run(ctx) };
}
