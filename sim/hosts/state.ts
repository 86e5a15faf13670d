// The machines' own state, kept in the cluster's state bag "hosts" (plain JSON, snapshotted and
// rolled back with the cluster): which host the learner's shell is on, per node the files the
// learner changed (over the ones generated from the model), systemd units and kubelet runs.

import type { Cluster } from "../cluster";
import type { Entry } from "../core/vfs";
import { DEFAULT_NODES, MINIKUBE_NODES } from "../controllers/topology";
import type { NodeSpec } from "../controllers/topology/nodes";

/** One start of the kubelet process: it runs until `end`, or fails with `error` and systemd restarts it every 10 s. */
export interface KubeletRun {
  start: number;
  pid: number;
  end?: number;
  /** A fatal start-up error ("failed to load kubelet config file ..."): exit status 1, auto-restart. */
  error?: string;
  /** The kubelet runs but cannot reach the API server (wrong server URL or port in kubelet.conf). */
  apiError?: string;
}

export interface UnitState {
  enabled: boolean;
  active: boolean;
  /** When it entered its current state (ActiveEnterTimestamp / InactiveEnterTimestamp). */
  since: number;
  pid: number;
}

export interface NodeHost {
  /** Files changed on this host: path → entry, or null when deleted. Generated files apply otherwise. */
  files: Record<string, Entry | null>;
  units: Record<string, UnitState>;
  kubeletRuns: KubeletRun[];
  /** Unit files changed since the last `systemctl daemon-reload`. */
  unitFilesChanged?: boolean;
  /** The unit files systemd loaded at the last daemon-reload (path → content), when they changed. */
  loadedUnits?: Record<string, string | null>;
  /** The static pod manifests the kubelet applied: file name → content. */
  staticPods?: Record<string, string>;
  nextPid?: number;
  /** Lines the kubelet logged besides its start-up (static pod errors): time and klog text. */
  kubeletLog?: { at: number; line: string }[];
}

export interface HostsState {
  /** The ssh stack: the first entry is the machine the terminal opens on. */
  session: { host: string; cwd: string }[];
  nodes: Record<string, NodeHost>;
  /** `minikube tunnel` running. */
  tunnel?: boolean;
}

export function hostsState(cluster: Cluster): HostsState {
  const bag = cluster.reconcilerState("hosts") as unknown as HostsState;
  bag.session ??= [];
  bag.nodes ??= {};
  return bag;
}

/** The machine the learner's shell is on now. */
export function currentHost(cluster: Cluster, home: string): string {
  const s = hostsState(cluster).session;
  return s.length ? s[s.length - 1].host : home;
}

export function nodeSpecs(cluster: Cluster): NodeSpec[] {
  const minikube = nodeExists(cluster, "minikube");
  return minikube ? MINIKUBE_NODES : DEFAULT_NODES;
}

export function nodeSpec(cluster: Cluster, name: string): NodeSpec | undefined {
  return [...DEFAULT_NODES, ...MINIKUBE_NODES].find((n) => n.name === name && nodeExists(cluster, name));
}

/**
 * While a shell attaches to a restored cluster: what its snapshot said about the nodes it reads
 * (name → creationTimestamp, null: no such node), so that the restore need not unpack /nodes.
 */
const NODE_HINTS = new WeakMap<Cluster, Record<string, string | null>>();

export function withNodeHints<T>(cluster: Cluster, hints: Record<string, string | null> | undefined, fn: () => T): T {
  if (!hints) return fn();
  NODE_HINTS.set(cluster, hints);
  try {
    return fn();
  } finally {
    NODE_HINTS.delete(cluster);
  }
}

/** The node's creationTimestamp ("" without one), or null when there is no such node. */
export function nodeCreated(cluster: Cluster, name: string): string | null {
  const hints = NODE_HINTS.get(cluster);
  if (hints && Object.hasOwn(hints, name)) return hints[name];
  // The stored node itself (read-only): a GET would route the request and copy the node.
  const node = cluster.api.store.peek("/nodes", undefined, name);
  return node ? (node.metadata.creationTimestamp ?? "") : null;
}

export function nodeExists(cluster: Cluster, name: string): boolean {
  return nodeCreated(cluster, name) !== null;
}

/** The node's creation time: when kubeadm booted it (ms). */
export function bootTime(cluster: Cluster, name: string): number {
  const ts = nodeCreated(cluster, name);
  return (ts ? Date.parse(ts) : cluster.now()) - 45_000;
}

export function nodeHost(cluster: Cluster, name: string): NodeHost {
  const st = hostsState(cluster);
  let h = st.nodes[name];
  if (!h) {
    const boot = bootTime(cluster, name);
    const base = 300 + (hashString(name) % 400);
    h = st.nodes[name] = {
      files: {},
      units: {
        containerd: { enabled: true, active: true, since: boot + 8_000, pid: base + 210 },
        kubelet: { enabled: true, active: true, since: boot + 42_000, pid: base + 1_400 },
      },
      kubeletRuns: [{ start: boot + 42_000, pid: base + 1_400 }],
      nextPid: 20_000 + (hashString(name) % 5_000),
    };
  }
  return h;
}

export function allocPid(h: NodeHost): number {
  h.nextPid = (h.nextPid ?? 20_000) + 17 + ((h.nextPid ?? 0) % 13);
  return h.nextPid;
}

/** A small stable hash (FNV-1a) for deterministic pids and ids derived from names. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
