// Helpers shared by the controllers (pkg/controller/controller_utils.go, apimachinery labels).

import type { KubeObject, OwnerReference } from "../api/types";
import type { ReconcileContext, ResourceChange } from "../cluster";
import { Client } from "../apiserver/client";
import { recordSafely as recordEvent } from "../scheduler/record";
import { K8S_ALPHANUMS } from "../core/prng";

export function clientFor(ctx: ReconcileContext, userAgent?: string): Client {
  return new Client(ctx, userAgent);
}

export { cachedList, informer } from "./informer";

export function emit(ctx: ReconcileContext, component: string, obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string): void {
  recordEvent(clientFor(ctx, component), ctx.prng, ctx.now(), obj, type, reason, message, { component });
}

export { selectorMatches, mapSelectorMatches, type LabelSelector } from "../scheduler/labels";

/**
 * A MODIFIED change that only touched the object's status: the same stored spec (status writes
 * keep it), the same metadata values but the resourceVersion, the same other fields.
 */
export function statusOnlyChange(c: ResourceChange): boolean {
  const p = c.previous;
  if (c.type !== "MODIFIED" || !p) return false;
  const o = c.object as Record<string, unknown>;
  const prev = p as Record<string, unknown>;
  let n = 0;
  for (const k in o) {
    if (k === "status") continue;
    n++;
    if (k === "metadata") continue;
    if (o[k] !== prev[k]) return false;
  }
  for (const k in prev) if (k !== "status" && --n < 0) return false;
  if (n !== 0) return false;
  const om = c.object.metadata as Record<string, unknown>;
  const pm = p.metadata as Record<string, unknown>;
  let m = 0;
  for (const k in om) {
    if (k === "resourceVersion") continue;
    m++;
    if (om[k] !== pm[k]) return false;
  }
  for (const k in pm) if (k !== "resourceVersion" && --m < 0) return false;
  return m === 0;
}

export function objectKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}

/**
 * The objects of `ownerResource` (namespace/name keys) a sync has to look at: those changed since
 * the previous sync and those `related` maps another changed object to (before and after a
 * change). undefined when that is unknown (first sync, after a restore, the watch log no longer
 * reaching back) or a change of a resource in `everyOn` concerns them all: then look at all.
 */
export function changedKeys(ctx: ReconcileContext, ownerResource: string, related: (o: KubeObject, c: ResourceChange) => Iterable<string>, everyOn: string[] = []): Set<string> | undefined {
  const changes = ctx.changes();
  if (!changes) return undefined;
  const out = new Set<string>();
  for (const c of changes) {
    if (everyOn.includes(c.resource)) return undefined;
    if (c.resource === ownerResource) out.add(objectKey(c.object));
    else {
      for (const k of related(c.object, c)) out.add(k);
      if (c.previous) for (const k of related(c.previous, c)) out.add(k);
    }
  }
  return out;
}

/**
 * The keys of the owners of `kind` a dependent belongs to: its controller if it has one (of that
 * kind), else those of `candidates` in its namespace whose selector matches it (adoption).
 */
export function ownerKeys(o: KubeObject, kind: string, candidates: KubeObject[], selects: (owner: KubeObject, o: KubeObject) => boolean): string[] {
  const ref = controllerRef(o);
  const ns = o.metadata.namespace ?? "";
  if (ref) return ref.kind === kind ? [`${ns}/${ref.name}`] : [];
  return candidates.filter((c) => c.metadata.namespace === ns && selects(c, o)).map(objectKey);
}

/**
 * Reconciler.concerns for a controller whose sync looks only at the owners changedKeys maps its
 * changes to, pods through ownerKeys(pod, kind, owners, selects): a pod change concerns it when
 * the pod, before or after it, has such an owner; any other watched change does.
 */
export function podOwnersConcern(kind: string, owners: (ctx: ReconcileContext) => KubeObject[], selects: (owner: KubeObject, o: KubeObject) => boolean): (c: ResourceChange, ctx: ReconcileContext) => boolean {
  const has = (o: KubeObject, ctx: ReconcileContext): boolean => {
    const ref = controllerRef(o);
    if (ref) return ref.kind === kind;
    const ns = o.metadata.namespace ?? "";
    return owners(ctx).some((c) => c.metadata.namespace === ns && selects(c, o));
  };
  return (c, ctx) => c.resource !== "/pods" || has(c.object, ctx) || (c.previous !== undefined && has(c.previous, ctx));
}

export function controllerRef(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function isTerminating(o: KubeObject): boolean {
  return !!o.metadata.deletionTimestamp;
}

/** controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(p: KubeObject): boolean {
  const phase = p.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !p.metadata.deletionTimestamp;
}

export function podCondition(p: KubeObject, type: string): { status: string; lastTransitionTime?: string } | undefined {
  return (p.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
}

export function isPodReady(p: KubeObject): boolean {
  return podCondition(p, "Ready")?.status === "True";
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(p: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const c = podCondition(p, "Ready");
  if (c?.status !== "True") return false;
  if (!minReadySeconds) return true;
  const since = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : nowMs;
  return since + minReadySeconds * 1000 <= nowMs;
}

/** Milliseconds until a ready pod becomes available, or undefined if it never will without change. */
export function msUntilAvailable(p: KubeObject, minReadySeconds: number, nowMs: number): number | undefined {
  const c = podCondition(p, "Ready");
  if (c?.status !== "True" || !minReadySeconds || !c.lastTransitionTime) return undefined;
  const left = Date.parse(c.lastTransitionTime) + minReadySeconds * 1000 - nowMs;
  return left > 0 ? left : undefined;
}

/** Recursively key-sorted JSON, the canonical form we hash. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

/** FNV-1a 32-bit over the UTF-8 bytes of a string. */
export function fnv32a(s: string, extra?: Uint8Array): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(s);
  const all = extra ? [bytes, extra] : [bytes];
  for (const arr of all) {
    for (const b of arr) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte picks from the k8s alphabet (no vowels), as hash labels look. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += K8S_ALPHANUMS[s.charCodeAt(i) % K8S_ALPHANUMS.length];
  return out;
}

/**
 * controller.ComputeHash: FNV-32a of the pod template (upstream hashes a spew dump of the Go
 * struct; we hash canonical JSON, so values differ but have the same shape), plus the collision
 * count as 8 little-endian bytes, rendered as SafeEncodeString of the decimal sum.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let extra: Uint8Array | undefined;
  if (collisionCount !== undefined && collisionCount !== null) {
    extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
  }
  return safeEncodeString(String(fnv32a(canonicalJson(template), extra)));
}

/** The canonical form of a template without its pod-template-hash label, memoized per object. */
const strippedCache = new WeakMap<object, string>();

function strippedTemplate(t: KubeObject["spec"]): string {
  if (t && typeof t === "object") {
    const hit = strippedCache.get(t);
    if (hit !== undefined) return hit;
  }
  const c = structuredClone(t ?? {});
  if (c.metadata?.labels) {
    delete c.metadata.labels["pod-template-hash"];
    if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
  }
  if (c.metadata && Object.keys(c.metadata).length === 0) delete c.metadata;
  const out = canonicalJson(c);
  if (t && typeof t === "object") strippedCache.set(t, out);
  return out;
}

/** Template equality ignoring the pod-template-hash label (deploymentutil.EqualIgnoreHash). */
export function equalIgnoreHash(a: KubeObject["spec"], b: KubeObject["spec"]): boolean {
  return strippedTemplate(a) === strippedTemplate(b);
}

export function int(v: unknown, dflt: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : dflt;
}

/** Tolerates a failed write that lost a race (conflict / not found); other errors propagate. */
export function tolerate<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    const code = (e as { code?: number }).code;
    if (code === 404 || code === 409) return undefined;
    throw e;
  }
}
