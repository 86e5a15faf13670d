// The cluster network for HTTP: cluster DNS names, Service cluster IPs and node ports through
// their Endpoints (as kube-proxy does), pod IPs straight to the container serving that port.
// Used by wget/curl inside containers and offered to the shell (curl on a node).

import type { KubeObject } from "../api/types";
import type { ApiServer } from "../apiserver/server";
import type { NetReply } from "../images/index";
import { Client } from "../apiserver/client";
import { kubeletState, type ContainerRt } from "./state";
import { stateOf } from "./lookup";
import { behaviourOf } from "./runtime";
import type { VolumeSources } from "./volumes";

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface NetOrigin {
  /** The namespace of the pod asking (DNS search path); undefined on a node, which has no cluster DNS. */
  namespace?: string;
  /** The asking pod's IP, for localhost. */
  podIP?: string;
  /**
   * Picks a backend among n (kube-proxy's random choice per connection). Node programs pass the
   * cluster's seeded PRNG; without it the choice rotates with the clock, so reads stay pure.
   */
  pick?: (n: number) => number;
}

const MAX_DEPTH = 3;

/** What a container in `namespace` with `podIP` reaches: HTTP over the cluster network, and DNS. */
export function podNetwork(server: ApiServer, namespace: string, podIP: string | undefined, depth = 0) {
  return {
    net(url: string) {
      return clusterHttp(server, { namespace, podIP }, url, depth);
    },
    dns(name: string) {
      return clusterDns(server, namespace, name);
    },
  };
}

function parseUrl(url: string): { host: string; port: number; path: string; https: boolean } | undefined {
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(url);
  if (!m) return undefined;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === "https" ? 443 : 80, path: m[4] || "/", https: m[1] === "https" };
}

/** An HTTP GET across the cluster network. */
export function clusterHttp(server: ApiServer, origin: NetOrigin, url: string, depth = 0): NetReply {
  const u = parseUrl(url);
  if (!u) return { ok: false, error: "dns", host: url, port: 80 };
  const client = new Client({ request: (r) => server.handle(r) }, "kube-proxy");
  let ip = u.host;
  if (u.host === "localhost") ip = origin.podIP ?? "127.0.0.1";
  else if (!/^\d+\.\d+\.\d+\.\d+$/.test(u.host)) {
    const svc = origin.namespace !== undefined ? resolveName(client, u.host, origin.namespace) : undefined;
    if (!svc) return { ok: false, error: "dns", host: u.host, port: u.port };
    ip = svc.spec?.clusterIP && svc.spec.clusterIP !== "None" ? svc.spec.clusterIP : firstEndpoint(client, svc) ?? "";
    if (!ip) return { ok: false, error: "dns", host: u.host, port: u.port };
  }
  if (depth > MAX_DEPTH) return { ok: false, error: "timeout", host: u.host, ip, port: u.port };
  const services = client.list("services");
  const byClusterIP = services.find((s) => s.spec?.clusterIP === ip);
  if (byClusterIP) return viaService(server, client, byClusterIP, u, ip, (p: any) => p.port === u.port, depth, origin.pick);
  const nodes = client.list("nodes");
  if (nodes.some((n) => (n.status?.addresses ?? []).some((a: any) => a.address === ip))) {
    const byNodePort = services.find((s) => (s.spec?.ports ?? []).some((p: any) => p.nodePort === u.port));
    if (byNodePort) return viaService(server, client, byNodePort, u, ip, (p: any) => p.nodePort === u.port, depth, origin.pick);
    return { ok: false, error: "refused", host: u.host, ip, port: u.port };
  }
  return toPod(server, client, ip, u.port, u.path, u.host, depth);
}

/** Cluster DNS as CoreDNS answers a pod in `namespace`: services (headless ones by endpoint IPs). */
export function clusterDns(server: ApiServer, namespace: string, name: string): { fqdn: string; ips: string[] } | undefined {
  const client = new Client({ request: (r) => server.handle(r) }, "coredns");
  const svc = resolveName(client, name, namespace);
  if (!svc) return undefined;
  const fqdn = `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local`;
  if (svc.spec?.clusterIP && svc.spec.clusterIP !== "None") return { fqdn, ips: [svc.spec.clusterIP] };
  const ep = client.get("endpoints", svc.metadata.namespace, svc.metadata.name!);
  const ips = (ep?.subsets ?? []).flatMap((s: any) => (s.addresses ?? []).map((a: any) => a.ip));
  return ips.length ? { fqdn, ips } : undefined;
}

function resolveName(client: Client, host: string, namespace: string): KubeObject | undefined {
  const parts = host.replace(/\.$/, "").replace(/\.cluster\.local$/, "").replace(/\.svc$/, "").split(".");
  if (parts.length > 2) return undefined;
  const [name, ns] = [parts[0], parts[1] ?? namespace];
  return client.get("services", ns, name);
}

function firstEndpoint(client: Client, svc: KubeObject): string | undefined {
  const ep = client.get("endpoints", svc.metadata.namespace, svc.metadata.name!);
  return ep?.subsets?.[0]?.addresses?.[0]?.ip;
}

function viaService(server: ApiServer, client: Client, svc: KubeObject, u: { host: string; port: number; path: string }, ip: string, match: (p: any) => boolean, depth: number, pick?: (n: number) => number): NetReply {
  const sp = (svc.spec?.ports ?? []).find(match);
  if (!sp) return { ok: false, error: "refused", host: u.host, ip, port: u.port };
  if (svc.metadata.namespace === "default" && svc.metadata.name === "kubernetes") {
    const body = JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `forbidden: User "system:anonymous" cannot get path "${u.path}"`, reason: "Forbidden", details: {}, code: 403 }, null, 2);
    return { ok: true, status: 403, body: `${body}\n`, ip, port: u.port };
  }
  const ep = client.get("endpoints", svc.metadata.namespace, svc.metadata.name!);
  const targets: { ip: string; port: number }[] = [];
  for (const subset of ep?.subsets ?? []) {
    const port = (subset.ports ?? []).find((p: any) => (p.name ?? "") === (sp.name ?? "")) ?? (subset.ports ?? [])[0];
    if (!port) continue;
    for (const a of subset.addresses ?? []) targets.push({ ip: a.ip, port: port.port });
  }
  if (targets.length === 0) return { ok: false, error: "refused", host: u.host, ip, port: u.port };
  // kube-proxy picks an endpoint at random; here it rotates with the clock, deterministically.
  const t = targets[pick ? pick(targets.length) : Math.floor(server.clock.now() / 1000) % targets.length];
  const r = toPod(server, client, t.ip, t.port, u.path, u.host, depth);
  return r.ok ? { ...r, ip, port: u.port } : { ...r, ip, port: u.port };
}

function toPod(server: ApiServer, client: Client, ip: string, port: number, path: string, host: string, depth: number): NetReply {
  const pod = client.list("pods").find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork);
  if (!pod) return { ok: false, error: "timeout", host, ip, port };
  const bag = stateOf(server);
  const w = bag ? kubeletState(bag).pods[pod.metadata.uid ?? ""] : undefined;
  const ns = pod.metadata.namespace ?? "default";
  const sources: VolumeSources = {
    pod,
    worker: w,
    now: server.clock.now(),
    hostIP: pod.status?.hostIP ?? "",
    podIP: ip,
    configMap: (n) => client.get("configmaps", ns, n),
    secret: (n) => client.get("secrets", ns, n),
  };
  const now = server.clock.now();
  for (const c of (w?.containers ?? []) as ContainerRt[]) {
    if (c.state !== "running" || !c.cur) continue;
    const spec = ((c.init ? pod.spec?.initContainers : pod.spec?.containers) ?? []).find((x: any) => x.name === c.name);
    const pn = podNetwork(server, ns, ip, depth + 1);
    const b = behaviourOf(c.cur, spec, sources, pn.net, pn.dns);
    if (!b || !b.ports.includes(port) || now - c.cur.startedAt < (b.readyAfterMs ?? 0)) continue;
    const reply = b.http?.(port, path) ?? { status: 200, body: "" };
    return { ok: true, status: reply.status, body: reply.body, ip, port, headers: { "Content-Type": reply.contentType ?? "text/plain" } };
  }
  return { ok: false, error: "refused", host, ip, port };
}
