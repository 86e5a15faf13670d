// Informer-like read caches for the controllers and the scheduler: the stored objects (what a
// LIST returns, without the copies), then kept current from the API server's watch log (the events
// a WATCH would deliver), so a change to one pod costs one object, not a re-list. Objects in it
// are the stored ones, shared between readers: frozen, never to be mutated (copy before changing).
// Not persisted: rebuilt after a restore, so snapshots and determinism are unaffected.

import type { KubeObject } from "../api/types";
import type { ReconcileContext } from "../cluster";

interface Entry {
  rv: number;
  byKey: Map<string, KubeObject>;
  items: KubeObject[];
  /** The keys of items, sorted (unset until the first change), and key → position (built when needed). */
  keys?: string[];
  index?: Map<string, number>;
}

/** API server → resource → namespace ("" for all) → cache (no key strings to build and hash per call). */
const listCaches = new WeakMap<object, Map<string, Map<string, Entry>>>();

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}

function setKeys(e: Entry, keys: string[]): void {
  e.keys = keys;
  e.items = keys.map((k) => e.byKey.get(k)!);
  // Positions are looked up only for batches that add and remove nothing: built when one comes.
  e.index = undefined;
}

/**
 * The keys sorted again after objects came and went: the kept ones keep their (sorted) order and
 * the new ones (`existed`: key → whether it was there before the batch), sorted, are merged in.
 * The same as sorting them all.
 */
function rekey(e: Entry, existed: Map<string, boolean>): void {
  if (!e.keys) {
    setKeys(e, [...e.byKey.keys()].sort());
    return;
  }
  const kept = e.keys.filter((k) => e.byKey.has(k));
  const fresh: string[] = [];
  for (const [k, was] of existed) if (!was && e.byKey.has(k)) fresh.push(k);
  if (!fresh.length) return setKeys(e, kept);
  fresh.sort();
  const keys: string[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < fresh.length) {
    if (j >= fresh.length || (i < kept.length && kept[i] < fresh[j])) keys.push(kept[i++]);
    else keys.push(fresh[j++]);
  }
  setKeys(e, keys);
}

export function cachedList(ctx: ReconcileContext, resource: string, groupResource: string, namespace?: string): KubeObject[] {
  let caches = listCaches.get(ctx.api);
  if (!caches) listCaches.set(ctx.api, (caches = new Map()));
  let cache = caches.get(resource);
  if (!cache) caches.set(resource, (cache = new Map()));
  const key = namespace ?? "";
  const store = ctx.api.store;
  const hit = cache.get(key);
  if (hit && store.lastChangeOf(groupResource) <= hit.rv) return hit.items;
  const rv = store.currentRv();
  const events = hit ? store.logSince(groupResource, hit.rv, namespace) : undefined;
  if (hit && events) {
    // Objects only modified keep their places: a fresh array with them replaced, no re-sort.
    let moved = hit.keys === undefined;
    const existed = new Map<string, boolean>();
    for (const e of events) {
      const key = keyOf(e.object);
      if (!existed.has(key)) existed.set(key, hit.byKey.has(key));
      if (e.type === "DELETED") {
        hit.byKey.delete(key);
        moved = true;
      } else if (e.type === "ADDED" || e.type === "MODIFIED") {
        if (!hit.byKey.has(key)) moved = true;
        hit.byKey.set(key, e.object);
      }
    }
    hit.rv = rv;
    if (moved) rekey(hit, existed);
    else {
      const index = (hit.index ??= new Map(hit.keys!.map((k, i) => [k, i])));
      const items = hit.items.slice();
      for (const key of existed.keys()) items[index.get(key)!] = hit.byKey.get(key)!;
      hit.items = items;
    }
    return hit.items;
  }
  // The stored objects themselves (readers never change them): a LIST would copy every one.
  const items = store.listShared(groupResource, namespace);
  cache.set(key, { rv, byKey: new Map(items.map((o) => [keyOf(o), o])), items });
  // items came sorted from the list; the index follows at the first change that needs it.
  return items;
}

/** cachedList for the resources the controllers read most. */
export const informer = {
  pods: (ctx: ReconcileContext, ns?: string) => cachedList(ctx, "pods", "/pods", ns),
  nodes: (ctx: ReconcileContext) => cachedList(ctx, "nodes", "/nodes"),
  namespaces: (ctx: ReconcileContext) => cachedList(ctx, "namespaces", "/namespaces"),
  services: (ctx: ReconcileContext) => cachedList(ctx, "services", "/services"),
  replicaSets: (ctx: ReconcileContext) => cachedList(ctx, "replicasets", "apps/replicasets"),
  deployments: (ctx: ReconcileContext) => cachedList(ctx, "deployments", "apps/deployments"),
  daemonSets: (ctx: ReconcileContext) => cachedList(ctx, "daemonsets", "apps/daemonsets"),
  replicationControllers: (ctx: ReconcileContext) => cachedList(ctx, "replicationcontrollers", "/replicationcontrollers"),
  endpoints: (ctx: ReconcileContext) => cachedList(ctx, "endpoints", "/endpoints"),
  endpointSlices: (ctx: ReconcileContext) => cachedList(ctx, "endpointslices", "discovery.k8s.io/endpointslices"),
  serviceAccounts: (ctx: ReconcileContext) => cachedList(ctx, "serviceaccounts", "/serviceaccounts"),
  configMaps: (ctx: ReconcileContext) => cachedList(ctx, "configmaps", "/configmaps"),
};
