// A Deployment's revisions are its ReplicaSets' `deployment.kubernetes.io/revision` annotations
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go, rollback.go).

import type { KubeObject } from "../../api/types";
import { listObjects } from "../framework/api";
import type { Ctx } from "../framework/verb";
import { kindByResourceName } from "./common";

export const REVISION = "deployment.kubernetes.io/revision";
export const CHANGE_CAUSE = "kubernetes.io/change-cause";
export const POD_TEMPLATE_HASH = "pod-template-hash";

/** rollback.go annotationsToSkip: never copied from a ReplicaSet back to its Deployment. */
export const ANNOTATIONS_TO_SKIP = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to",
]);

export function ownedReplicaSets(ctx: Ctx, d: KubeObject): KubeObject[] {
  const { items } = listObjects(ctx, kindByResourceName("replicasets"), d.metadata.namespace);
  return items.filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid));
}

export function revisionOf(rs: KubeObject): number | undefined {
  const v = rs.metadata.annotations?.[REVISION];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** Revisions in ascending order, each with its ReplicaSet. */
export function revisions(ctx: Ctx, d: KubeObject): { revision: number; rs: KubeObject }[] {
  const out: { revision: number; rs: KubeObject }[] = [];
  for (const rs of ownedReplicaSets(ctx, d)) {
    const r = revisionOf(rs);
    if (r !== undefined) out.push({ revision: r, rs });
  }
  return out.sort((a, b) => a.revision - b.revision);
}

/** deploymentRevision: the ReplicaSet of `to`, or of the previous revision when `to` is 0. */
export function revisionReplicaSet(ctx: Ctx, d: KubeObject, to: number): KubeObject {
  const all = revisions(ctx, d);
  if (to > 0) {
    const hit = all.find((r) => r.revision === to);
    if (!hit) throw new Error(`unable to find specified revision ${to} in history`);
    return hit.rs;
  }
  if (all.length < 2) throw new Error(`no rollout history found for deployment "${d.metadata.name}"`);
  return all[all.length - 2].rs;
}

/** A pod template without the pod-template-hash label, for comparing and restoring. */
export function templateWithoutHash(t: KubeObject["spec"]): KubeObject["spec"] {
  const copy = structuredClone(t ?? {});
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH];
  }
  return copy;
}
