// Informer-like read caches for the controllers and the scheduler: a LIST through the API, then
// kept current from the API server's watch log (the events a WATCH would deliver), so a change to
// one pod costs one object, not a re-list. Objects in it are shared between readers and must never
// be mutated (copy before changing). Not persisted: rebuilt by a LIST after a restore, so
// snapshots and determinism are unaffected.

import type { KubeObject } from "../api/types";
import type { ReconcileContext } from "../cluster";
import { Client } from "../apiserver/client";

interface Entry {
  rv: number;
  byKey: Map<string, KubeObject>;
  items: KubeObject[];
}

const listCaches = new WeakMap<object, Map<string, Entry>>();

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}

function sorted(byKey: Map<string, KubeObject>): KubeObject[] {
  // The store's order: namespace, then name.
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}

export function cachedList(ctx: ReconcileContext, resource: string, groupResource: string, namespace?: string): KubeObject[] {
  let cache = listCaches.get(ctx.api);
  if (!cache) listCaches.set(ctx.api, (cache = new Map()));
  const key = `${resource}/${namespace ?? ""}`;
  const store = ctx.api.store;
  const hit = cache.get(key);
  if (hit && store.lastChangeOf(groupResource) <= hit.rv) return hit.items;
  const rv = store.currentRv();
  const events = hit ? store.eventsSince(groupResource, hit.rv, namespace) : undefined;
  if (hit && events) {
    for (const e of events) {
      if (e.type === "DELETED") hit.byKey.delete(keyOf(e.object));
      else if (e.type === "ADDED" || e.type === "MODIFIED") hit.byKey.set(keyOf(e.object), e.object);
    }
    hit.rv = rv;
    hit.items = sorted(hit.byKey);
    return hit.items;
  }
  const items = new Client(ctx, "informer").list(resource, namespace);
  cache.set(key, { rv, byKey: new Map(items.map((o) => [keyOf(o), o])), items });
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
