// The node lifecycle controller's taint management (pkg/controller/nodelifecycle,
// TaintNodesByCondition): a cordoned node (spec.unschedulable) carries the
// node.kubernetes.io/unschedulable:NoSchedule taint, and Ready=False/Unknown nodes the
// not-ready/unreachable taints, so the scheduler and DaemonSets see what a real cluster shows.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { rfc3339 } from "../core/duration";
import { clientFor, tolerate } from "./util";
import { informer } from "./informer";

export const NODE_CONTROLLER = "node-controller";

interface Taint { key: string; value?: string; effect: string; timeAdded?: string }

export function nodeLifecycleReconciler(): Reconciler {
  return { name: NODE_CONTROLLER, watches: ["/nodes"], sync: syncAll };
}

function wantedTaints(node: KubeObject): Taint[] {
  const out: Taint[] = [];
  if (node.spec?.unschedulable) out.push({ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" });
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === "Ready");
  if (ready?.status === "False") out.push({ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }, { key: "node.kubernetes.io/not-ready", effect: "NoExecute" });
  if (ready?.status === "Unknown") out.push({ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }, { key: "node.kubernetes.io/unreachable", effect: "NoExecute" });
  return out;
}

const MANAGED = new Set(["node.kubernetes.io/unschedulable", "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]);

function syncAll(ctx: ReconcileContext): void {
  const client = clientFor(ctx, NODE_CONTROLLER);
  for (const node of informer.nodes(ctx)) {
    const current: Taint[] = node.spec?.taints ?? [];
    const wanted = wantedTaints(node);
    const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
    const kept = current.filter((t) => !MANAGED.has(t.key) || wanted.some((w) => same(w, t)));
    const added = wanted.filter((w) => !current.some((t) => same(w, t))).map((w) => (w.effect === "NoExecute" ? { ...w, timeAdded: rfc3339(ctx.now()) } : w));
    if (kept.length === current.length && added.length === 0) continue;
    const taints = [...kept, ...added];
    const spec = { ...node.spec, taints };
    if (!taints.length) delete spec.taints;
    tolerate(() => client.update({ ...node, spec }));
  }
}
