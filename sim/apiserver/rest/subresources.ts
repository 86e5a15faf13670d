// Built-in subresources: status, scale (autoscaling/v1 Scale), pods/binding, pods/eviction and
// namespaces/finalize (pkg/registry/core/pod/storage, pkg/registry/apps/deployment/storage,
// pkg/registry/core/namespace/storage).

import { KINDS, type KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import type { ApiRequest, ApiResponse } from "../../core/api-types";
import { rfc3339 } from "../../core/duration";
import { badRequest, conflict, invalid, methodNotAllowed, notFound, pathNotFound } from "../errors";
import type { ApiServer, ParsedPath } from "../server";
import { gr } from "../server";
import { isObject } from "../patch/json-utils";
import { applyPatch, patchObject, patchTypeOf } from "./patch";
import { deleteObject, updateObject, type DeleteOptions, type WriteIo } from "./write";
import { cloneJson } from "../store";

const SCALE_KIND = { group: "autoscaling", kind: "Scale" };

function success(code: number): ApiResponse {
  return { status: code, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code } };
}

export function handleBuiltinSubresource(server: ApiServer, k: KindInfo, p: ParsedPath, req: ApiRequest & { query: Record<string, string> }, io: WriteIo = {}): ApiResponse {
  const name = p.name!;
  switch (p.subresource) {
    case "status":
      return statusSubresource(server, k, p.namespace, name, req, io);
    case "scale":
      return scaleSubresource(server, k, p.namespace, name, req);
    case "binding":
      if (req.method !== "POST") throw methodNotAllowed();
      return bindPod(server, p.namespace, name, req.body);
    case "eviction":
      if (req.method !== "POST") throw methodNotAllowed();
      deleteObject(server, k, p.namespace, name, (isObject(req.body) ? (req.body.deleteOptions as DeleteOptions) : undefined) ?? {}, req.query);
      return success(201);
    case "token":
      if (req.method !== "POST") throw methodNotAllowed();
      return { status: 201, body: issueToken(server, k, p.namespace, name, req.body) };
    case "finalize":
      if (req.method !== "PUT") throw methodNotAllowed();
      return { status: 200, body: finalizeNamespace(server, k, name, req.body, req.query) };
    default:
      throw pathNotFound();
  }
}

function statusSubresource(server: ApiServer, k: KindInfo, namespace: string | undefined, name: string, req: ApiRequest & { query: Record<string, string> }, io: WriteIo): ApiResponse {
  switch (req.method) {
    case "GET":
      return { status: 200, body: server.get(k, namespace, name) };
    case "PUT":
      return { status: 200, body: updateObject(server, k, namespace, name, req.body, { owned: io.owned, shared: io.shared, statusOnly: true, query: req.query }) };
    case "PATCH":
      return patchObject(server, k, namespace, name, req.body, req.contentType ?? "", req.query, "status");
    default:
      throw methodNotAllowed();
  }
}

/** metav1.FormatLabelSelector of a workload's selector, as Scale.status.selector carries it. */
function selectorString(selector: unknown): string {
  if (!isObject(selector)) return "";
  const isLabelSelector = "matchLabels" in selector || "matchExpressions" in selector;
  const parts: string[] = [];
  const labels = (isLabelSelector ? selector.matchLabels : selector) as Record<string, string> | undefined;
  for (const key of Object.keys(labels ?? {}).sort()) parts.push(`${key}=${labels![key]}`);
  if (isLabelSelector && Array.isArray(selector.matchExpressions)) {
    for (const e of selector.matchExpressions as { key: string; operator: string; values?: string[] }[]) {
      const values = [...(e.values ?? [])].sort().join(",");
      if (e.operator === "In") parts.push(`${e.key} in (${values})`);
      else if (e.operator === "NotIn") parts.push(`${e.key} notin (${values})`);
      else if (e.operator === "Exists") parts.push(e.key);
      else if (e.operator === "DoesNotExist") parts.push(`!${e.key}`);
    }
  }
  return parts.join(",");
}

export function scaleOf(o: KubeObject): KubeObject {
  const m = o.metadata;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector: selectorString(o.spec?.selector) },
  };
}

function scaleSubresource(server: ApiServer, k: KindInfo, namespace: string | undefined, name: string, req: ApiRequest & { query: Record<string, string> }): ApiResponse {
  const current = server.get(k, namespace, name);
  if (req.method === "GET") return { status: 200, body: scaleOf(current) };
  let scale: unknown;
  if (req.method === "PUT") scale = req.body;
  else if (req.method === "PATCH") scale = applyPatch("Scale", patchTypeOf(req.contentType ?? ""), scaleOf(current), req.body);
  else throw methodNotAllowed();
  if (!isObject(scale)) throw badRequest("the body of the request was in an unknown format");
  const spec = isObject(scale.spec) ? scale.spec : {};
  const replicas = spec.replicas ?? 0;
  if (typeof replicas !== "number" || !Number.isInteger(replicas)) throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  if (replicas < 0) throw invalid(SCALE_KIND, name, [{ reason: "FieldValueInvalid", field: "spec.replicas", message: `Invalid value: ${replicas}: must be greater than or equal to 0` }]);
  const meta = isObject(scale.metadata) ? scale.metadata : {};
  const rv = typeof meta.resourceVersion === "string" ? meta.resourceVersion : "";
  if (rv && rv !== current.metadata.resourceVersion) throw conflict(k, name, "the object has been modified; please apply your changes to the latest version and try again");
  const next = structuredClone(current);
  next.spec = { ...(next.spec ?? {}), replicas };
  const updated = updateObject(server, k, namespace, name, next, { statusOnly: false, query: req.query });
  return { status: 200, body: scaleOf(updated) };
}

const PODS = KINDS.find((k) => k.resource === "pods")!;

function bindPod(server: ApiServer, namespace: string | undefined, name: string, body: unknown): ApiResponse {
  const target = isObject(body) && isObject(body.target) ? body.target : undefined;
  const node = typeof target?.name === "string" ? target.name : "";
  const pod = server.store.get(gr(PODS), namespace, name);
  if (!pod) throw notFound(PODS, name);
  const bindingRes = { ...PODS, resource: "pods/binding" };
  if (!node) throw invalid({ group: "", kind: "Binding" }, name, [{ reason: "FieldValueRequired", field: "target.name", message: "Required value" }]);
  if (pod.metadata.deletionTimestamp) throw conflict(bindingRes, name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName) throw conflict(bindingRes, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  pod.spec = { ...(pod.spec ?? {}), nodeName: node };
  const bindingAnnotations = isObject(body) && isObject(body.metadata) && isObject(body.metadata.annotations) ? (body.metadata.annotations as Record<string, string>) : undefined;
  if (bindingAnnotations) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), ...bindingAnnotations };
  const conditions: Record<string, unknown>[] = [...(pod.status?.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === "PodScheduled");
  const scheduled = { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(server.clock.now()) };
  if (i >= 0) conditions[i] = conditions[i].status === "True" ? conditions[i] : scheduled;
  else conditions.push(scheduled);
  pod.status = { ...(pod.status ?? {}), conditions };
  server.store.put(gr(PODS), pod, "MODIFIED");
  return success(201);
}

function finalizeNamespace(server: ApiServer, k: KindInfo, name: string, body: unknown, query: Record<string, string>): KubeObject {
  if (!isObject(body)) throw badRequest("the body of the request was in an unknown format");
  const old = server.get(k, undefined, name);
  const meta = isObject(body.metadata) ? body.metadata : {};
  if (typeof meta.resourceVersion === "string" && meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(k, name, "the object has been modified; please apply your changes to the latest version and try again");
  }
  const spec = isObject(body.spec) ? body.spec : {};
  const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers.map(String) : [];
  const next = structuredClone(old);
  next.spec = { ...(next.spec ?? {}), finalizers };
  if (query.dryRun === "All") return next;
  if (next.metadata.deletionTimestamp && finalizers.length === 0 && (next.metadata.finalizers?.length ?? 0) === 0) {
    return cloneJson(server.store.remove(gr(k), undefined, name)!);
  }
  return cloneJson(server.store.put(gr(k), next, "MODIFIED"));
}


function base64url(s: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const ISSUER = "https://kubernetes.default.svc.cluster.local";

/** serviceaccounts/token (TokenRequest): a JWT shaped like the API server's bound tokens. */
function issueToken(server: ApiServer, k: KindInfo, namespace: string | undefined, name: string, body: unknown): KubeObject {
  const sa = server.get(k, namespace, name);
  const spec = isObject(body) && isObject(body.spec) ? body.spec : {};
  const expirationSeconds = typeof spec.expirationSeconds === "number" ? spec.expirationSeconds : 3600;
  if (expirationSeconds < 600) {
    throw invalid({ group: "authentication.k8s.io", kind: "TokenRequest" }, name, [{ reason: "FieldValueInvalid", field: "spec.expirationSeconds", message: `Invalid value: ${expirationSeconds}: may not specify a duration less than 10 minutes` }]);
  }
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length ? spec.audiences.map(String) : [ISSUER];
  const iat = Math.floor(server.clock.now() / 1000);
  const exp = iat + expirationSeconds;
  const prng = server.prng;
  const header = { alg: "RS256", kid: prng.string(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") };
  const payload = {
    aud: audiences,
    exp,
    iat,
    iss: ISSUER,
    jti: prng.uuid(),
    "kubernetes.io": { namespace, serviceaccount: { name, uid: sa.metadata.uid } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  const signature = prng.string(342, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
  return {
    kind: "TokenRequest",
    apiVersion: "authentication.k8s.io/v1",
    metadata: { name, namespace },
    spec: { audiences, expirationSeconds, boundObjectRef: null },
    status: { token: `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${signature}`, expirationTimestamp: rfc3339(exp * 1000) },
  };
}
