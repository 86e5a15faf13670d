// The Deployment controller (pkg/controller/deployment/deployment_controller.go, sync.go,
// rolling.go, recreate.go, progress.go). One step per sync, as upstream returns after each write
// and is requeued by the informers; the settle loop plays the informers.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { changedKeys, clientFor, computeHash, controllerRef, objectKey, ownerKeys, emit, equalIgnoreHash, int, ownerRefTo, selectorMatches, tolerate } from "./util";
import { jsonEqual } from "../apiserver/store";
import { informer } from "./informer";
import {
  byCreation, DESIRED_REPLICAS, getCondition, maxSurge, maxUnavailable, newCondition, REVISION, replicas,
  revisionOf, setCondition, setNewReplicaSetAnnotations, sumReplicas, sumStatus, type DeploymentCondition,
} from "./deployment-util";
import { cleanupDeployment, rolloutRecreate, rolloutRolling, scaleDeployment } from "./deployment-rollout";

export const DEPLOYMENT_CONTROLLER = "deployment-controller";

export interface DeploymentSync {
  ctx: ReconcileContext;
  client: Client;
  d: KubeObject;
  /** The ReplicaSets this deployment controls. */
  rsList: KubeObject[];
  /** Pods in the deployment's namespace (read lazily: only Recreate needs them). */
  pods: () => KubeObject[];
}

export function deploymentReconciler(): Reconciler {
  return {
    name: DEPLOYMENT_CONTROLLER,
    watches: ["apps/deployments", "apps/replicasets", "/pods"],
    // Pods concern a deployment only through their ReplicaSet (deploymentsOf).
    concerns: (c) => c.resource !== "/pods" || ownedByReplicaSet(c.object) || (c.previous !== undefined && ownedByReplicaSet(c.previous)),
    sync: (ctx) => syncAll(ctx, true),
    onTimer: (_key, ctx) => syncAll(ctx, false),
  };
}

/** Syncs the deployments whose object, ReplicaSets or their pods changed (`changed`), or all. */
function syncAll(ctx: ReconcileContext, changed: boolean): void {
  const client = clientFor(ctx, DEPLOYMENT_CONTROLLER);
  const all = informer.deployments(ctx);
  if (all.length === 0) return;
  const keys = changed ? changedKeys(ctx, "apps/deployments", (o, c) => deploymentsOf(ctx, o, c.resource, all)) : undefined;
  const deployments = keys ? all.filter((d) => keys.has(objectKey(d))) : all;
  if (deployments.length === 0) return;
  const rsAll = informer.replicaSets(ctx);
  for (const d of deployments) {
    const ns = d.metadata.namespace;
    const rsList = claimReplicaSets(client, d, rsAll.filter((rs) => rs.metadata.namespace === ns));
    syncDeployment({ ctx, client, d, rsList, pods: () => informer.pods(ctx).filter((p) => p.metadata.namespace === ns) });
  }
}

function ownedByReplicaSet(o: KubeObject): boolean {
  return controllerRef(o)?.kind === "ReplicaSet";
}

/** The deployments a changed ReplicaSet or pod (through its ReplicaSet) concerns. */
function deploymentsOf(ctx: ReconcileContext, o: KubeObject, resource: string, all: KubeObject[]): string[] {
  const selects = (d: KubeObject, rs: KubeObject) => selectorMatches(d.spec?.selector, rs.metadata.labels);
  if (resource === "apps/replicasets") return ownerKeys(o, "Deployment", all, selects);
  const ref = controllerRef(o);
  const rs = ref?.kind === "ReplicaSet" ? ctx.api.store.peek("apps/replicasets", o.metadata.namespace, ref.name) : undefined;
  return rs ? ownerKeys(rs, "Deployment", all, selects) : [];
}

/** ClaimReplicaSets: adopt orphans matching the selector, release owned ones that no longer match. */
function claimReplicaSets(client: Client, d: KubeObject, rss: KubeObject[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const rs of rss) {
    const ref = controllerRef(rs);
    const matches = selectorMatches(d.spec?.selector, rs.metadata.labels);
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue;
      if (matches || d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) { out.push(rs); continue; }
      const metadata = { ...rs.metadata, ownerReferences: (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid) };
      if (!metadata.ownerReferences.length) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
      tolerate(() => client.update({ ...rs, metadata }));
      continue;
    }
    if (!matches || d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
    const adopted = tolerate(() => client.update({ ...rs, metadata: { ...rs.metadata, ownerReferences: [...(rs.metadata.ownerReferences ?? []), ownerRefTo(d)] } }));
    if (adopted) out.push(adopted);
  }
  return out;
}

function syncDeployment(s: DeploymentSync): void {
  const d = s.d;
  const sel = d.spec?.selector;
  if (!sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) {
    // An empty selector selects everything: upstream refuses to act and only bumps observedGeneration.
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 1)) {
      emit(s.ctx, DEPLOYMENT_CONTROLLER, d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
      writeStatus(s, { ...(d.status ?? {}), observedGeneration: d.metadata.generation ?? 1 });
    }
    return;
  }
  if (d.metadata.deletionTimestamp) {
    syncStatusOnly(s);
    return;
  }
  if (checkPausedConditions(s)) return;
  if (d.spec?.paused || isScalingEvent(s)) {
    scaleDeployment(s);
    return;
  }
  if ((d.spec?.strategy?.type ?? "RollingUpdate") === "Recreate") rolloutRecreate(s);
  else rolloutRolling(s);
}

/** Splits the controlled ReplicaSets into the one matching the template (oldest first) and the rest. */
export function findNewAndOld(s: DeploymentSync): { newRS?: KubeObject; oldRSs: KubeObject[] } {
  const sorted = [...s.rsList].sort(byCreation);
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, s.d.spec?.template));
  return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) };
}

function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = findNewAndOld(s);
  const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => replicas(rs) > 0);
  return active.some((rs) => {
    const v = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return v !== undefined && parseInt(v, 10) !== replicas(s.d);
  });
}

function checkPausedConditions(s: DeploymentSync): boolean {
  const d = s.d;
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === "ProgressDeadlineExceeded") return false;
  const paused = !!d.spec?.paused;
  const status = structuredClone(d.status ?? {});
  if (paused && cond?.reason !== "DeploymentPaused") {
    setCondition(status, newCondition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", s.ctx.now()));
  } else if (!paused && cond?.reason === "DeploymentPaused") {
    setCondition(status, newCondition("Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", s.ctx.now()));
  } else return false;
  writeStatus(s, status);
  return true;
}

/**
 * getNewReplicaSet: syncs the revision of an existing new RS, or creates it when `create` is set.
 * Returns undefined when no new RS exists (yet).
 */
export function getNewReplicaSet(s: DeploymentSync, create: boolean): KubeObject | undefined {
  const d = s.d;
  const { newRS, oldRSs } = findNewAndOld(s);
  const newRevision = Math.max(0, ...oldRSs.map(revisionOf)) + 1;
  if (newRS) {
    // Shallow copies suffice: only annotations and minReadySeconds may change.
    const copy: KubeObject = { ...newRS, metadata: { ...newRS.metadata, annotations: { ...(newRS.metadata.annotations ?? {}) } }, spec: { ...newRS.spec } };
    const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true);
    const minReady = int(d.spec?.minReadySeconds, 0);
    if (annotationsChanged || int(copy.spec?.minReadySeconds, 0) !== minReady) {
      copy.spec.minReadySeconds = minReady;
      return replaceRS(s, s.client.update(copy));
    }
    setDeploymentRevision(s, copy.metadata.annotations?.[REVISION] ?? "");
    if (hasProgressDeadline(d) && !getCondition(d.status, "Progressing")) {
      const status = structuredClone(d.status ?? {});
      setCondition(status, newCondition("Progressing", "True", "FoundNewReplicaSet", `Found new replica set "${copy.metadata.name}"`, s.ctx.now()));
      writeStatus(s, status);
    }
    return newRS;
  }
  if (!create) return undefined;
  return createNewReplicaSet(s, oldRSs, newRevision);
}

function createNewReplicaSet(s: DeploymentSync, oldRSs: KubeObject[], newRevision: number): KubeObject | undefined {
  const d = s.d;
  const collisionCount: number | undefined = d.status?.collisionCount;
  const hash = computeHash(d.spec.template, collisionCount);
  const template = structuredClone(d.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), "pod-template-hash": hash } };
  const selector = structuredClone(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), "pod-template-hash": hash };
  const rs: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: template.metadata.labels, ownerReferences: [ownerRefTo(d)] },
    spec: { replicas: 0, minReadySeconds: int(d.spec?.minReadySeconds, 0), selector, template },
  };
  const want = newRSReplicas(d, [...oldRSs, rs], rs);
  rs.spec.replicas = want;
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  let created: KubeObject;
  try {
    created = s.client.create(rs);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 409) throw e;
    const existing = s.client.get("replicasets", d.metadata.namespace, rs.metadata.name!);
    if (existing && controllerRef(existing)?.uid === d.metadata.uid && equalIgnoreHash(existing.spec?.template, d.spec?.template)) return existing;
    // A hash collision: bump collisionCount so the next hash differs (upstream does the same).
    writeStatus(s, { ...(d.status ?? {}), collisionCount: (collisionCount ?? 0) + 1 });
    return undefined;
  }
  s.rsList = [...s.rsList, created];
  if (want > 0) emit(s.ctx, DEPLOYMENT_CONTROLLER, d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${created.metadata.name} from 0 to ${want}`);
  setDeploymentRevision(s, String(newRevision));
  if (hasProgressDeadline(d)) {
    const status = structuredClone(s.d.status ?? {});
    setCondition(status, newCondition("Progressing", "True", "NewReplicaSetCreated", `Created new replica set "${created.metadata.name}"`, s.ctx.now()));
    writeStatus(s, status);
  }
  return created;
}

/** NewRSNewReplicas. */
export function newRSReplicas(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject): number {
  if ((d.spec?.strategy?.type ?? "RollingUpdate") !== "RollingUpdate") return replicas(d);
  const current = sumReplicas(allRSs);
  const maxTotal = replicas(d) + maxSurge(d);
  if (current >= maxTotal) return replicas(newRS);
  const up = Math.min(maxTotal - current, replicas(d) - replicas(newRS));
  return replicas(newRS) + up;
}

function setDeploymentRevision(s: DeploymentSync, revision: string): void {
  if (!revision || s.d.metadata.annotations?.[REVISION] === revision) return;
  // Upstream writes the revision annotation through UpdateStatus: a status update may change a
  // deployment's annotations without bumping its generation (deploymentStatusStrategy).
  const updated = tolerate(() => s.client.updateStatus({ ...s.d, metadata: { ...s.d.metadata, annotations: { ...(s.d.metadata.annotations ?? {}), [REVISION]: revision } } }));
  if (updated) s.d = updated;
}

export function replaceRS(s: DeploymentSync, rs: KubeObject): KubeObject {
  s.rsList = s.rsList.map((x) => (x.metadata.uid === rs.metadata.uid ? rs : x));
  return rs;
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p === undefined || (typeof p === "number" && p < 2147483647);
}

export function writeStatus(s: DeploymentSync, status: Record<string, unknown>): void {
  if (jsonEqual(status, s.d.status ?? {})) return;
  const updated = tolerate(() => s.client.updateStatus({ ...s.d, status }));
  if (updated) s.d = updated;
}

/** calculateStatus. */
export function calculateStatus(s: DeploymentSync, allRSs: KubeObject[], newRS: KubeObject | undefined): Record<string, unknown> & { conditions?: DeploymentCondition[] } {
  const d = s.d;
  const available = sumStatus(allRSs, "availableReplicas");
  const total = sumReplicas(allRSs);
  const unavailable = Math.max(0, total - available);
  const status: Record<string, unknown> & { conditions?: DeploymentCondition[] } = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sumStatus(allRSs, "replicas"),
    updatedReplicas: newRS ? int(newRS.status?.replicas, 0) : 0,
    readyReplicas: sumStatus(allRSs, "readyReplicas"),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
    ...(d.status?.conditions ? { conditions: structuredClone(d.status.conditions) } : {}),
  };
  // Zero counts are omitted (omitempty), except replicas... which is omitempty for deployments too.
  for (const k of ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"]) if (status[k] === 0) delete status[k];
  if (available >= replicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", s.ctx.now()));
  } else {
    setCondition(status, newCondition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", s.ctx.now()));
  }
  return status;
}

function syncStatusOnly(s: DeploymentSync): void {
  const newRS = getNewReplicaSet(s, false);
  const { oldRSs } = findNewAndOld(s);
  writeStatus(s, calculateStatus(s, [...oldRSs, ...(newRS ? [newRS] : [])], newRS));
}

export { cleanupDeployment };
