// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go, update.go, util):
// one pod per eligible node, pinned through required node affinity on metadata.name, with the
// automatic tolerations; rolling update by maxUnavailable; status counts.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { changedKeys, clientFor, computeHash, controllerRef, emit, int, isPodAvailable, objectKey, ownerKeys, podOwnersConcern, isPodReady, msUntilAvailable, ownerRefTo, selectorMatches, tolerate } from "./util";
import { jsonEqual } from "../apiserver/store";
import { informer } from "./informer";
import { requiredNodeAffinityMatches } from "../scheduler/node-affinity";
import { untoleratedTaint, type Toleration } from "../scheduler/taints";
import { scaledValue } from "./deployment-util";

export const DAEMONSET_CONTROLLER = "daemonset-controller";

export function daemonSetReconciler(): Reconciler {
  return {
    name: DAEMONSET_CONTROLLER,
    watches: ["apps/daemonsets", "/pods", "/nodes"],
    // The pods syncAll's changedKeys maps to a DaemonSet.
    concerns: podOwnersConcern("DaemonSet", informer.daemonSets, selects),
    sync: (ctx) => syncAll(ctx, true),
    onTimer: (_k, ctx) => syncAll(ctx, false),
  };
}

/** util.AddOrUpdateDaemonPodTolerations, in upstream order. */
function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (hostNetwork) t.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  return t;
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? "") === (b.key ?? "") && (a.operator ?? "Equal") === (b.operator ?? "Equal") && (a.value ?? "") === (b.value ?? "") && (a.effect ?? "") === (b.effect ?? "");
}

/** The pod the DaemonSet would run on `nodeName` (NewPod + CreatePodTemplate). */
function daemonPod(ds: KubeObject, nodeName: string, hash: string): KubeObject {
  const t = structuredClone(ds.spec?.template ?? {});
  const spec = t.spec ?? {};
  const tolerations: Toleration[] = [...(spec.tolerations ?? [])];
  for (const x of daemonTolerations(!!spec.hostNetwork)) if (!tolerations.some((y) => sameToleration(x, y))) tolerations.push(x);
  spec.tolerations = tolerations;
  const term = { matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] };
  spec.affinity = spec.affinity ?? {};
  spec.affinity.nodeAffinity = spec.affinity.nodeAffinity ?? {};
  spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}), "controller-revision-hash": hash, "pod-template-generation": String(ds.metadata.generation ?? 1) },
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      ownerReferences: [ownerRefTo(ds)],
    },
    spec,
  };
}

/** The node a daemon pod is for: its nodeName, or the matchFields pin before it is scheduled. */
function podNode(p: KubeObject): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName;
  const terms = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === "metadata.name" && f.operator === "In" && f.values?.length === 1) return f.values[0];
  return undefined;
}

/** NodeShouldRunDaemonPod on the template (NewPod): (shouldRun, shouldContinueRunning). */
function shouldRun(ds: KubeObject, node: KubeObject): { run: boolean; keep: boolean } {
  const spec = ds.spec?.template?.spec ?? {};
  const tolerations = [...(spec.tolerations ?? []), ...daemonTolerations(!!spec.hostNetwork)];
  const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: {}, spec: { ...spec, tolerations } };
  if (!requiredNodeAffinityMatches(pod, node)) return { run: false, keep: false };
  const taints = node.spec?.taints ?? [];
  const noExecute = untoleratedTaint(taints, tolerations, ["NoExecute"]);
  const noSchedule = untoleratedTaint(taints, tolerations, ["NoSchedule"]);
  return { run: !noExecute && !noSchedule, keep: !noExecute };
}

/** Syncs the daemon sets whose object or pods changed (`changed`; all of them when a node did), or all. */
function selects(ds: KubeObject, pod: KubeObject): boolean {
  return selectorMatches(ds.spec?.selector, pod.metadata.labels);
}

function syncAll(ctx: ReconcileContext, changed: boolean): void {
  const client = clientFor(ctx, DAEMONSET_CONTROLLER);
  const all = informer.daemonSets(ctx);
  if (all.length === 0) return;
  const keys = changed ? changedKeys(ctx, "apps/daemonsets", (o) => ownerKeys(o, "DaemonSet", all, selects), ["/nodes"]) : undefined;
  const sets = keys ? all.filter((ds) => keys.has(objectKey(ds))) : all;
  if (sets.length === 0) return;
  const nodes = informer.nodes(ctx);
  const pods = informer.pods(ctx);
  for (const ds of sets) syncDaemonSet(ctx, client, ds, nodes, pods.filter((p) => p.metadata.namespace === ds.metadata.namespace));
}

function claim(client: Client, ds: KubeObject, pods: KubeObject[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const p of pods) {
    const ref = controllerRef(p);
    if (ref) { if (ref.uid === ds.metadata.uid) out.push(p); continue; }
    if (ds.metadata.deletionTimestamp || p.metadata.deletionTimestamp || !selectorMatches(ds.spec?.selector, p.metadata.labels)) continue;
    const adopted = tolerate(() => client.update({ ...p, metadata: { ...p.metadata, ownerReferences: [...(p.metadata.ownerReferences ?? []), ownerRefTo(ds)] } }));
    if (adopted) out.push(adopted);
  }
  return out;
}

function syncDaemonSet(ctx: ReconcileContext, client: Client, ds: KubeObject, nodes: KubeObject[], nsPods: KubeObject[]): void {
  const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
  const owned = claim(client, ds, nsPods);
  const byNode = new Map<string, KubeObject[]>();
  for (const p of owned) {
    if (p.metadata.deletionTimestamp) continue;
    const n = podNode(p);
    if (!n) continue;
    if (!byNode.has(n)) byNode.set(n, []);
    byNode.get(n)!.push(p);
  }
  const plan: { node: KubeObject; run: boolean; keep: boolean; pods: KubeObject[] }[] = nodes.map((node) => ({
    node,
    ...shouldRun(ds, node),
    pods: byNode.get(node.metadata.name!) ?? [],
  }));
  if (!ds.metadata.deletionTimestamp) {
    manage(ctx, client, ds, hash, plan);
    if ((ds.spec?.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate") rollingUpdate(ctx, client, ds, hash, plan);
  }
  writeStatus(ctx, client, ds, hash, plan);
}

function manage(ctx: ReconcileContext, client: Client, ds: KubeObject, hash: string, plan: { node: KubeObject; run: boolean; keep: boolean; pods: KubeObject[] }[]): void {
  for (const entry of plan) {
    const nodeName = entry.node.metadata.name!;
    if (entry.run && entry.pods.length === 0) {
      try {
        const p = client.create(daemonPod(ds, nodeName, hash));
        entry.pods = [p];
        emit(ctx, DAEMONSET_CONTROLLER, ds, "Normal", "SuccessfulCreate", `Created pod: ${p.metadata.name}`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        emit(ctx, DAEMONSET_CONTROLLER, ds, "Warning", "FailedCreate", `Error creating: ${e.message}`);
      }
      continue;
    }
    const remove: KubeObject[] = [];
    if (entry.keep) {
      for (const p of entry.pods) {
        if (p.status?.phase === "Failed") {
          emit(ctx, DAEMONSET_CONTROLLER, ds, "Warning", "FailedDaemonPod", `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName}, will try to kill it`);
          remove.push(p);
        }
      }
      const alive = entry.pods.filter((p) => !remove.includes(p)).sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1));
      remove.push(...alive.slice(1));
    } else {
      remove.push(...entry.pods);
    }
    for (const p of remove) {
      if (tolerate(() => client.delete("pods", p.metadata.namespace, p.metadata.name!)) !== undefined) {
        emit(ctx, DAEMONSET_CONTROLLER, ds, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
      }
    }
    if (remove.length) entry.pods = entry.pods.filter((p) => !remove.includes(p));
  }
}

/** rollingUpdate with maxUnavailable (maxSurge 0): replace old-hash pods a budget at a time. */
function rollingUpdate(ctx: ReconcileContext, client: Client, ds: KubeObject, hash: string, plan: { node: KubeObject; run: boolean; pods: KubeObject[] }[]): void {
  const desired = plan.filter((e) => e.run).length;
  const budget = Math.max(1, scaledValue(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true));
  const minReady = int(ds.spec?.minReadySeconds, 0);
  const now = ctx.now();
  let unavailable = plan.filter((e) => e.run && !e.pods.some((p) => isPodAvailable(p, minReady, now))).length;
  for (const e of plan) {
    if (!e.run) continue;
    const old = e.pods.find((p) => p.metadata.labels?.["controller-revision-hash"] !== hash);
    if (!old) continue;
    const oldAvailable = isPodAvailable(old, minReady, now);
    if (oldAvailable) {
      if (unavailable >= budget) continue;
      unavailable++;
    }
    if (tolerate(() => client.delete("pods", old.metadata.namespace, old.metadata.name!)) !== undefined) {
      emit(ctx, DAEMONSET_CONTROLLER, ds, "Normal", "SuccessfulDelete", `Deleted pod: ${old.metadata.name}`);
    }
  }
}

function writeStatus(ctx: ReconcileContext, client: Client, ds: KubeObject, hash: string, plan: { run: boolean; pods: KubeObject[] }[]): void {
  const minReady = int(ds.spec?.minReadySeconds, 0);
  const now = ctx.now();
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  for (const e of plan) {
    const live = e.pods.filter((p) => !p.metadata.deletionTimestamp);
    if (e.run) {
      desired++;
      if (live.length) {
        current++;
        const p = live[0];
        if (isPodReady(p)) ready++;
        if (isPodAvailable(p, minReady, now)) available++;
        else {
          const wait = msUntilAvailable(p, minReady, now);
          if (wait !== undefined) ctx.after(wait, `${ds.metadata.namespace}/${ds.metadata.name}`);
        }
        if (p.metadata.labels?.["controller-revision-hash"] === hash) updated++;
      }
    } else if (live.length) misscheduled++;
  }
  const status: Record<string, unknown> = {
    currentNumberScheduled: current,
    desiredNumberScheduled: desired,
    ...(available ? { numberAvailable: available } : {}),
    numberMisscheduled: misscheduled,
    numberReady: ready,
    ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
    observedGeneration: ds.metadata.generation ?? 1,
    ...(updated ? { updatedNumberScheduled: updated } : {}),
    ...(ds.status?.collisionCount !== undefined ? { collisionCount: ds.status.collisionCount } : {}),
  };
  const prev = ds.status ?? {};
  const same = jsonEqual(status, prev);
  if (!same) tolerate(() => client.updateStatus({ ...ds, status }));
}
