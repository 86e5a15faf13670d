// The garbage collector (pkg/controller/garbagecollector): dependents whose owners are all gone
// are deleted in the background; owners being deleted in the foreground (foregroundDeletion
// finalizer) wait until their blocking dependents are gone; orphaning owners (orphan finalizer)
// drop their ownerReferences from dependents. A full scan runs only when something was deleted
// or got a deletionTimestamp since the last run (the watch log tells), so ordinary syncs are cheap.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject, OwnerReference } from "../api/types";
import type { Client } from "../apiserver/client";
import { KINDS, kindByKind } from "../api/kinds";
import { cachedList, clientFor, tolerate } from "./util";

export const GC = "generic-garbage-collector";
/** Stored kinds the collector can list and delete (not events, not create-only reviews). */
const COLLECTED = KINDS.filter((k) => k.resource !== "events" && k.verbs.includes("list") && k.verbs.includes("delete"));
const GROUP_RESOURCES = COLLECTED.map((k) => `${k.group}/${k.resource}`);

/** Node lease renewals (every 10 s per node) do not wake the collector; a Node's deletion does. */
const WATCHED = GROUP_RESOURCES.filter((gr) => gr !== "coordination.k8s.io/leases");

export function garbageCollectorReconciler(): Reconciler {
  return { name: GC, watches: WATCHED, sync: collect };
}

function needsScan(ctx: ReconcileContext): boolean {
  const since = typeof ctx.state.rv === "number" ? ctx.state.rv : -1;
  const store = ctx.api.store;
  ctx.state.rv = store.currentRv();
  if (since < 0) return true;
  for (const gr of GROUP_RESOURCES) {
    if (store.lastChangeOf(gr) <= since) continue;
    const events = store.logSince(gr, since);
    if (!events) return true;
    for (const e of events) {
      if (e.type === "DELETED" || e.object.metadata.deletionTimestamp) return true;
      if (e.type === "ADDED" && e.object.metadata.ownerReferences?.length) return true;
    }
  }
  return false;
}

function collect(ctx: ReconcileContext): void {
  if (!needsScan(ctx)) return;
  const client = clientFor(ctx, GC);
  const all: { resource: string; obj: KubeObject }[] = [];
  for (const k of COLLECTED) {
    for (const obj of cachedList(ctx, k.resource, `${k.group}/${k.resource}`)) all.push({ resource: k.resource, obj });
  }
  const byUid = new Map(all.map((x) => [x.obj.metadata.uid!, x]));
  const dependents = new Map<string, { resource: string; obj: KubeObject }[]>();
  for (const x of all) {
    for (const ref of x.obj.metadata.ownerReferences ?? []) {
      if (!dependents.has(ref.uid)) dependents.set(ref.uid, []);
      dependents.get(ref.uid)!.push(x);
    }
  }
  for (const x of all) {
    const fins = x.obj.metadata.finalizers ?? [];
    if (x.obj.metadata.deletionTimestamp && fins.includes("orphan")) orphan(client, x, dependents.get(x.obj.metadata.uid!) ?? []);
    else if (x.obj.metadata.deletionTimestamp && fins.includes("foregroundDeletion")) foreground(client, x, dependents.get(x.obj.metadata.uid!) ?? []);
  }
  for (const x of all) {
    const refs = x.obj.metadata.ownerReferences ?? [];
    if (!refs.length || x.obj.metadata.deletionTimestamp) continue;
    const alive = refs.filter((r) => ownerAlive(r, x.obj, byUid));
    if (alive.length === refs.length) continue;
    if (alive.length === 0) {
      // Dependents of an owner deleted in the foreground go in the foreground too.
      const waiting = refs.some((r) => byUid.get(r.uid)?.obj.metadata.finalizers?.includes("foregroundDeletion"));
      tolerate(() => client.delete(x.resource, x.obj.metadata.namespace, x.obj.metadata.name!, { propagationPolicy: waiting ? "Foreground" : "Background", preconditions: { uid: x.obj.metadata.uid } }));
    } else {
      tolerate(() => client.update({ ...x.obj, metadata: { ...x.obj.metadata, ownerReferences: alive } }));
    }
  }
}

/** An owner is alive when an object with its uid exists (and is not being deleted in the foreground). */
function ownerAlive(ref: OwnerReference, dependent: KubeObject, byUid: Map<string, { resource: string; obj: KubeObject }>): boolean {
  // An owner of a kind the server does not serve cannot be looked up: upstream keeps retrying
  // and never deletes the dependent.
  if (!kindByKind(ref.apiVersion, ref.kind)) return true;
  const owner = byUid.get(ref.uid);
  if (!owner) return false;
  if (owner.obj.kind !== ref.kind) return false;
  if (owner.obj.metadata.namespace && owner.obj.metadata.namespace !== dependent.metadata.namespace) return false;
  return !(owner.obj.metadata.deletionTimestamp && owner.obj.metadata.finalizers?.includes("foregroundDeletion"));
}

function removeFinalizer(client: Client, x: { resource: string; obj: KubeObject }, finalizer: string): void {
  const finalizers = (x.obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const metadata = { ...x.obj.metadata, finalizers };
  if (!finalizers.length) delete (metadata as { finalizers?: unknown }).finalizers;
  tolerate(() => client.update({ ...x.obj, metadata }));
}

function orphan(client: Client, owner: { resource: string; obj: KubeObject }, deps: { resource: string; obj: KubeObject }[]): void {
  for (const d of deps) {
    const refs = (d.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.obj.metadata.uid);
    const metadata = { ...d.obj.metadata, ownerReferences: refs };
    if (!refs.length) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
    tolerate(() => client.update({ ...d.obj, metadata }));
  }
  removeFinalizer(client, owner, "orphan");
}

function foreground(client: Client, owner: { resource: string; obj: KubeObject }, deps: { resource: string; obj: KubeObject }[]): void {
  const blocking = deps.filter((d) => d.obj.metadata.ownerReferences?.some((r) => r.uid === owner.obj.metadata.uid && r.blockOwnerDeletion));
  if (blocking.length === 0) {
    removeFinalizer(client, owner, "foregroundDeletion");
    return;
  }
  for (const d of deps) {
    if (d.obj.metadata.deletionTimestamp) continue;
    const others = (d.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.obj.metadata.uid);
    if (others.length) continue; // still owned by someone else: the dependent stays
    tolerate(() => client.delete(d.resource, d.obj.metadata.namespace, d.obj.metadata.name!, { propagationPolicy: "Foreground", preconditions: { uid: d.obj.metadata.uid } }));
  }
}
