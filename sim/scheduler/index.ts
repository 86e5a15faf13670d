// The default scheduler as one reconciler (pkg/scheduler/schedule_one.go): each pending pod goes
// through the filters, the feasible nodes are scored, the best is bound through pods/binding and a
// Scheduled event is recorded; an unschedulable pod gets PodScheduled=False and FailedScheduling.
// Unschedulable pods are retried when nodes change or an assigned pod goes away, and every 5 min
// (podMaxInUnschedulablePodsDuration).

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { recordV1Event } from "./events-v1";
import { rfc3339 } from "../core/duration";
import { addPod, filterNode, newNodeInfo, type FilterResult, type NodeInfo } from "./filters";
import { scoreNodes } from "./score";
import { fitErrorMessage, preemptionMessage } from "./fit-error";
import { pinnedNodeNames } from "./node-affinity";
import { informer } from "../controllers/informer";
import { statusOnlyChange } from "../controllers/util";

export const SCHEDULER_NAME = "default-scheduler";
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;

interface Attempt {
  rv: string;
  nodes: string;
  removals: number;
  adds: number;
}

interface SchedulerState {
  assigned?: string[];
  removals?: number;
  adds?: number;
  attempts?: Record<string, Attempt>;
}

export function schedulerReconciler(): Reconciler {
  return {
    name: SCHEDULER_NAME,
    watches: ["/pods", "/nodes"],
    // A bound pod's status change that leaves it terminal or not as before changes neither the
    // assigned pods (trackAssigned) nor anything pending pods are retried on.
    concerns: (c) => c.resource !== "/pods" || !(statusOnlyChange(c) && !!c.object.spec?.nodeName && isTerminal(c.object) === isTerminal(c.previous!)),
    sync: (ctx) => schedulePending(ctx),
    onTimer: (key, ctx) => {
      const st = ctx.state as SchedulerState;
      if (st.attempts) delete st.attempts[key];
      schedulePending(ctx);
    },
  };
}

function isTerminal(p: KubeObject): boolean {
  return p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
}

/** Pods this scheduler should place: unbound, alive, ours, and without scheduling gates (SchedulingGates PreEnqueue). */
function needsScheduling(p: KubeObject): boolean {
  return !p.spec?.nodeName && !p.metadata.deletionTimestamp && !isTerminal(p) && (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME
    && !(p.spec?.schedulingGates?.length);
}

function podKey(p: KubeObject): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

/** Tracks how often assigned pods appeared or went away, so unschedulable pods know when to retry. */
/** st.assigned arrays → their uids as a set (state arrays are replaced, never changed). */
const assignedSets = new WeakMap<string[], Set<string>>();

function trackAssigned(st: SchedulerState, pods: KubeObject[]): void {
  const assigned = pods.filter((p) => p.spec?.nodeName && !isTerminal(p));
  const prev = st.assigned;
  if (prev) {
    // The same pods as before (most syncs: a status changed): nothing to count. (The pods'
    // uids are distinct, so the same count, all among the previous ones, is the same set.)
    let set = assignedSets.get(prev);
    if (!set) assignedSets.set(prev, (set = new Set(prev)));
    if (assigned.length === prev.length && assigned.every((p) => set.has(p.metadata.uid!))) return;
  }
  const now = assigned.map((p) => p.metadata.uid!).sort();
  const before = new Set(st.assigned ?? []);
  const after = new Set(now);
  if ([...before].some((u) => !after.has(u))) st.removals = (st.removals ?? 0) + 1;
  if (now.some((u) => !before.has(u))) st.adds = (st.adds ?? 0) + 1;
  st.assigned = now;
}

export function schedulePending(ctx: ReconcileContext): void {
  const client = new Client(ctx, SCHEDULER_NAME);
  const st = ctx.state as SchedulerState;
  const pods = informer.pods(ctx);
  trackAssigned(st, pods);
  const pending = pods.filter(needsScheduling);
  const attempts = (st.attempts ??= {});
  for (const key of Object.keys(attempts)) if (!pending.some((p) => podKey(p) === key)) delete attempts[key];
  if (pending.length === 0) return;
  const nodes = informer.nodes(ctx);
  const infos = nodes.map(newNodeInfo);
  const byName = new Map(infos.map((i) => [i.node.metadata.name!, i]));
  for (const p of pods) if (p.spec?.nodeName && !isTerminal(p)) { const i = byName.get(p.spec.nodeName); if (i) addPod(i, p); }
  const nodesSig = nodes.map((n) => `${n.metadata.name}@${n.metadata.resourceVersion}`).join(",");
  pending.sort((a, b) => (b.spec?.priority ?? 0) - (a.spec?.priority ?? 0) || cmp(a.metadata.creationTimestamp ?? "", b.metadata.creationTimestamp ?? "") || cmp(podKey(a), podKey(b)));
  for (const pod of pending) {
    const key = podKey(pod);
    const last = attempts[key];
    const wantsAdds = !!pod.spec?.affinity?.podAffinity;
    if (last && last.rv === pod.metadata.resourceVersion && last.nodes === nodesSig && last.removals === (st.removals ?? 0) && (!wantsAdds || last.adds === (st.adds ?? 0))) continue;
    const bound = scheduleOne(ctx, client, pod, infos);
    if (bound) {
      delete attempts[key];
      addPod(bound, { ...pod, spec: { ...pod.spec, nodeName: bound.node.metadata.name } });
      st.assigned = [...(st.assigned ?? []), pod.metadata.uid!].sort();
    } else {
      const fresh = client.get("pods", pod.metadata.namespace, pod.metadata.name!);
      attempts[key] = { rv: fresh?.metadata.resourceVersion ?? "", nodes: nodesSig, removals: st.removals ?? 0, adds: st.adds ?? 0 };
      ctx.after(UNSCHEDULABLE_RETRY_MS, key);
    }
  }
}

/** One scheduling cycle; returns the node the pod was bound to, or undefined. */
function scheduleOne(ctx: ReconcileContext, client: Client, pod: KubeObject, infos: NodeInfo[]): NodeInfo | undefined {
  const pinned = pinnedNodeNames(pod);
  const results: FilterResult[] = [];
  const feasible: NodeInfo[] = [];
  for (const info of infos) {
    if (pinned && !pinned.has(info.node.metadata.name!)) {
      results.push({ reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"], unresolvable: true });
      continue;
    }
    const r = filterNode(pod, info, infos);
    if (r) results.push(r);
    else feasible.push(info);
  }
  if (feasible.length === 0) {
    const msg = infos.length === 0
      ? "no nodes available to schedule pods"
      : fitErrorMessage(infos.length, results, preemptionMessage(infos.length, results, pod.spec?.preemptionPolicy));
    markUnschedulable(ctx, client, pod, msg);
    return undefined;
  }
  const scores = scoreNodes(pod, feasible, infos);
  const best = Math.max(...scores);
  const tied = feasible.filter((_, i) => scores[i] === best);
  const chosen = tied.length === 1 ? tied[0] : tied[ctx.prng.int(tied.length)];
  bind(ctx, client, pod, chosen.node.metadata.name!);
  return chosen;
}

function bind(ctx: ReconcileContext, client: Client, pod: KubeObject, nodeName: string): void {
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  const res = ctx.request({
    method: "POST",
    path: `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}/binding`,
    body: { apiVersion: "v1", kind: "Binding", metadata: { name, namespace: ns, uid: pod.metadata.uid }, target: { apiVersion: "v1", kind: "Node", name: nodeName } },
    userAgent: SCHEDULER_NAME,
  });
  if (res.status === 404 && (res.body as { details?: unknown }).details === undefined) {
    // No binding subresource on this API server: do what its BindingREST does (nodeName + condition).
    const updated = client.update({ ...pod, spec: { ...pod.spec, nodeName } });
    client.updateStatus({ ...updated, status: { ...(updated.status ?? {}), conditions: withCondition(updated, scheduledCondition(ctx)) } });
  } else if (res.status >= 400) {
    return;
  }
  record(ctx, client, pod, "Normal", "Scheduled", "Binding", `Successfully assigned ${ns}/${name} to ${nodeName}`);
}

function scheduledCondition(ctx: ReconcileContext) {
  return { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now()) };
}

type Condition = { type: string; status: string; reason?: string; message?: string; lastProbeTime: null; lastTransitionTime: string };

function withCondition(pod: KubeObject, c: Condition): Condition[] {
  const conds: Condition[] = [...(pod.status?.conditions ?? [])];
  const i = conds.findIndex((x) => x.type === c.type);
  if (i < 0) return [...conds, c];
  const prev = conds[i];
  conds[i] = { ...c, lastTransitionTime: prev.status === c.status ? prev.lastTransitionTime : c.lastTransitionTime };
  return conds;
}

function markUnschedulable(ctx: ReconcileContext, client: Client, pod: KubeObject, message: string): void {
  const cond: Condition = { type: "PodScheduled", status: "False", reason: "Unschedulable", message, lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now()) };
  const prev = (pod.status?.conditions ?? []).find((c: Condition) => c.type === "PodScheduled");
  if (!prev || prev.status !== "False" || prev.message !== message || prev.reason !== "Unschedulable") {
    try {
      client.updateStatus({ ...pod, status: { phase: "Pending", ...(pod.status ?? {}), conditions: withCondition(pod, cond) } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
  record(ctx, client, pod, "Warning", "FailedScheduling", "Scheduling", message);
}

/** The scheduler's host: kube-scheduler runs with hostNetwork, so it is its node's name. */
function schedulerHost(client: Client): string {
  const own = client.list("pods", "kube-system", { labelSelector: "component=kube-scheduler" })[0];
  return own?.spec?.nodeName ?? "controlplane";
}

function record(ctx: ReconcileContext, client: Client, pod: KubeObject, type: "Normal" | "Warning", reason: string, action: string, note: string): void {
  recordV1Event(client, ctx.prng, ctx.now(), pod, { type, reason, action, note, reportingController: SCHEDULER_NAME, host: schedulerHost(client) });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
