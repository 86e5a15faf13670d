// The pod garbage collector (pkg/controller/podgc/gc_controller.go), the parts a sandbox meets:
// pods bound to a node that no longer exists are deleted at once (grace period 0) after the
// 40 s quarantine, with the DisruptionTarget condition upstream adds first; terminating pods that
// were never scheduled are deleted at once too.

import type { Reconciler, ReconcileContext, ResourceChange } from "../cluster";
import { rfc3339 } from "../core/duration";
import { clientFor, tolerate } from "./util";
import { informer } from "./informer";

export const POD_GC = "pod-garbage-collector";
const QUARANTINE_MS = 40_000;

export function podGcReconciler(): Reconciler {
  return { name: POD_GC, watches: ["/pods", "/nodes"], sync: gc, onTimer: (_k, ctx) => gc(ctx), concerns };
}

/**
 * A pod change gives a sync something to do only if the pod is now terminating unscheduled or
 * bound to a node that does not exist, or while some node is missing (its pods' quarantine, the
 * entries a sync drops); node changes always may. (A crash loop's status writes do not.)
 */
function concerns(c: ResourceChange, ctx: ReconcileContext): boolean {
  if (c.resource !== "/pods") return true;
  const missing = ctx.state.missing as Record<string, number> | undefined;
  if (!missing || Object.keys(missing).length > 0) return true;
  if (c.type === "DELETED") return false;
  const node: string | undefined = c.object.spec?.nodeName;
  if (!node) return !!c.object.metadata.deletionTimestamp;
  return !ctx.api.store.has("/nodes", undefined, node);
}

function gc(ctx: ReconcileContext): void {
  const nodes = new Set(informer.nodes(ctx).map((n) => n.metadata.name));
  const missing = (ctx.state.missing ??= {}) as Record<string, number>;
  const now = ctx.now();
  const client = clientFor(ctx, POD_GC);
  const seen = new Set<string>();
  for (const p of informer.pods(ctx)) {
    const node = p.spec?.nodeName;
    if (!node) {
      if (p.metadata.deletionTimestamp) tolerate(() => client.delete("pods", p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: 0 }));
      continue;
    }
    if (nodes.has(node)) continue;
    seen.add(node);
    missing[node] ??= now;
    if (now - missing[node] < QUARANTINE_MS) {
      ctx.after(missing[node] + QUARANTINE_MS - now, "orphans");
      continue;
    }
    const phase = p.status?.phase;
    const terminal = phase === "Succeeded" || phase === "Failed";
    const conditions = [
      ...(p.status?.conditions ?? []).filter((c: { type: string }) => c.type !== "DisruptionTarget"),
      { type: "DisruptionTarget", status: "True", reason: "DeletionByPodGC", message: "PodGC: node no longer exists", lastProbeTime: null, lastTransitionTime: rfc3339(now) },
    ];
    tolerate(() => client.updateStatus({ ...p, status: { ...(p.status ?? {}), ...(terminal ? {} : { phase: "Failed" }), conditions } }));
    tolerate(() => client.delete("pods", p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: 0 }));
  }
  for (const n of Object.keys(missing)) if (!seen.has(n)) delete missing[n];
}
