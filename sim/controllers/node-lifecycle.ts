// The node lifecycle controller (pkg/controller/nodelifecycle) and the taint eviction controller
// (pkg/controller/tainteviction), as far as a sandbox needs them:
// - TaintNodesByCondition: a cordoned node carries node.kubernetes.io/unschedulable:NoSchedule,
//   a Ready=False node not-ready, a Ready=Unknown node unreachable (NoSchedule and NoExecute).
// - Node health: when a node's kubelet stops, its conditions turn Unknown ("Kubelet stopped posting
//   node status.") after the 50 s node-monitor-grace-period of v1.32 and its pods become not ready;
//   when the kubelet runs again the conditions return as the kubelet posts them.
// - Taint eviction: pods that do not tolerate a NoExecute taint are deleted at once, those that
//   tolerate it for tolerationSeconds when that time is up.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { rfc3339 } from "../core/duration";
import { clientFor, emit, tolerate } from "./util";
import { informer } from "./informer";
import { catchUpNodeBeats, heartbeatAt, lastHeartbeat, leaseRenewed, NODE_LEASE_NAMESPACE, NODE_STATUS_REPORT_MS, ranSince, renewNodeLease, touchesNodeBeats, type KubeletHealth } from "./node-lease";
import { recordSafely as recordEvent } from "../scheduler/record";
import { tolerates, type Taint, type Toleration } from "../scheduler/taints";
import { isWatchRequest } from "../apiserver/watch";

export const NODE_CONTROLLER = "node-controller";
export const TAINT_EVICTION = "taint-eviction-controller";
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_MS = 50_000;
export { NODE_STATUS_REPORT_MS };

export interface NodeHealthProbe {
  /** The state bag the kubelet keeps its health in (Cluster.stateChanged of it wakes this controller). */
  stateName?: string;
  /** Whether the kubelet of `node` runs, and when it last stopped (the kubelet keeps this). */
  kubelet?(node: string): KubeletHealth;
}

interface LifecycleState {
  /** node → when its kubelet was first seen stopped */
  stoppedSince?: Record<string, number>;
  /** The monitor's first tick was 5 s after this; it keeps that phase whenever it runs. */
  monitorOrigin?: number;
  /** The monitor's next tick, while it runs (it rests while every kubelet is healthy). */
  monitorAt?: number;
}

const LEASES = "coordination.k8s.io/leases";

export function nodeLifecycleReconciler(probe: NodeHealthProbe = {}): Reconciler {
  const health = probe.kubelet;
  return {
    name: NODE_CONTROLLER,
    watches: ["/nodes", "/pods", LEASES],
    readsState: probe.stateName ? [probe.stateName] : undefined,
    // A pod change only matters to evictPods, which has nothing to do without NoExecute taints.
    concerns: (c, ctx) => c.resource !== "/pods" || informer.nodes(ctx).some((n) => ((n.spec?.taints ?? []) as Taint[]).some((t) => t.effect === "NoExecute")),
    sync: (ctx) => {
      const changes = ctx.changes();
      if (health) wakeMonitor(ctx, health, changes === undefined || changes.some((c) => c.resource !== "/pods"));
      if (!changes || changes.some((c) => c.resource === "/nodes")) syncTaints(ctx);
      evictPods(ctx);
    },
    onTimer: (key, ctx) => {
      if (key === "monitor") {
        // Polled every nodeMonitorPeriod while a kubelet is down or just back; changes it makes
        // trigger the taint and eviction syncs.
        const st = ctx.state as LifecycleState;
        st.monitorAt = undefined;
        if (health) {
          monitorNodeHealth(ctx, health);
          wakeMonitor(ctx, health, true);
        }
        return;
      }
      evictPods(ctx);
    },
    catchUp: health
      ? (req, ctx) => {
          if (touchesNodeBeats(req.path)) catchUpNodeBeats(ctx, health, req.method === "GET" && isWatchRequest(req.query));
        }
      : undefined,
  };
}

/** Schedules the monitor's next tick (on its 5 s grid) unless it is due already or nothing needs it. */
function wakeMonitor(ctx: ReconcileContext, health: (node: string) => KubeletHealth, check: boolean): void {
  const st = ctx.state as LifecycleState;
  const now = ctx.now();
  st.monitorOrigin ??= now;
  if (st.monitorAt !== undefined || !check || allHealthy(ctx, health)) return;
  st.monitorAt = st.monitorOrigin + (Math.floor((now - st.monitorOrigin) / NODE_MONITOR_PERIOD_MS) + 1) * NODE_MONITOR_PERIOD_MS;
  ctx.after(st.monitorAt - now, "monitor");
}

/**
 * Nothing for the monitor to do: every kubelet has run since its lease and heartbeat were last
 * written (so both are derived from the clock: node-lease.ts), and every node is Ready or NotReady.
 */
function allHealthy(ctx: ReconcileContext, health: (node: string) => KubeletHealth): boolean {
  const stopped = (ctx.state as LifecycleState).stoppedSince ?? {};
  for (const node of informer.nodes(ctx)) {
    const name = node.metadata.name!;
    const h = health(name);
    const lease = ctx.api.store.peek(LEASES, NODE_LEASE_NAMESPACE, name);
    if (!lease || name in stopped || readyCondition(node)?.status === "Unknown") return false;
    // A lease without a renew time (edited by hand) is renewed at the next tick.
    if (!Number.isFinite(leaseRenewed(lease)) || !ranSince(leaseRenewed(lease), h) || !ranSince(lastHeartbeat(node), h)) return false;
  }
  return true;
}

function wantedTaints(node: KubeObject): Taint[] {
  const out: Taint[] = [];
  if (node.spec?.unschedulable) out.push({ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" });
  const ready = readyCondition(node);
  if (ready?.status === "False") out.push({ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }, { key: "node.kubernetes.io/not-ready", effect: "NoExecute" });
  if (ready?.status === "Unknown") out.push({ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }, { key: "node.kubernetes.io/unreachable", effect: "NoExecute" });
  return out;
}

function readyCondition(node: KubeObject): { status: string; reason?: string } | undefined {
  return (node.status?.conditions ?? []).find((c: { type: string }) => c.type === "Ready");
}

const MANAGED = new Set(["node.kubernetes.io/unschedulable", "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]);

function syncTaints(ctx: ReconcileContext): void {
  const client = clientFor(ctx, NODE_CONTROLLER);
  for (const node of informer.nodes(ctx)) {
    const current: Taint[] = node.spec?.taints ?? [];
    const wanted = wantedTaints(node);
    const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
    const kept = current.filter((t) => !MANAGED.has(t.key) || wanted.some((w) => same(w, t)));
    const added = wanted.filter((w) => !current.some((t) => same(w, t))).map((w) => (w.effect === "NoExecute" ? { ...w, timeAdded: rfc3339(ctx.now()) } : w));
    if (kept.length === current.length && added.length === 0) continue;
    const taints = [...kept, ...added];
    const spec = { ...node.spec, taints };
    if (!taints.length) delete spec.taints;
    tolerate(() => client.update({ ...node, spec }));
  }
}

const KUBELET_CONDITIONS: [string, string, string, string][] = [
  ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
];

function monitorNodeHealth(ctx: ReconcileContext, health: (node: string) => KubeletHealth): void {
  const st = ctx.state as LifecycleState;
  const stopped = (st.stoppedSince ??= {});
  const now = ctx.now();
  // The renewals and heartbeats of the kubelets that ran since they were last written.
  catchUpNodeBeats(ctx, health, false);
  const client = clientFor(ctx, NODE_CONTROLLER);
  for (const node of informer.nodes(ctx)) {
    const name = node.metadata.name!;
    const ready = readyCondition(node);
    if (health(name).running) {
      delete stopped[name];
      const lease = ctx.api.store.peek(LEASES, NODE_LEASE_NAMESPACE, name);
      tolerate(() => renewNodeLease(clientFor(ctx, "kubelet"), node, lease, now));
      if (ready?.status === "Unknown") markNodeReady(ctx, node);
      else if (now - lastHeartbeat(node) >= NODE_STATUS_REPORT_MS) heartbeatAt(clientFor(ctx, "kubelet"), ctx, name, now);
      continue;
    }
    stopped[name] ??= now;
    if (ready?.status === "Unknown" || now - stopped[name] < NODE_MONITOR_GRACE_MS) continue;
    // tryUpdateNodeHealth: every condition the kubelet owns turns Unknown.
    const t = rfc3339(now);
    const conditions = (node.status?.conditions ?? []).map((c: Record<string, unknown>) => ({ ...c, status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: t }));
    tolerate(() => client.updateStatus({ ...node, status: { ...node.status, conditions } }));
    emit(ctx, NODE_CONTROLLER, node, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`);
    markPodsNotReady(ctx, name);
  }
}

function markNodeReady(ctx: ReconcileContext, node: KubeObject): void {
  const t = rfc3339(ctx.now());
  const conditions = KUBELET_CONDITIONS.map(([type, status, reason, message]) => ({ lastHeartbeatTime: t, lastTransitionTime: t, message, reason, status, type }));
  const client = clientFor(ctx, "kubelet");
  tolerate(() => client.updateStatus({ ...node, status: { ...node.status, conditions } }));
  const byName = { ...node, metadata: { ...node.metadata, uid: node.metadata.name } };
  recordEvent(client, ctx.prng, ctx.now(), byName, "Normal", "NodeReady", `Node ${node.metadata.name} status is now: NodeReady`, { component: "kubelet", host: node.metadata.name });
}

/** nodeutil.MarkPodsNotReady: the Ready condition of every pod on the node turns False. */
function markPodsNotReady(ctx: ReconcileContext, nodeName: string): void {
  const client = clientFor(ctx, NODE_CONTROLLER);
  const t = rfc3339(ctx.now());
  for (const p of informer.pods(ctx)) {
    if (p.spec?.nodeName !== nodeName) continue;
    const conds: { type: string; status: string; lastTransitionTime?: string }[] = p.status?.conditions ?? [];
    if (!conds.some((c) => c.type === "Ready" && c.status !== "False")) continue;
    const conditions = conds.map((c) => (c.type === "Ready" ? { ...c, status: "False", lastTransitionTime: t } : c));
    tolerate(() => client.updateStatus({ ...p, status: { ...p.status, conditions } }));
    emit(ctx, NODE_CONTROLLER, p, "Warning", "NodeNotReady", "Node is not ready");
  }
}

/** The taint eviction controller: NoExecute taints delete pods that do not tolerate them (long enough). */
function evictPods(ctx: ReconcileContext): void {
  const tainted = new Map<string, Taint[]>();
  for (const n of informer.nodes(ctx)) {
    const t = ((n.spec?.taints ?? []) as Taint[]).filter((x) => x.effect === "NoExecute");
    if (t.length) tainted.set(n.metadata.name!, t);
  }
  if (tainted.size === 0) return;
  const now = ctx.now();
  const client = clientFor(ctx, TAINT_EVICTION);
  for (const p of informer.pods(ctx)) {
    const taints = p.spec?.nodeName ? tainted.get(p.spec.nodeName) : undefined;
    if (!taints || p.metadata.deletionTimestamp) continue;
    const due = evictionTime(taints, p.spec?.tolerations ?? []);
    if (due === undefined) continue;
    if (due > now) {
      ctx.after(due - now, `evict/${p.metadata.namespace}/${p.metadata.name}`);
      continue;
    }
    emit(ctx, TAINT_EVICTION, p, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${p.metadata.namespace}/${p.metadata.name}`);
    tolerate(() => client.delete("pods", p.metadata.namespace, p.metadata.name!));
  }
}

/**
 * When the pod must go (processPodOnNode): now if a taint is not tolerated; else the taints'
 * timeAdded plus the shortest tolerationSeconds among the first matching toleration of each
 * taint (getMinTolerationTime); never if none of those sets tolerationSeconds.
 */
function evictionTime(taints: Taint[], tolerations: Toleration[]): number | undefined {
  const used: Toleration[] = [];
  let since = 0;
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return 0;
    used.push(t);
    since = Math.max(since, taint.timeAdded ? Date.parse(taint.timeAdded) : 0);
  }
  const secs = used.map((t) => t.tolerationSeconds).filter((x): x is number => typeof x === "number");
  if (secs.length === 0) return undefined;
  const min = Math.min(...secs);
  return min <= 0 ? 0 : since + min * 1000;
}
