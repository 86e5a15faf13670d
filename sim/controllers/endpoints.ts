// The Endpoints and EndpointSlice controllers (pkg/controller/endpoint/endpoints_controller.go,
// pkg/controller/endpointslice): for every Service with a selector, the selected pods that have
// an IP, ready ones in addresses and the rest in notReadyAddresses; ports resolved from named
// targetPorts. Services without a selector are left alone.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { changedKeys, clientFor, isPodReady, mapSelectorMatches, objectKey, tolerate } from "./util";
import { jsonEqual } from "../apiserver/store";
import { informer } from "./informer";
import { rfc3339 } from "../core/duration";

export const ENDPOINT_CONTROLLER = "endpoint-controller";
export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller.k8s.io";

interface ServicePort { name?: string; port: number; protocol?: string; targetPort?: number | string; appProtocol?: string }

/** podutil.FindPort: a named targetPort looks up the container port by name and protocol. */
function findPort(pod: KubeObject, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === "number") return tp;
  if (/^\d+$/.test(tp)) return parseInt(tp, 10);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? "TCP") === (sp.protocol ?? "TCP")) return p.containerPort;
  return undefined;
}

/** Pods the service selects that can be endpoints (have an IP, not terminal). */
function selectedPods(svc: KubeObject, pods: KubeObject[]): KubeObject[] {
  const sel: Record<string, string> = svc.spec.selector;
  return pods.filter((p) =>
    mapSelectorMatches(sel, p.metadata.labels) && p.status?.podIP && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed"
    && (!p.metadata.deletionTimestamp || svc.spec.publishNotReadyAddresses),
  );
}

function hasSelector(svc: KubeObject): boolean {
  return !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;
}

function targetRef(p: KubeObject) {
  return { kind: "Pod", name: p.metadata.name, namespace: p.metadata.namespace, uid: p.metadata.uid };
}

export function endpointsReconciler(): Reconciler {
  return { name: ENDPOINT_CONTROLLER, watches: ["/services", "/pods", "/endpoints"], sync: (ctx) => syncAll(ctx, syncEndpoints) };
}

export function endpointSliceReconciler(): Reconciler {
  return { name: "endpointslice-controller", watches: ["/services", "/pods", "discovery.k8s.io/endpointslices"], sync: (ctx) => syncAll(ctx, syncSlice) };
}

type SyncFn = (ctx: ReconcileContext, client: Client, svc: KubeObject | undefined, name: { ns: string; name: string }, pods: KubeObject[], existing: KubeObject[]) => void;

/** Syncs the services whose object, endpoints or selected pods changed (all on a first sync). */
function syncAll(ctx: ReconcileContext, fn: SyncFn): void {
  const client = clientFor(ctx, fn === syncEndpoints ? ENDPOINT_CONTROLLER : ENDPOINTSLICE_CONTROLLER);
  const allServices = informer.services(ctx);
  const keys = changedKeys(ctx, "/services", (o, c) => {
    const ns = o.metadata.namespace ?? "";
    if (c.resource !== "/pods") return ownerName(o, fn) === undefined ? [] : [`${ns}/${ownerName(o, fn)}`];
    return allServices.filter((svc) => svc.metadata.namespace === ns && hasSelector(svc) && mapSelectorMatches(svc.spec.selector, o.metadata.labels)).map(objectKey);
  });
  if (keys?.size === 0) return;
  const services = keys ? allServices.filter((svc) => keys.has(objectKey(svc))) : allServices;
  const pods = informer.pods(ctx);
  const resource = fn === syncEndpoints ? "endpoints" : "endpointslices";
  const existing = (fn === syncEndpoints ? informer.endpoints(ctx) : informer.endpointSlices(ctx)).filter((o) => !keys || keys.has(`${o.metadata.namespace}/${ownerName(o, fn)}`));
  const seen = new Set<string>();
  for (const svc of services) {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    seen.add(key);
    if (!hasSelector(svc)) continue;
    const mine = existing.filter((o) => o.metadata.namespace === svc.metadata.namespace && ownerName(o, fn) === svc.metadata.name);
    fn(ctx, client, svc, { ns: svc.metadata.namespace!, name: svc.metadata.name! }, pods.filter((p) => p.metadata.namespace === svc.metadata.namespace), mine);
  }
  // Objects of deleted services go too (endpoints by name; slices are also garbage-collected by owner).
  for (const o of existing) {
    const svcName = ownerName(o, fn);
    if (!svcName || seen.has(`${o.metadata.namespace}/${svcName}`)) continue;
    if (fn === syncSlice && o.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] !== ENDPOINTSLICE_CONTROLLER) continue;
    if (fn === syncEndpoints && o.metadata.labels?.["endpointslice.kubernetes.io/skip-mirror"] === "true" && o.metadata.name === "kubernetes") continue;
    tolerate(() => client.delete(resource, o.metadata.namespace, o.metadata.name!));
  }
}

function ownerName(o: KubeObject, fn: SyncFn): string | undefined {
  return fn === syncEndpoints ? o.metadata.name : o.metadata.labels?.["kubernetes.io/service-name"];
}

function syncEndpoints(ctx: ReconcileContext, client: Client, svc: KubeObject | undefined, id: { ns: string; name: string }, pods: KubeObject[], existing: KubeObject[]): void {
  if (!svc) return;
  const ports: ServicePort[] = svc.spec.ports ?? [];
  // One subset per distinct port set (repackSubsets); with one port set this is one subset.
  const groups = new Map<string, { addresses: unknown[]; notReadyAddresses: unknown[]; ports: unknown[] }>();
  for (const p of selectedPods(svc, pods)) {
    const epPorts = ports.map((sp) => ({ name: sp.name, port: findPort(p, sp), protocol: sp.protocol ?? "TCP", ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) }))
      .filter((x) => x.port !== undefined)
      .map((x) => (x.name ? x : { port: x.port, protocol: x.protocol }));
    if (ports.length && !epPorts.length) continue;
    const key = JSON.stringify(epPorts);
    if (!groups.has(key)) groups.set(key, { addresses: [], notReadyAddresses: [], ports: epPorts });
    const addr = { ip: p.status.podIP, ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}), targetRef: targetRef(p) };
    const g = groups.get(key)!;
    if (isPodReady(p) || svc.spec.publishNotReadyAddresses) g.addresses.push(addr);
    else g.notReadyAddresses.push(addr);
  }
  const byIp = (a: unknown, b: unknown) => ((a as { ip: string }).ip < (b as { ip: string }).ip ? -1 : 1);
  const subsets = [...groups.values()].map((g) => ({
    ...(g.addresses.length ? { addresses: g.addresses.sort(byIp) } : {}),
    ...(g.notReadyAddresses.length ? { notReadyAddresses: g.notReadyAddresses.sort(byIp) } : {}),
    ...(g.ports.length ? { ports: g.ports } : {}),
  }));
  const cur = existing[0];
  const desired: KubeObject = {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      name: id.name,
      namespace: id.ns,
      ...(Object.keys(svc.metadata.labels ?? {}).length ? { labels: { ...svc.metadata.labels } } : {}),
      annotations: { "endpoints.kubernetes.io/last-change-trigger-time": rfc3339(ctx.now()) },
    },
    ...(subsets.length ? { subsets } : {}),
  };
  if (svc.spec.clusterIP === "None") desired.metadata.labels = { ...(desired.metadata.labels ?? {}), "service.kubernetes.io/headless": "" };
  if (cur && jsonEqual([cur.subsets ?? null, cur.metadata.labels ?? {}], [desired.subsets ?? null, desired.metadata.labels ?? {}])) return;
  if (cur) {
    const metadata = { ...cur.metadata, labels: desired.metadata.labels };
    if (!metadata.labels) delete metadata.labels;
    // endpoints.kubernetes.io/last-change-trigger-time marks when the pods changed.
    metadata.annotations = { ...(cur.metadata.annotations ?? {}), "endpoints.kubernetes.io/last-change-trigger-time": rfc3339(ctx.now()) };
    const next: KubeObject = { ...cur, metadata };
    delete next.subsets;
    if (desired.subsets) next.subsets = desired.subsets;
    tolerate(() => client.update(next));
  } else {
    tolerate(() => client.create(desired));
  }
}

function syncSlice(ctx: ReconcileContext, client: Client, svc: KubeObject | undefined, id: { ns: string; name: string }, pods: KubeObject[], existing: KubeObject[]): void {
  if (!svc) return;
  const ports: ServicePort[] = svc.spec.ports ?? [];
  const selected = selectedPods(svc, pods).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  const endpoints = selected.map((p) => {
    const ready = isPodReady(p) && !p.metadata.deletionTimestamp;
    return {
      addresses: [p.status.podIP],
      conditions: { ready: ready || !!svc.spec.publishNotReadyAddresses, serving: isPodReady(p), terminating: !!p.metadata.deletionTimestamp },
      ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
      targetRef: targetRef(p),
    };
  });
  const first = selected[0];
  // A slice without endpoints is a placeholder without ports.
  const slicePorts = !first ? [] : ports.map((sp) => ({
    name: sp.name ?? "",
    port: findPort(first, sp) ?? null,
    protocol: sp.protocol ?? "TCP",
    ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}),
  }));
  const labels: Record<string, string> = {
    ...(svc.metadata.labels ?? {}),
    "endpointslice.kubernetes.io/managed-by": ENDPOINTSLICE_CONTROLLER,
    "kubernetes.io/service-name": id.name,
  };
  if (svc.spec.clusterIP === "None") labels["service.kubernetes.io/headless"] = "";
  const mine = existing.filter((o) => o.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] === ENDPOINTSLICE_CONTROLLER);
  const cur = mine[0];
  for (const extra of mine.slice(1)) tolerate(() => client.delete("endpointslices", extra.metadata.namespace, extra.metadata.name!));
  const body = { addressType: "IPv4", endpoints: endpoints.length ? endpoints : null, ports: slicePorts.length ? slicePorts : null };
  if (cur && jsonEqual([cur.endpoints ?? null, cur.ports ?? null, cur.metadata.labels], [body.endpoints, body.ports, labels])) return;
  if (cur) {
    tolerate(() => client.update({ ...cur, ...body, metadata: { ...cur.metadata, labels, annotations: { ...(cur.metadata.annotations ?? {}), "endpoints.kubernetes.io/last-change-trigger-time": rfc3339(ctx.now()) } } }));
    return;
  }
  tolerate(() => client.create({
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      generateName: `${id.name}-`,
      namespace: id.ns,
      labels,
      ownerReferences: [{ apiVersion: "v1", kind: "Service", name: id.name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    ...body,
  }));
}
