// ReplicaSet and ReplicationController (pkg/controller/replicaset/replica_set.go; the RC manager
// is the same code with a map selector). Each sync claims pods (adopt orphans that match the
// selector, release owned pods that no longer match), creates or deletes the difference and
// writes status.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { rfc3339 } from "../core/duration";
import { LIMITS } from "../core/limits";
import { changedKeys, clientFor, controllerRef, emit, objectKey, ownerKeys, podOwnersConcern, int, isPodActive, isPodAvailable, isPodReady, msUntilAvailable, ownerRefTo, selectorMatches, tolerate, type LabelSelector } from "./util";
import { jsonEqual } from "../apiserver/store";
import { informer } from "./informer";
import { rankForDeletion } from "./pod-ranking";

interface Flavor {
  name: string; // reconciler and event source
  kind: string;
  resource: string;
  watch: string;
  selector(o: KubeObject): LabelSelector | undefined;
}

const RS: Flavor = {
  name: "replicaset-controller",
  kind: "ReplicaSet",
  resource: "replicasets",
  watch: "apps/replicasets",
  selector: (o) => o.spec?.selector,
};

const RC: Flavor = {
  name: "replication-controller",
  kind: "ReplicationController",
  resource: "replicationcontrollers",
  watch: "/replicationcontrollers",
  selector: (o) => (o.spec?.selector ? { matchLabels: o.spec.selector } : undefined),
};

export function replicaSetReconciler(): Reconciler {
  return reconciler(RS);
}

export function replicationControllerReconciler(): Reconciler {
  return reconciler(RC);
}

function reconciler(f: Flavor): Reconciler {
  return {
    name: f.name,
    watches: [f.watch, "/pods"],
    // The pods syncAll's changedKeys maps to an owner of this flavor.
    concerns: podOwnersConcern(f.kind, (ctx) => ownersOf(f, ctx), (owner, pod) => selects(f, owner, pod)),
    sync: (ctx) => syncAll(f, ctx, true),
    onTimer: (_key, ctx) => syncAll(f, ctx, false),
  };
}

function ownersOf(f: Flavor, ctx: ReconcileContext): KubeObject[] {
  return f === RS ? informer.replicaSets(ctx) : informer.replicationControllers(ctx);
}

function selects(f: Flavor, owner: KubeObject, pod: KubeObject): boolean {
  return selectorMatches(f.selector(owner), pod.metadata.labels);
}

/** Syncs the owners whose object or pods changed (`changed`), or every owner. */
function syncAll(f: Flavor, ctx: ReconcileContext, changed: boolean): void {
  const client = clientFor(ctx, f.name);
  const all = ownersOf(f, ctx);
  if (all.length === 0) return;
  const keys = changed ? changedKeys(ctx, f.watch, (o) => ownerKeys(o, f.kind, all, (owner, pod) => selects(f, owner, pod))) : undefined;
  const owners = keys ? all.filter((o) => keys.has(objectKey(o))) : all;
  if (owners.length === 0) return;
  const podsByNs = new Map<string, KubeObject[]>();
  for (const p of informer.pods(ctx)) {
    const ns = p.metadata.namespace!;
    if (!podsByNs.has(ns)) podsByNs.set(ns, []);
    podsByNs.get(ns)!.push(p);
  }
  for (const owner of owners) syncOne(f, ctx, client, owner, podsByNs.get(owner.metadata.namespace!) ?? []);
}

/** ControllerRefManager.ClaimPods: the pods this owner controls after adoption and release. */
function claimPods(f: Flavor, client: Client, owner: KubeObject, pods: KubeObject[]): KubeObject[] {
  const sel = f.selector(owner);
  const out: KubeObject[] = [];
  for (const p of pods) {
    const ref = controllerRef(p);
    const matches = selectorMatches(sel, p.metadata.labels);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches || owner.metadata.deletionTimestamp) { out.push(p); continue; }
      if (p.metadata.deletionTimestamp) continue;
      // Release: the pod's labels no longer match.
      const refs = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      const metadata = { ...p.metadata, ownerReferences: refs };
      if (!refs.length) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
      tolerate(() => client.update({ ...p, metadata }));
      continue;
    }
    if (!matches || p.metadata.deletionTimestamp || owner.metadata.deletionTimestamp) continue;
    const adopted = tolerate(() => client.update({ ...p, metadata: { ...p.metadata, ownerReferences: [...(p.metadata.ownerReferences ?? []), ownerRefTo(owner)] } }));
    if (adopted) out.push(adopted);
  }
  return out;
}

function syncOne(f: Flavor, ctx: ReconcileContext, client: Client, owner: KubeObject, nsPods: KubeObject[]): void {
  const claimed = claimPods(f, client, owner, nsPods);
  let active = claimed.filter(isPodActive);
  let failure: string | undefined;
  if (!owner.metadata.deletionTimestamp) {
    const want = Math.min(int(owner.spec?.replicas, 1), LIMITS.replicasPerWorkload);
    const diff = active.length - want;
    if (diff < 0) {
      const r = createPods(f, ctx, client, owner, -diff);
      active = [...active, ...r.created];
      failure = r.error;
    } else if (diff > 0) {
      const victims = podsToDelete(active, diff, ctx.now());
      for (const v of victims) {
        if (tolerate(() => client.delete("pods", v.metadata.namespace, v.metadata.name!)) !== undefined) {
          emit(ctx, f.name, owner, "Normal", "SuccessfulDelete", `Deleted pod: ${v.metadata.name}`);
        }
      }
      const gone = new Set(victims.map((v) => v.metadata.uid));
      active = active.filter((p) => !gone.has(p.metadata.uid));
    }
  }
  writeStatus(ctx, client, owner, active, failure);
}

function podsToDelete(active: KubeObject[], n: number, nowMs: number): KubeObject[] {
  const perNode = new Map<string, number>();
  for (const p of active) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  return rankForDeletion(active, (p) => (p.spec?.nodeName ? perNode.get(p.spec.nodeName) ?? 0 : 0), nowMs).slice(0, n);
}

/** controller.GetPodFromTemplate plus the create loop; stops at the first error (slowStartBatch). */
function createPods(f: Flavor, ctx: ReconcileContext, client: Client, owner: KubeObject, n: number): { created: KubeObject[]; error?: string } {
  const t = owner.spec?.template ?? {};
  const created: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        generateName: `${owner.metadata.name}-`,
        namespace: owner.metadata.namespace,
        ...(t.metadata?.labels ? { labels: { ...t.metadata.labels } } : {}),
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ...(t.metadata?.finalizers ? { finalizers: [...t.metadata.finalizers] } : {}),
        ownerReferences: [ownerRefTo(owner)],
      },
      spec: structuredClone(t.spec ?? {}),
    };
    try {
      const p = client.create(pod);
      created.push(p);
      emit(ctx, f.name, owner, "Normal", "SuccessfulCreate", `Created pod: ${p.metadata.name}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      emit(ctx, f.name, owner, "Warning", "FailedCreate", `Error creating: ${e.message}`);
      return { created, error: e.message };
    }
  }
  return { created };
}

function writeStatus(ctx: ReconcileContext, client: Client, owner: KubeObject, active: KubeObject[], failure: string | undefined): void {
  const minReady = int(owner.spec?.minReadySeconds, 0);
  const now = ctx.now();
  const templateLabels: Record<string, string> = owner.spec?.template?.metadata?.labels ?? {};
  const fullyLabeled = active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length;
  const ready = active.filter(isPodReady).length;
  const available = active.filter((p) => isPodAvailable(p, minReady, now)).length;
  for (const p of active) {
    const wait = msUntilAvailable(p, minReady, now);
    if (wait !== undefined) ctx.after(wait, `${owner.metadata.namespace}/${owner.metadata.name}`);
  }
  const prev = owner.status ?? {};
  let conditions = (prev.conditions ?? []).filter((c: { type: string }) => c.type !== "ReplicaFailure");
  if (failure) {
    const old = (prev.conditions ?? []).find((c: { type: string }) => c.type === "ReplicaFailure");
    conditions = [...conditions, { lastTransitionTime: old?.lastTransitionTime ?? rfc3339(now), message: failure, reason: "FailedCreate", status: "True", type: "ReplicaFailure" }];
  }
  const status: Record<string, unknown> = {
    ...(available ? { availableReplicas: available } : {}),
    ...(conditions.length ? { conditions } : {}),
    ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
    observedGeneration: owner.metadata.generation ?? 1,
    ...(ready ? { readyReplicas: ready } : {}),
    replicas: active.length,
  };
  if (jsonEqual(status, prev)) return;
  tolerate(() => client.updateStatus({ ...owner, status }));
}
