// curl on a node: pod IPs, Service cluster IPs and node ports (any node's IP) through kube-proxy's
// choice of backend (random per connection, from the cluster's seeded PRNG), the API server on
// :6443, and `kubectl proxy` / `kubectl port-forward` listening on localhost. Nodes do not use
// cluster DNS, so Service names do not resolve here.

import type { Proc } from "../core/process";
import { curl as curlTool } from "../images/net-tools";
import type { NetReply } from "../images/index";
import { clusterHttp } from "../node/index";
import { hostCtx, type HostCtx } from "./session";
import { nodeSpec } from "./state";
import { apiServerDown } from "./static-pods";

/* eslint-disable @typescript-eslint/no-explicit-any */

function parse(url: string): { host: string; port: number; path: string; https: boolean } | undefined {
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(url);
  if (!m) return undefined;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === "https" ? 443 : 80, path: m[4] || "/", https: m[1] === "https" };
}

const json = (body: unknown, status = 200): NetReply => ({ ok: true, status, body: JSON.stringify(body, null, 2) + "\n", ip: "127.0.0.1", port: 0, headers: { "Content-Type": "application/json" } });

/** The API server answering an anonymous HTTPS request (system:public-info-viewer allows /version and health). */
function apiServerAnonymous(c: HostCtx, path: string): NetReply {
  const p = path.split("?")[0];
  if (p === "/version") return json(c.cluster.api.handle({ method: "GET", path: "/version" }).body);
  if (p === "/healthz" || p === "/livez" || p === "/readyz") return { ok: true, status: 200, body: "ok", ip: "", port: 0 };
  return json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `forbidden: User "system:anonymous" cannot get path "${p}"`, reason: "Forbidden", details: {}, code: 403 }, 403);
}


/** What a local listener (kubectl proxy, port-forward) answers, if one listens on `port`. */
export type LocalListener = (c: HostCtx, path: string) => NetReply;
const LISTENERS: Record<string, (c: HostCtx, port: number, path: string) => NetReply | undefined> = {};

export function registerLocalListener(name: string, fn: (c: HostCtx, port: number, path: string) => NetReply | undefined): void {
  LISTENERS[name] = fn;
}

/** HTTP from a node: local listeners, the API server, node ports and the cluster network (no cluster DNS). */
export function nodeNet(c: HostCtx, url: string): NetReply {
  const u = parse(url);
  if (!u) return { ok: false, error: "dns", host: url, port: 80 };
  const spec = nodeSpec(c.cluster, c.node);
  const local = u.host === "localhost" || u.host === "127.0.0.1" || u.host === spec?.ip || u.host === c.node;
  if (local) {
    for (const fn of Object.values(LISTENERS)) {
      const r = fn(c, u.port, u.path);
      if (r) return r;
    }
  }
  const cp = nodeSpec(c.cluster, "controlplane") ?? nodeSpec(c.cluster, "minikube");
  const apiPort = cp?.minikube ? 8443 : 6443;
  if (u.port === apiPort && ((local && spec?.controlPlane) || u.host === cp?.ip)) {
    if (apiServerDown(c.cluster)) return { ok: false, error: "refused", host: u.host, ip: cp?.ip ?? u.host, port: apiPort };
    return { ...apiServerAnonymous(c, u.path), ip: cp?.ip ?? u.host, port: apiPort };
  }
  if (u.host === c.node) return clusterHttp(c.cluster.api, { pick: (n) => c.cluster.prng.int(n) }, url.replace(c.node, spec?.ip ?? c.node));
  if (u.host === "localhost" || u.host === "127.0.0.1") {
    // Node ports answer on every local address, localhost included (localhostNodePorts).
    const r = clusterHttp(c.cluster.api, { pick: (n) => c.cluster.prng.int(n) }, url.replace(/\/\/[^/:]+/, `//${spec?.ip ?? "127.0.0.1"}`));
    // Nothing listening: curl names the host as typed ("Failed to connect to localhost port 8001").
    return r.ok ? r : { ...r, host: u.host };
  }
  return clusterHttp(c.cluster.api, { pick: (n) => c.cluster.prng.int(n) }, url);
}

export function curl(p: Proc): number {
  const c = hostCtx(p);
  const withScheme = (u: string) => (/^[a-z]+:\/\//.test(u) ? u : `http://${u}`);
  return curlTool(p.argv.slice(1), {
    out: (t) => p.stdout(t + "\n"),
    raw: (t) => p.stdout(t),
    // curl 8 on the node: "Couldn't connect to server".
    err: (t) => p.stderr(t.replace("Could not connect to server", "Couldn't connect to server") + "\n"),
    net: c ? (url) => nodeNet(c, withScheme(url)) : undefined,
    write: (path, data) => p.fs.write(path.startsWith("/") ? path : `${p.cwd}/${path.replace(/^\//, "")}`, data),
    sleepMs: (ms) => p.cluster.advanceTo(p.cluster.now() + ms),
  });
}
