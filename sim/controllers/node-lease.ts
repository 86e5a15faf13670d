// The kubelet's node lease (pkg/kubelet/nodelease, k8s.io/component-helpers/apimachinery/lease):
// kube-node-lease/<node>, owned by the Node, held by the node's name for 40 s and renewed every
// 10 s (a quarter of the duration) while the kubelet runs; and its node status heartbeat, the
// conditions' lastHeartbeatTime refreshed every 5 minutes (nodeStatusReportFrequency).
//
// A healthy kubelet's periodic writes are not made as they fall due (1080 lease writes an hour on
// three nodes, each waking every watcher): they are written lazily, before an outside client's
// request on nodes or leases (Reconciler.catchUp) and at the node lifecycle monitor's ticks, with
// the times the kubelet would have written: the stored time plus whole periods, up to now while the
// kubelet ran throughout, else up to when it stopped. A watch on them gets every renewal as its
// own event; a GET or LIST sees one write with the latest time.

import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import type { ReconcileContext } from "../cluster";
import { rfc3339 } from "../core/duration";
import { clientFor, tolerate } from "./util";

export const NODE_LEASE_NAMESPACE = "kube-node-lease";
export const NODE_LEASE_DURATION_SECONDS = 40;
export const NODE_LEASE_RENEW_MS = (NODE_LEASE_DURATION_SECONDS * 1000) / 4;
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
const LEASES = "coordination.k8s.io/leases";
/** Writes one catch-up makes per object for a watch (an hour of renewals); older ones collapse. */
const MAX_BEATS_PER_OBJECT = 360;

/** What the lease and heartbeats need to know of a node's kubelet (sim/node/state.ts keeps it). */
export interface KubeletHealth {
  running: boolean;
  /** When it last stopped (kept after it starts again). */
  stoppedAt?: number;
}

/** metav1.MicroTime as it serializes: RFC 3339 with six fractional digits. */
export function microTime(ms: number): string {
  const micros = String(Math.floor(((ms % 1000) + 1000) % 1000) * 1000).padStart(6, "0");
  return rfc3339(ms).replace("Z", `.${micros}Z`);
}

export function buildNodeLease(node: KubeObject, nowMs: number): KubeObject {
  const name = node.metadata.name!;
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [{ apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid! }] },
    spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(nowMs) },
  };
}

/**
 * Renews (or re-creates) the node's lease when its last renewal is a renew interval old. `stored`
 * is the lease as stored (a read-only peek: most calls find it fresh and write nothing).
 */
export function renewNodeLease(client: Client, node: KubeObject, stored: KubeObject | undefined, nowMs: number): void {
  if (!stored) {
    client.create(buildNodeLease(node, nowMs));
    return;
  }
  const last = leaseRenewed(stored);
  if (Number.isFinite(last) && nowMs - last < NODE_LEASE_RENEW_MS) return;
  client.update({ ...stored, spec: { ...stored.spec, holderIdentity: node.metadata.name, renewTime: microTime(nowMs) } });
}

export function leaseRenewed(lease: KubeObject): number {
  return Date.parse(lease.spec?.renewTime ?? "");
}

/** The latest lastHeartbeatTime of the node's conditions (0 without any). */
export function lastHeartbeat(node: KubeObject): number {
  const conds: { lastHeartbeatTime?: string }[] = node.status?.conditions ?? [];
  return Math.max(0, ...conds.map((c) => (c.lastHeartbeatTime ? Date.parse(c.lastHeartbeatTime) : 0)));
}

/** Whether the kubelet has run without a stop since `anchor` (a write it made then). */
export function ranSince(anchor: number, h: KubeletHealth): boolean {
  return h.running && (h.stoppedAt === undefined || h.stoppedAt < anchor);
}

/** The last periodic write at or before `now` of a series written at `anchor` every `periodMs`. */
export function lastBeat(anchor: number, periodMs: number, now: number, h: KubeletHealth): number {
  const until = ranSince(anchor, h) ? now : Math.min(now, h.stoppedAt ?? anchor);
  return until <= anchor ? anchor : anchor + Math.floor((until - anchor) / periodMs) * periodMs;
}

/** Whether a request reads or writes what catchUpNodeBeats keeps. */
export function touchesNodeBeats(path: string): boolean {
  return /\/(nodes|leases)(\/|$)/.test(path.split("?")[0]);
}

interface Beat {
  at: number;
  write: () => void;
}

/**
 * Writes the lease renewals and heartbeats that fell due since they were last written, in time
 * order: every one when `every` (for a watch), else only the latest of each object.
 */
export function catchUpNodeBeats(ctx: ReconcileContext, health: (node: string) => KubeletHealth, every: boolean): void {
  const store = ctx.api.store;
  const now = ctx.now();
  const client = clientFor(ctx, "kubelet");
  const beats: Beat[] = [];
  const series = (anchor: number, periodMs: number, h: KubeletHealth, write: (at: number) => void) => {
    const last = lastBeat(anchor, periodMs, now, h);
    if (last <= anchor) return;
    const first = every ? Math.max(anchor + periodMs, last - (MAX_BEATS_PER_OBJECT - 1) * periodMs) : last;
    for (let at = first; at <= last; at += periodMs) beats.push({ at, write: () => write(at) });
  };
  for (const node of store.listShared("/nodes")) {
    const name = node.metadata.name!;
    const h = health(name);
    const lease = store.peek(LEASES, NODE_LEASE_NAMESPACE, name);
    if (lease && Number.isFinite(leaseRenewed(lease))) series(leaseRenewed(lease), NODE_LEASE_RENEW_MS, h, (at) => renewAt(client, ctx, name, at));
    if (postsStatus(node)) series(lastHeartbeat(node), NODE_STATUS_REPORT_MS, h, (at) => heartbeatAt(client, ctx, name, at));
  }
  // A stable sort: at one instant, node by node, the lease before the heartbeat.
  beats.sort((a, b) => a.at - b.at);
  for (const b of beats) b.write();
}

/** A node whose conditions the kubelet posts (the controller turns them Unknown once it stops). */
function postsStatus(node: KubeObject): boolean {
  const conds: { type: string; status: string }[] = node.status?.conditions ?? [];
  return conds.length > 0 && !conds.some((c) => c.type === "Ready" && c.status === "Unknown");
}

function renewAt(client: Client, ctx: ReconcileContext, name: string, at: number): void {
  const lease = ctx.api.store.peek(LEASES, NODE_LEASE_NAMESPACE, name);
  if (lease) tolerate(() => client.update({ ...lease, spec: { ...lease.spec, renewTime: microTime(at) } }));
}

/** The kubelet's periodic node status report: every condition's lastHeartbeatTime. */
export function heartbeatAt(client: Client, ctx: ReconcileContext, name: string, at: number): void {
  const node = ctx.api.store.peek("/nodes", undefined, name);
  if (!node) return;
  const t = rfc3339(at);
  const conditions = (node.status?.conditions ?? []).map((c: object) => ({ ...c, lastHeartbeatTime: t }));
  tolerate(() => client.updateStatus({ ...node, status: { ...node.status, conditions } }));
}
