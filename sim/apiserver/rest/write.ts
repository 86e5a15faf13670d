// Create, update and delete as the generic registry store does them
// (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go, rest/create.go,
// rest/update.go, rest/delete.go) plus the NamespaceLifecycle admission checks.

import { groupVersion, KINDS, type KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import type { KindStrategy } from "../../api/strategy";
import { LIMIT_MESSAGES, LIMITS } from "../../core/limits";
import { rfc3339 } from "../../core/duration";
import { validateObjectMetaUpdate } from "../../api/validation/meta";
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound, statusError } from "../errors";
import type { ApiServer } from "../server";
import { gr } from "../server";
import { objectFilter } from "../selectors";
import { cloneJson, jsonEqual } from "../store";
import { decodeError, pruneUnknownFields } from "../../api/schema/strict-decode";

export interface DeleteOptions {
  kind?: string;
  apiVersion?: string;
  gracePeriodSeconds?: number;
  propagationPolicy?: "Foreground" | "Background" | "Orphan";
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

const NAMESPACE_KIND = KINDS.find((k) => k.resource === "namespaces")!;
const PROPAGATION_POLICIES: string[] = ["Foreground", "Background", "Orphan"];
/** Namespaces the NamespaceLifecycle admission plugin never lets go. */
const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];

/** How a write treats the body it is given and the object it answers with. */
export interface WriteIo {
  /** The body is this write's own (the API server's sanitized copy of a request body): no defensive copy. */
  owned?: boolean;
  /** The caller only reads the answer: the stored object itself (frozen), not a copy. */
  shared?: boolean;
}

/** The answer of a write: the stored (frozen) object, copied unless the caller only reads it. */
function answer(o: KubeObject, io: WriteIo): KubeObject {
  return io.shared ? o : cloneJson(o);
}

function isDryRun(query: Record<string, string>): boolean {
  return query.dryRun === "All";
}

function requireObject(body: unknown): KubeObject {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
  const obj = body as KubeObject;
  if (obj.metadata === undefined || obj.metadata === null) return { ...obj, metadata: {} };
  if (typeof obj.metadata !== "object" || Array.isArray(obj.metadata)) throw badRequest("the body of the request was in an unknown format");
  return obj;
}

/** Decoding errors (wrong JSON types; unknown fields with fieldValidation=Strict). Only checked
 *  when the client sent fieldValidation, as kubectl does for user manifests; in-process
 *  controllers are trusted. */
function checkDecoding(k: KindInfo, obj: KubeObject, query: Record<string, string>): void {
  const mode = query.fieldValidation;
  if (mode === undefined) return;
  const err = decodeError(k.kind, obj, mode === "Strict");
  if (err) throw badRequest(`${k.kind} in version "${k.version}" cannot be handled as a ${k.kind}: ${err}`);
  pruneUnknownFields(k.kind, obj);
}

function hasStatusSubresource(k: KindInfo, s: KindStrategy): boolean {
  return s.statusSubresource ?? k.subresources.includes("status");
}

/** NamespaceLifecycle: the namespace must exist and must not be terminating. */
function admitNamespace(server: ApiServer, k: KindInfo, namespace: string, name: string): void {
  const ns = server.store.peek(gr(NAMESPACE_KIND), undefined, namespace);
  if (!ns) throw notFound(NAMESPACE_KIND, namespace);
  if (ns.metadata.deletionTimestamp || ns.status?.phase === "Terminating") {
    throw forbidden(k, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}

/** The sandbox's replica limit, for kinds whose spec.replicas makes pods. */
function checkReplicas(k: KindInfo, obj: KubeObject): void {
  const r = obj.spec?.replicas;
  if (typeof r === "number" && r > LIMITS.replicasPerWorkload && ["deployments", "replicasets", "replicationcontrollers"].includes(k.resource)) {
    throw forbidden(k, obj.metadata.name ?? "", LIMIT_MESSAGES.replicasPerWorkload);
  }
}

/** The metadata fields an update takes from the stored object, in the order they are added. */
const SYSTEM_METADATA = ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion"];
const IS_SYSTEM_METADATA = new Set(SYSTEM_METADATA);

/**
 * The body's metadata with the system fields of the stored one: the body's keys in their order
 * (system fields with the stored values), then the stored system fields the body lacks, without
 * undefined values. (Built key by key: deleting keys would make a slow dictionary object.)
 */
function systemMetadata(body: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  const m: Record<string, unknown> = {};
  for (const key in body) {
    const v = IS_SYSTEM_METADATA.has(key) ? stored[key] : body[key];
    if (v === undefined) continue;
    if (key === "__proto__") Object.defineProperty(m, key, { value: v, enumerable: true, writable: true, configurable: true });
    else m[key] = v;
  }
  for (const key of SYSTEM_METADATA) if (stored[key] !== undefined && !Object.prototype.hasOwnProperty.call(body, key)) m[key] = stored[key];
  return m;
}

export function createObject(server: ApiServer, k: KindInfo, namespace: string | undefined, body: unknown, query: Record<string, string>, io: WriteIo = {}): KubeObject {
  const obj = requireObject(io.owned ? body : cloneJson(body));
  checkDecoding(k, obj, query);
  const s = server.strategy(k);
  const gv = groupVersion(k);
  if (obj.apiVersion !== undefined && obj.kind !== undefined && (obj.apiVersion !== gv || obj.kind !== k.kind)) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${gv})`);
  }
  obj.apiVersion = gv;
  obj.kind = k.kind;
  const meta = obj.metadata;
  if (k.namespaced) {
    if (meta.namespace && namespace && meta.namespace !== namespace) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    meta.namespace = namespace ?? meta.namespace ?? "default";
  } else delete meta.namespace;
  if (meta.resourceVersion) throw badRequest("resourceVersion should not be set on objects to be created");
  if (!meta.name && meta.generateName) meta.name = meta.generateName + server.prng.string(5);
  const name = meta.name ?? "";
  if (k.namespaced) admitNamespace(server, k, meta.namespace!, name);
  if (server.store.size >= LIMITS.objectsPerSandbox) throw forbidden(k, name, LIMIT_MESSAGES.objectsPerSandbox);
  checkReplicas(k, obj);
  const ctx = server.strategyContext();
  // System fields (rest.FillObjectMetaSystemFields, BeforeCreate).
  meta.uid = server.prng.uuid();
  meta.creationTimestamp = rfc3339(server.clock.now());
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  if (s.tracksGeneration) meta.generation = 1;
  else delete meta.generation;
  if (hasStatusSubresource(k, s)) {
    const st = s.initialStatus ? s.initialStatus(obj) : undefined;
    if (st === undefined) delete obj.status;
    else obj.status = st;
  }
  s.applyDefaults?.(obj);
  const causes = [...(s.prepareForCreate?.(obj, ctx) ?? []), ...(s.validateCreate?.(obj, ctx) ?? [])];
  if (causes.length) throw invalid(k, name, causes);
  if (server.store.has(gr(k), meta.namespace, name)) throw alreadyExists(k, name);
  if (isDryRun(query)) return obj;
  return answer(server.store.put(gr(k), obj, "ADDED"), io);
}

export interface UpdateOptions extends WriteIo {
  statusOnly: boolean;
  query: Record<string, string>;
}

/**
 * The object an update proposes: the body with the system fields and (for a main-resource update)
 * the status of the stored one. A status update keeps the stored spec (and metadata it resets)
 * as they are (frozen, shared): nothing changes them on that path.
 */
function proposed(k: KindInfo, s: KindStrategy, old: KubeObject, obj: KubeObject, statusOnly: boolean, inPlace: boolean): KubeObject {
  // `inPlace`: obj is this write's own (its top level at least): no copy of it.
  const next: KubeObject = inPlace ? obj : { ...obj };
  next.apiVersion = old.apiVersion;
  next.kind = old.kind;
  next.metadata = systemMetadata(obj.metadata, old.metadata);
  const m = next.metadata;
  const o = old.metadata;
  if (statusOnly) {
    // The status strategies (PrepareForUpdate of */status) keep the spec; metadata such as
    // annotations may change (the deployment controller writes its revision annotation this way).
    if (old.spec === undefined) delete next.spec;
    else next.spec = old.spec;
    for (const key of s.statusResetsMetadata ?? []) {
      if (o[key] === undefined) delete m[key];
      else m[key] = o[key];
    }
    return next;
  }
  if (hasStatusSubresource(k, s)) {
    if (old.status === undefined) delete next.status;
    else next.status = cloneJson(old.status);
  }
  return next;
}

function bumpGeneration(s: KindStrategy, next: KubeObject, old: KubeObject): void {
  if (!s.tracksGeneration) return;
  const specChanged = !jsonEqual(next.spec, old.spec);
  const annotationsChanged = s.annotationsBumpGeneration === true && !jsonEqual(next.metadata.annotations ?? {}, old.metadata.annotations ?? {});
  next.metadata.generation = (old.metadata.generation ?? 1) + (specChanged || annotationsChanged ? 1 : 0);
}

/** Whether an update completes a pending deletion (the last finalizer went away). */
function completesDeletion(k: KindInfo, next: KubeObject): boolean {
  const m = next.metadata;
  if (!m.deletionTimestamp || (m.finalizers?.length ?? 0) > 0) return false;
  if (k.resource === "namespaces") return (next.spec?.finalizers?.length ?? 0) === 0;
  return m.deletionGracePeriodSeconds === 0;
}

export function updateObject(server: ApiServer, k: KindInfo, namespace: string | undefined, name: string, body: unknown, opts: UpdateOptions): KubeObject {
  // Without defaulting or PrepareForUpdate (a status update runs neither, nor do some kinds) an
  // update changes nothing inside the body (proposed() copies the top levels it changes, put()
  // copies what it stores), unless unknown fields are to be pruned: no copy needed.
  const s = server.strategy(k);
  const keepsBody = opts.owned || (opts.query.fieldValidation === undefined && (opts.statusOnly || (!s.applyDefaults && !s.prepareForUpdate)));
  const obj = requireObject(keepsBody ? body : cloneJson(body));
  checkDecoding(k, obj, opts.query);
  if ((obj.metadata.name ?? "") !== name) throw badRequest(`the name of the object (${obj.metadata.name ?? ""}) does not match the name on the URL (${name})`);
  if (k.namespaced && obj.metadata.namespace && obj.metadata.namespace !== namespace) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  const old = server.peek(k, namespace, name);
  const rv = obj.metadata.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw conflict(k, name, "the object has been modified; please apply your changes to the latest version and try again");
  const next = proposed(k, s, old, obj, opts.statusOnly, !keepsBody || opts.owned === true);
  const ctx = server.strategyContext();
  if (!opts.statusOnly) {
    checkReplicas(k, next);
    s.applyDefaults?.(next);
    const added = (next.metadata.finalizers ?? []).filter((f: string) => !(old.metadata.finalizers ?? []).includes(f));
    const causes = [...(s.prepareForUpdate?.(next, old, ctx) ?? []), ...validateObjectMetaUpdate(next, old), ...(s.validateUpdate?.(next, old, ctx) ?? [])];
    if (old.metadata.deletionTimestamp && added.length) causes.push({ reason: "FieldValueForbidden", field: "metadata.finalizers", message: "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{" + added.map((f: string) => JSON.stringify(f)).join(", ") + "}" });
    if (causes.length) throw invalid(k, name, causes);
    bumpGeneration(s, next, old);
  }
  if (jsonEqual(next, old)) return answer(old, opts); // a no-op update writes nothing (jsonEqual: canonical JSON equality)
  if (isDryRun(opts.query)) return opts.shared ? next : cloneJson(next);
  if (completesDeletion(k, next)) {
    const removed = server.store.remove(gr(k), k.namespaced ? namespace : undefined, name)!;
    s.onDelete?.(removed, ctx);
    return answer(removed, opts);
  }
  // next.metadata is systemMetadata's, made for this write.
  return answer(server.store.put(gr(k), next, "MODIFIED", { ownMetadata: true }), opts);
}

function checkPreconditions(k: KindInfo, old: KubeObject, pre: DeleteOptions["preconditions"]): void {
  if (!pre) return;
  const name = old.metadata.name ?? "";
  if (pre.uid && pre.uid !== old.metadata.uid) throw conflict(k, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
  if (pre.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) throw conflict(k, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
}

function deleteNamespace(server: ApiServer, k: KindInfo, old: KubeObject, dryRun: boolean, io: WriteIo): KubeObject {
  const name = old.metadata.name!;
  if (IMMORTAL_NAMESPACES.includes(name)) throw forbidden(k, name, "this namespace may not be deleted");
  if (old.metadata.deletionTimestamp) {
    throw conflict(k, name, "The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.");
  }
  const next = cloneJson(old);
  next.metadata.deletionTimestamp = rfc3339(server.clock.now());
  next.status = { ...(next.status ?? {}), phase: "Terminating" };
  if (dryRun) return next;
  if ((old.spec?.finalizers?.length ?? 0) === 0 && (old.metadata.finalizers?.length ?? 0) === 0) {
    return answer(server.store.remove(gr(k), undefined, name)!, io);
  }
  return answer(server.store.put(gr(k), next, "MODIFIED"), io);
}

/** The grace period a pod deletion gets (pkg/registry/core/pod/strategy.go CheckGracefulDelete). */
function podGracePeriod(pod: KubeObject, opts: DeleteOptions): number {
  let grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (!pod.spec?.nodeName) grace = 0;
  const phase = pod.status?.phase;
  if (phase === "Failed" || phase === "Succeeded") grace = 0;
  if (grace < 0) grace = 1;
  return grace;
}

export function deleteObject(server: ApiServer, k: KindInfo, namespace: string | undefined, name: string, opts: DeleteOptions, query: Record<string, string>, io: WriteIo = {}): KubeObject {
  const old = server.peek(k, namespace, name);
  checkPreconditions(k, old, opts.preconditions);
  const dryRun = isDryRun(query) || (opts.dryRun ?? []).includes("All");
  if (k.resource === "namespaces") return deleteNamespace(server, k, old, dryRun, io);
  if (opts.gracePeriodSeconds !== undefined && (!Number.isInteger(opts.gracePeriodSeconds))) throw badRequest(`invalid gracePeriodSeconds: ${String(opts.gracePeriodSeconds)}`);
  const policy = opts.propagationPolicy ?? (opts.orphanDependents === true ? "Orphan" : "Background");
  if (!PROPAGATION_POLICIES.includes(policy)) {
    throw statusError(422, "Invalid", `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  const finalizers: string[] = [...(old.metadata.finalizers ?? [])];
  const wanted = policy === "Foreground" ? "foregroundDeletion" : policy === "Orphan" ? "orphan" : undefined;
  if (wanted && !finalizers.includes(wanted)) finalizers.push(wanted);
  if (opts.propagationPolicy || opts.orphanDependents !== undefined) {
    // An explicit policy replaces the other GC finalizer (store.go deletionFinalizersForGarbageCollection).
    for (const f of ["foregroundDeletion", "orphan"]) if (f !== wanted && finalizers.includes(f)) finalizers.splice(finalizers.indexOf(f), 1);
  }
  const now = server.clock.now();
  const grace = k.resource === "pods" ? podGracePeriod(old, opts) : 0;
  if (finalizers.length === 0 && grace === 0) {
    if (dryRun) return answer(old, io);
    const removed = server.store.remove(gr(k), k.namespaced ? namespace : undefined, name)!;
    server.strategy(k).onDelete?.(removed, server.strategyContext());
    return answer(removed, io);
  }
  // Graceful or finalized deletion: mark the object and leave it to the kubelet / the finalizers' owners.
  const next = cloneJson(old);
  const m = next.metadata;
  const pendingGrace = m.deletionGracePeriodSeconds;
  const shorter = !m.deletionTimestamp || pendingGrace === undefined || grace < pendingGrace;
  if (m.deletionTimestamp && !shorter && jsonEqual(finalizers, m.finalizers ?? [])) return answer(old, io);
  if (shorter) {
    m.deletionTimestamp = rfc3339(now + grace * 1000);
    m.deletionGracePeriodSeconds = grace;
  }
  if (finalizers.length) m.finalizers = finalizers;
  if (typeof m.generation === "number" && m.generation > 0 && !old.metadata.deletionTimestamp) m.generation += 1;
  if (dryRun) return next;
  return answer(server.store.put(gr(k), next, "MODIFIED"), io);
}

export function deleteCollection(server: ApiServer, k: KindInfo, namespace: string | undefined, opts: DeleteOptions, query: Record<string, string>): KubeObject {
  const matches = objectFilter(k, query);
  const targets = server.store.list(gr(k), k.namespaced ? namespace : undefined).filter(matches);
  const items: KubeObject[] = [];
  for (const t of targets) {
    try {
      items.push(deleteObject(server, k, t.metadata.namespace, t.metadata.name!, opts, query));
    } catch {
      // Objects gone or refusing deletion (immortal namespaces) are skipped, as deletecollection does.
    }
  }
  return { apiVersion: groupVersion(k), kind: `${k.kind}List`, metadata: { resourceVersion: String(server.store.currentRv()) }, items };
}
