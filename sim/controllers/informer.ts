// Informer-like read caches for the controllers and the scheduler.

import type { KubeObject } from "../api/types";
import type { ReconcileContext } from "../cluster";
import { Client } from "../apiserver/client";

/**
 * An informer-like read cache shared by the controllers and the scheduler: a LIST through the API,
 * reused until the store records a change to that resource. Objects in it are shared between
 * readers and must never be mutated (copy before changing). Not persisted: it is rebuilt from the
 * API after a restore, so snapshots and determinism are unaffected.
 */
const listCaches = new WeakMap<object, Map<string, { rv: number; items: KubeObject[] }>>();

export function cachedList(ctx: ReconcileContext, resource: string, groupResource: string, namespace?: string): KubeObject[] {
  let cache = listCaches.get(ctx.api);
  if (!cache) listCaches.set(ctx.api, (cache = new Map()));
  const key = `${resource}/${namespace ?? ""}`;
  const hit = cache.get(key);
  const store = ctx.api.store;
  if (hit && store.lastChangeOf(groupResource) <= hit.rv) return hit.items;
  const rv = store.currentRv();
  const items = new Client(ctx, "informer").list(resource, namespace);
  cache.set(key, { rv, items });
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
