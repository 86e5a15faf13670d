// The namespace controller (pkg/controller/namespace/deletion/namespaced_resources_deleter.go):
// empties a Terminating namespace, reports progress in its status conditions and finally removes
// the `kubernetes` finalizer through the finalize subresource.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { KINDS } from "../api/kinds";
import { rfc3339 } from "../core/duration";
import { canonicalJson, clientFor, tolerate } from "./util";
import { informer } from "./informer";

export const NAMESPACE_CONTROLLER = "namespace-controller";
const NAMESPACED = KINDS.filter((k) => k.namespaced && k.verbs.includes("list") && k.verbs.includes("delete"));

export function namespaceReconciler(): Reconciler {
  // Leases are deleted with the rest of a namespace's content, but their renewals (every 10 s per
  // node, in kube-node-lease) do not wake the controller.
  const watched = NAMESPACED.map((k) => `${k.group}/${k.resource}`).filter((gr) => gr !== "coordination.k8s.io/leases");
  return { name: NAMESPACE_CONTROLLER, watches: ["/namespaces", ...watched], sync: syncAll };
}

function syncAll(ctx: ReconcileContext): void {
  for (const ns of informer.namespaces(ctx)) if (ns.metadata.deletionTimestamp) deleteContent(ctx, ns);
}

interface Condition { type: string; status: string; lastTransitionTime: string; reason: string; message: string }

function deleteContent(ctx: ReconcileContext, ns: KubeObject): void {
  const client = clientFor(ctx, NAMESPACE_CONTROLLER);
  const name = ns.metadata.name!;
  const remaining: Record<string, number> = {};
  const finalizers = new Map<string, number>();
  for (const k of NAMESPACED) {
    const items = client.list(k.resource, name);
    for (const o of items) {
      const kindKey = k.group ? `${k.resource}.${k.group}` : k.resource;
      remaining[kindKey] = (remaining[kindKey] ?? 0) + 1;
      for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
      if (!o.metadata.deletionTimestamp) tolerate(() => client.delete(k.resource, name, o.metadata.name!, { propagationPolicy: "Background" }));
    }
  }
  // Count again: most objects go at once, pods wait for their kubelet.
  const left: Record<string, number> = {};
  for (const k of NAMESPACED) {
    const n = client.list(k.resource, name).length;
    if (n) left[k.group ? `${k.resource}.${k.group}` : k.resource] = n;
  }
  const now = rfc3339(ctx.now());
  const cond = (type: string, bad: boolean, okReason: string, okMsg: string, badReason: string, badMsg: string): Condition => ({
    lastTransitionTime: now, message: bad ? badMsg : okMsg, reason: bad ? badReason : okReason, status: bad ? "True" : "False", type,
  });
  const leftKinds = Object.keys(left).sort();
  const conditions: Condition[] = [
    cond("NamespaceDeletionDiscoveryFailure", false, "ResourcesDiscovered", "All resources successfully discovered", "", ""),
    cond("NamespaceDeletionGroupVersionParsingFailure", false, "ParsedGroupVersions", "All legacy kube types successfully parsed", "", ""),
    cond("NamespaceDeletionContentFailure", false, "ContentDeleted", "All content successfully deleted, may be waiting on finalization", "", ""),
    cond("NamespaceContentRemaining", leftKinds.length > 0, "ContentRemoved", "All content successfully removed", "SomeResourcesRemain",
      `Some resources are remaining: ${leftKinds.map((k) => `${k} has ${left[k]} resource instances`).join(", ")}`),
    cond("NamespaceFinalizersRemaining", finalizers.size > 0 && leftKinds.length > 0, "ContentHasNoFinalizers", "All content-preserving finalizers finished", "SomeFinalizersRemain",
      `Some content in the namespace has finalizers remaining: ${[...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).join(", ")}`),
  ];
  if (leftKinds.length > 0) {
    writeConditions(client, ns, conditions);
    return;
  }
  const fresh = writeConditions(client, ns, conditions) ?? ns;
  const specFinalizers: string[] = (fresh.spec?.finalizers ?? []).filter((f: string) => f !== "kubernetes");
  if ((fresh.spec?.finalizers ?? []).length === specFinalizers.length) return;
  ctx.request({
    method: "PUT",
    path: `/api/v1/namespaces/${encodeURIComponent(name)}/finalize`,
    body: { ...fresh, spec: { ...fresh.spec, finalizers: specFinalizers } },
    userAgent: NAMESPACE_CONTROLLER,
  });
}

/** Writes the deletion conditions, keeping lastTransitionTime when a condition did not change. */
function writeConditions(client: ReturnType<typeof clientFor>, ns: KubeObject, conditions: Condition[]): KubeObject | undefined {
  const prev: Condition[] = ns.status?.conditions ?? [];
  const merged = conditions.map((c) => {
    const p = prev.find((x) => x.type === c.type);
    return p && p.status === c.status ? { ...c, lastTransitionTime: p.lastTransitionTime } : c;
  });
  if (canonicalJson(merged) === canonicalJson(prev)) return undefined;
  return tolerate(() => client.updateStatus({ ...ns, status: { ...(ns.status ?? {}), phase: "Terminating", conditions: merged } }));
}
