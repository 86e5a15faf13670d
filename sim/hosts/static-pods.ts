// The kubelet's file source for static pods (pkg/kubelet/config/file.go) and its mirror pods
// (pkg/kubelet/pod/mirror_client.go): every manifest in staticPodPath becomes a pod named
// NAME-NODE; a changed manifest replaces the pod (new config hash), a removed or unparsable one
// takes it away. Also the gate that stops a control-plane component whose static pod is down.

import { load } from "js-yaml";
import type { Cluster, Reconciler } from "../cluster";
import type { KubeObject } from "../api/types";
import type { FileSystem } from "../core/vfs";
import { rfc3339 } from "../core/duration";
import { hashString, hostsState, nodeHost, type HostsState, type NodeHost } from "./state";
import { defaultManifests, MANIFESTS_DIR } from "./node-files";
import { nodeSpec } from "./state";

/* eslint-disable @typescript-eslint/no-explicit-any */

export function kubeletLog(h: NodeHost, at: number, line: string): void {
  const log = (h.kubeletLog ??= []);
  log.push({ at, line });
  if (log.length > 100) log.splice(0, log.length - 100);
}

function appliedManifests(cluster: Cluster, node: string, h: NodeHost): Record<string, string> {
  if (h.staticPods) return h.staticPods;
  const spec = nodeSpec(cluster, node);
  if (!spec?.controlPlane) return {};
  return Object.fromEntries(Object.entries(defaultManifests(spec)).map(([c, text]) => [`${c}.yaml`, text]));
}

function manifestFiles(fs: FileSystem, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (fs.stat(dir)?.type !== "dir") return out;
  for (const n of fs.list(dir)) {
    const e = fs.stat(`${dir}/${n}`);
    if (e?.type === "file" && !n.startsWith(".")) out[n] = e.data;
  }
  return out;
}

function parseManifest(text: string, path: string): KubeObject | string {
  try {
    const obj = load(text) as KubeObject | null;
    if (!obj || typeof obj !== "object" || obj.kind !== "Pod") return `${path}: couldn't parse as pod(Object 'Kind' is missing in '${text.trim().split("\n")[0]}'), please check config file`;
    if (!obj.metadata?.name) return `invalid pod: [metadata.name: Required value: name or generateName is required]`;
    return obj;
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return `${path}: couldn't parse as pod(yaml: ${msg}), please check config file`;
  }
}

function request(cluster: Cluster, method: "DELETE" | "POST" | "GET", path: string, body?: unknown) {
  return cluster.request({ method, path, body });
}

/** Brings the mirror pods of `node` in line with its manifest directory (the kubelet must be running). */
export function syncStaticPods(cluster: Cluster, node: string, fs: FileSystem, dir = MANIFESTS_DIR): void {
  const h = nodeHost(cluster, node);
  const applied = appliedManifests(cluster, node, h);
  const current = manifestFiles(fs, dir);
  const now = cluster.now();
  for (const file of new Set([...Object.keys(applied), ...Object.keys(current)])) {
    if (applied[file] === current[file]) continue;
    const path = `${dir}/${file}`;
    const before = applied[file] !== undefined ? parseManifest(applied[file], path) : undefined;
    if (before && typeof before !== "string") {
      const ns = before.metadata.namespace ?? "default";
      request(cluster, "DELETE", `/api/v1/namespaces/${ns}/pods/${before.metadata.name}-${node}`, { gracePeriodSeconds: 0 });
    }
    if (current[file] === undefined) continue;
    const after = parseManifest(current[file], path);
    if (typeof after === "string") {
      kubeletLog(h, now, `E${klogStamp(now)} ${pidOf(h)} file.go:187] "Could not process manifest file" err="${after.replace(/"/g, '\\"')}" path="${path}"`);
      continue;
    }
    const res = request(cluster, "POST", `/api/v1/namespaces/${after.metadata.namespace ?? "default"}/pods`, mirrorPod(cluster, after, node, current[file], now));
    if (res.status >= 300) {
      const msg = (res.body as { message?: string }).message ?? "";
      kubeletLog(h, now, `E${klogStamp(now)} ${pidOf(h)} kubelet.go:1915] "Failed creating a mirror pod for" err="${msg.replace(/"/g, '\\"')}" pod="${after.metadata.namespace ?? "default"}/${after.metadata.name}-${node}"`);
    }
  }
  h.staticPods = current;
}

function pidOf(h: NodeHost): string {
  return String(h.kubeletRuns[h.kubeletRuns.length - 1]?.pid ?? 0).padStart(7);
}

export function klogStamp(ms: number): string {
  const iso = rfc3339(ms).replace("Z", "");
  const [d, t] = iso.split("T");
  const micro = String(((ms % 1000) + 1000) % 1000).padStart(3, "0") + String(hashString(String(ms)) % 1000).padStart(3, "0");
  return `${d.slice(5, 7)}${d.slice(8, 10)} ${t.slice(0, 8)}.${micro}`;
}

function mirrorPod(cluster: Cluster, pod: KubeObject, node: string, text: string, now: number): KubeObject {
  const nodeObj = request(cluster, "GET", `/api/v1/nodes/${node}`).body as KubeObject;
  const hash = [0, 1, 2, 3].map((i) => hashString(`${i}${text}`).toString(16).padStart(8, "0")).join("");
  const spec = pod.spec ?? {};
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...pod.metadata,
      name: `${pod.metadata.name}-${node}`,
      namespace: pod.metadata.namespace ?? "default",
      creationTimestamp: undefined,
      annotations: {
        ...(pod.metadata.annotations ?? {}),
        "kubernetes.io/config.hash": hash,
        "kubernetes.io/config.mirror": hash,
        "kubernetes.io/config.seen": rfc3339(now).replace("Z", `.${String(hashString(text) % 1e9).padStart(9, "0")}Z`),
        "kubernetes.io/config.source": "file",
      },
      ownerReferences: [{ apiVersion: "v1", controller: true, kind: "Node", name: node, uid: nodeObj?.metadata?.uid ?? "" }],
    },
    spec: {
      ...spec,
      nodeName: node,
      enableServiceLinks: spec.enableServiceLinks ?? true,
      preemptionPolicy: spec.preemptionPolicy ?? "PreemptLowerPriority",
      tolerations: [...(spec.tolerations ?? []), { effect: "NoExecute", operator: "Exists" }],
    },
  };
}

/**
 * Whether a control-plane component (etcd, kube-apiserver, kube-scheduler, kube-controller-manager)
 * is down because the learner broke its static pod: once its manifest changed, the component runs only while its
 * mirror pod's container runs.
 */
export function componentDown(cluster: Cluster, component: string): boolean {
  return componentDownIn(cluster, hostsState(cluster), component);
}

function componentDownIn(cluster: Cluster, st: HostsState, component: string): boolean {
  for (const node of Object.keys(st.nodes)) {
    if (!st.nodes[node].staticPods || !nodeSpec(cluster, node)?.controlPlane) continue;
    // Read the stored object (read-only): this runs before every controller sync and wake-up.
    const pod = cluster.api.store.peek("/pods", "kube-system", `${component}-${node}`);
    if (!pod) return true;
    const cs = (pod.status?.containerStatuses ?? []) as any[];
    return !cs[0]?.state?.running;
  }
  return false;
}

/**
 * Whether the API server answers: its static pod runs, and so does etcd's (without etcd,
 * kube-apiserver fails its storage checks and crash-loops; kubectl's connection is refused).
 */
export function apiServerDown(cluster: Cluster): boolean {
  return componentDown(cluster, "kube-apiserver") || componentDown(cluster, "etcd");
}

/**
 * A reconciler that does nothing while its component's static pod is down, or the API server it
 * talks to is (and catches up after).
 */
export function gatedByComponent(r: Reconciler, component: string, cluster: () => Cluster | undefined): Reconciler {
  // componentDown(component) || apiServerDown(), reading the hosts state once (this runs before
  // every sync): nothing is down while no node's static pods were touched.
  const down = () => {
    const c = cluster();
    if (!c) return false;
    // Read-only first (no copy-on-write of the state bag after a snapshot): usually nothing was touched.
    const nodes = (c.peekState("hosts") as Partial<HostsState>).nodes;
    let touched = false;
    for (const node in nodes) if (nodes[node].staticPods) touched = true;
    if (!touched) return false;
    const st = hostsState(c);
    return componentDownIn(c, st, component) || componentDownIn(c, st, "kube-apiserver") || componentDownIn(c, st, "etcd");
  };
  // Pod changes only the gate watches: skipped once the inner reconciler has synced (with the
  // gate open) when it says such a sync does nothing. Not known after a restore: it runs.
  const skippable = r.ignoresUnwatched === true && !r.watches.includes("/pods");
  let ranBefore = false;
  // The inner reconciler's concerns hold only while no sync was swallowed by a closed gate
  // (what it missed then may concern it).
  const concerns = r.concerns;
  return {
    ...r,
    concerns: concerns ? (c, ctx) => !ranBefore || concerns(c, ctx) : undefined,
    watches: r.watches.includes("/pods") ? r.watches : [...r.watches, "/pods"],
    sync: (ctx) => {
      if (down()) {
        ranBefore = false;
        return;
      }
      if (skippable && ranBefore) {
        const changes = ctx.changes();
        if (changes && changes.every((c) => c.resource === "/pods")) return;
      }
      ranBefore = true;
      r.sync(ctx);
    },
    onTimer: r.onTimer
      ? (key, ctx) => {
          if (down()) ctx.after(5_000, key);
          else r.onTimer!(key, ctx);
        }
      : undefined,
  };
}
