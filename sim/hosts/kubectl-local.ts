// `kubectl proxy` and `kubectl port-forward` as local listeners on the machine they run on. In a
// browser terminal (a deadline is set) they print their banner and keep running until the line's
// deadline: as a stream until Ctrl-C, or as a background job (`kubectl proxy &`) until `kill %1`;
// the sandbox closes the listeners a line opened when that line ends (closeListeners). `timeout N`
// stops them and closes the listener. Without a deadline (the headless runner, which has no job
// control) they print their banner and return, and stay listening until the sandbox ends.
// `curl localhost:8001/...` is then answered by the API server (JSON pretty-printed as the API
// server does for curl's user agent), pods/NAME:PORT/proxy/ and services/.../proxy/ by the
// cluster network; `curl localhost:LOCAL` after port-forward reaches the pod's port.

import type { Proc, Program } from "../core/process";
import type { Cluster } from "../cluster";
import type { KubeObject } from "../api/types";
import type { NetReply } from "../images/index";
import { clusterHttp } from "../node/index";
import { clusterOf } from "./session";
import { hostsState, nodeSpec } from "./state";
import { apiServerDown } from "./static-pods";
import { registerLocalListener } from "./curl";

/* eslint-disable @typescript-eslint/no-explicit-any */

interface Listener {
  /** Unique per cluster, so the sandbox can close the ones a line opened. */
  id: number;
  port: number;
  kind: "proxy" | "forward";
  namespace?: string;
  pod?: string;
  remote?: number;
}

type ListenerBag = { listeners?: Record<string, Listener[]>; nextListenerId?: number };

function listeners(cluster: Cluster, host: string): Listener[] {
  const st = hostsState(cluster) as unknown as ListenerBag;
  st.listeners ??= {};
  return (st.listeners[host] ??= []);
}

function listen(cluster: Cluster, host: string, l: Omit<Listener, "id">): number {
  const st = hostsState(cluster) as unknown as ListenerBag;
  const id = (st.nextListenerId ??= 1);
  st.nextListenerId = id + 1;
  listeners(cluster, host).push({ ...l, id });
  return id;
}

/** The ids of the listeners open on every machine (kubectl proxy, port-forward). */
export function openListeners(cluster: Cluster): number[] {
  const st = hostsState(cluster) as unknown as ListenerBag;
  return Object.values(st.listeners ?? {}).flatMap((ls) => ls.map((l) => l.id));
}

/** The process that opened them ended (killed job, Ctrl-C, timeout): the ports refuse again. */
export function closeListeners(cluster: Cluster, ids: number[]): void {
  if (!ids.length) return;
  const st = hostsState(cluster) as unknown as ListenerBag;
  for (const [host, ls] of Object.entries(st.listeners ?? {})) st.listeners![host] = ls.filter((l) => !ids.includes(l.id));
}

/**
 * A server keeps running until its deadline. Stopped by `timeout`, it closes its listeners and
 * exits 0 (timeout reports 124); cut for a browser stream, it stays listening (the line resumes).
 */
function serve(p: Proc, cluster: Cluster, ids: number[]): number {
  if (p.deadline === undefined) return 0;
  if (p.deadline > p.cluster.now()) p.cluster.advanceTo(p.deadline);
  if (p.cutAt === undefined || p.deadline < p.cutAt) closeListeners(cluster, ids);
  return 0;
}

const jsonReply = (status: number, body: unknown): NetReply => ({ ok: true, status, body: JSON.stringify(body, null, 2) + "\n", ip: "127.0.0.1", port: 0, headers: { "Content-Type": "application/json" } });

function podIP(cluster: Cluster, ns: string, name: string): string | undefined {
  const res = cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${ns}/pods/${name}` });
  return res.status === 200 ? (res.body as KubeObject).status?.podIP : undefined;
}

function proxyAnswer(cluster: Cluster, rawPath: string): NetReply {
  const [path, qs] = rawPath.split("?");
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/(pods|services)\/([^/:]+)(?::([^/]+))?\/proxy(\/.*)?$/.exec(path);
  if (m) {
    const [, ns, kind, name, port, rest] = m;
    if (kind === "pods") {
      const ip = podIP(cluster, ns, name);
      if (!ip) return jsonReply(404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `pods "${name}" not found`, reason: "NotFound", details: { name, kind: "pods" }, code: 404 });
      return clusterHttp(cluster.api, {}, `http://${ip}:${port ?? "80"}${rest ?? "/"}`);
    }
    const svc = cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${ns}/services/${name}` });
    if (svc.status !== 200) return jsonReply(404, svc.body);
    const spec = (svc.body as KubeObject).spec;
    const sp = (spec.ports ?? []).find((x: any) => !port || x.name === port || String(x.port) === port) ?? spec.ports?.[0];
    return clusterHttp(cluster.api, { pick: (n) => cluster.prng.int(n) }, `http://${spec.clusterIP}:${sp?.port ?? 80}${rest ?? "/"}`);
  }
  const query = Object.fromEntries(new URLSearchParams(qs ?? "").entries());
  const res = cluster.api.handle({ method: "GET", path, query });
  return jsonReply(res.status, res.body);
}

registerLocalListener("kubectl", (c, port, path) => {
  const l = listeners(c.cluster, c.node).find((x) => x.port === port);
  if (!l) return undefined;
  if (l.kind === "proxy") return proxyAnswer(c.cluster, path);
  const ip = podIP(c.cluster, l.namespace!, l.pod!);
  if (!ip) return { ok: false, error: "refused", host: "localhost", ip: "127.0.0.1", port };
  const r = clusterHttp(c.cluster.api, {}, `http://${ip}:${l.remote}${path}`);
  return r.ok ? r : { ok: false, error: "refused", host: "localhost", ip: "127.0.0.1", port };
});

function flag(args: string[], long: string, short?: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${long}` || (short && args[i] === `-${short}`)) return args[i + 1];
    if (args[i].startsWith(`--${long}=`)) return args[i].slice(long.length + 3);
  }
  return undefined;
}

function proxy(p: Proc, cluster: Cluster): number {
  const args = p.argv.slice(2);
  const port = Number(flag(args, "port", "p") ?? "8001");
  const address = flag(args, "address") ?? "127.0.0.1";
  const ls = listeners(cluster, p.hostname);
  if (ls.some((l) => l.port === port)) {
    p.stderr(`error: listen tcp ${address}:${port}: bind: address already in use\n`);
    return 1;
  }
  const id = listen(cluster, p.hostname, { port, kind: "proxy" });
  p.stdout(`Starting to serve on ${address}:${port}\n`);
  return serve(p, cluster, [id]);
}

function portForward(p: Proc, cluster: Cluster): number {
  const args = p.argv.slice(2);
  const ns = flag(args, "namespace", "n") ?? "default";
  const positional = args.filter((a, i) => !a.startsWith("-") && !["-n", "--namespace", "--address"].includes(args[i - 1]));
  const [target, ...ports] = positional;
  if (!target || !ports.length) {
    p.stderr("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    return 1;
  }
  const [kind, name] = target.includes("/") ? target.split("/") : ["pod", target];
  const pod = resolvePod(cluster, ns, kind, name);
  if (typeof pod === "string") {
    p.stderr(pod);
    return 1;
  }
  if (pod.status?.phase !== "Running") {
    p.stderr(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? "Pending"}\n`);
    return 1;
  }
  const ids: number[] = [];
  for (const spec of ports) {
    const [local, remote] = spec.includes(":") ? spec.split(":") : [spec, spec];
    const lp = Number(local || remote);
    ids.push(listen(cluster, p.hostname, { port: lp, kind: "forward", namespace: ns, pod: pod.metadata.name, remote: Number(remote) }));
    p.stdout(`Forwarding from 127.0.0.1:${lp} -> ${remote}\nForwarding from [::1]:${lp} -> ${remote}\n`);
  }
  return serve(p, cluster, ids);
}

function resolvePod(cluster: Cluster, ns: string, kind: string, name: string): KubeObject | string {
  const k = kind.toLowerCase();
  if (["pod", "pods", "po"].includes(k)) {
    const res = cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${ns}/pods/${name}` });
    return res.status === 200 ? (res.body as KubeObject) : `Error from server (NotFound): pods "${name}" not found\n`;
  }
  const paths: Record<string, [string, string]> = {
    svc: ["/api/v1", "services"], service: ["/api/v1", "services"], services: ["/api/v1", "services"],
    deploy: ["/apis/apps/v1", "deployments"], deployment: ["/apis/apps/v1", "deployments"], deployments: ["/apis/apps/v1", "deployments"],
    rs: ["/apis/apps/v1", "replicasets"], replicaset: ["/apis/apps/v1", "replicasets"],
  };
  const where = paths[k];
  if (!where) return `error: cannot attach to ${kind}: selector for ${kind} not implemented\n`;
  const res = cluster.api.handle({ method: "GET", path: `${where[0]}/namespaces/${ns}/${where[1]}/${name}` });
  const plural = where[1];
  if (res.status !== 200) return `Error from server (NotFound): ${plural}${where[0] === "/api/v1" ? "" : ".apps"} "${name}" not found\n`;
  const obj = res.body as KubeObject;
  const selector: Record<string, string> = plural === "services" ? obj.spec?.selector ?? {} : obj.spec?.selector?.matchLabels ?? {};
  const sel = Object.entries(selector).map(([a, b]) => `${a}=${b}`).join(",");
  const pods = cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${ns}/pods`, query: { labelSelector: sel } });
  const items = ((pods.body as any).items ?? []) as KubeObject[];
  const running = items.find((x) => x.status?.phase === "Running") ?? items[0];
  return running ?? `error: no matching pods found for ${kind}/${name}\n`;
}

const LOCAL_ONLY = new Set(["config", "completion", "help", "options", "plugin", "kustomize", "explain", "--help", "-h", "alpha"]);

/**
 * A machine without a kubeconfig (a worker node) has kubectl talk to localhost:8080, where nothing
 * listens (client-go's default; memcache.go logs each discovery attempt).
 */
function noKubeconfig(p: Proc): boolean {
  const args = p.argv.slice(1);
  if (args.some((a) => /^--(kubeconfig|server)(=|$)|^-s$/.test(a)) || LOCAL_ONLY.has(args[0] ?? "help")) return false;
  if (args[0] === "version" && args.includes("--client")) return false;
  const paths = (p.env.KUBECONFIG ?? "").split(":").filter(Boolean);
  const candidates = paths.length ? paths : ["/root/.kube/config"];
  return !candidates.some((f) => p.fs.stat(f)?.type === "file");
}

function refuseLocalhost(p: Proc, server = "localhost:8080", scheme = "http"): number {
  const now = p.cluster.now();
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, "0");
  for (let i = 0; i < 5; i++) {
    const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(((now % 1000) * 1000 + 1_300 * i + 527) % 1_000_000).padStart(6, "0")}`;
    p.stderr(`E${stamp}   25824 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"${scheme}://${server}/api?timeout=32s\\": dial tcp ${server.replace("localhost", "127.0.0.1")}: connect: connection refused"\n`);
  }
  p.stderr(`The connection to the server ${server} was refused - did you specify the right host or port?\n`);
  return 1;
}

/** kubectl with proxy and port-forward served as local listeners; everything else goes to `inner`. */
export function withLocalServers(inner: Program): Program {
  return (p) => {
    const cluster = clusterOf(p);
    const verb = p.argv[1];
    if (cluster && noKubeconfig(p)) {
      if (verb === "version") p.stdout("Client Version: v1.32.5\nKustomize Version: v5.5.0\n");
      return refuseLocalhost(p);
    }
    // A kube-apiserver whose static pod (or etcd's) the learner broke refuses connections (kubectl's usual symptom).
    if (cluster && !LOCAL_ONLY.has(verb ?? "help") && !(verb === "version" && p.argv.includes("--client")) && apiServerDown(cluster)) {
      const cp = nodeSpec(cluster, "controlplane") ?? nodeSpec(cluster, "minikube");
      if (verb === "version") p.stdout("Client Version: v1.32.5\nKustomize Version: v5.5.0\n");
      return refuseLocalhost(p, `${cp?.ip ?? "192.168.1.2"}:${cp?.minikube ? 8443 : 6443}`, "https");
    }
    if (cluster && verb === "proxy") return proxy(p, cluster);
    if (cluster && verb === "port-forward") return portForward(p, cluster);
    return inner(p);
  };
}
