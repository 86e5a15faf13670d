// A typed convenience over ApiServer.handle for in-process clients (controllers, scheduler,
// kubelets, graders). Every call goes through the API server's request handling, so its
// defaulting, validation and errors apply to everyone alike; the cluster's own components
// (whose requester offers `resolved`) skip only the routing of the path they built.

import type { ApiRequest, ApiResponse, HttpMethod, Status } from "../core/api-types";
import { groupVersion, kindByKind, KINDS, type KindInfo } from "../api/kinds";
import type { KubeList, KubeObject } from "../api/types";
import { ApiError } from "./errors";
import type { ParsedPath } from "./server";

export interface Requester {
  request(req: ApiRequest): ApiResponse;
  /**
   * The same request with its path already resolved (ApiServer.handleResolved): offered by the
   * reconcile contexts of the cluster's components only (WriteOptions say what `io` means).
   */
  resolved?(k: KindInfo, p: ParsedPath, req: ApiRequest, io: WriteOptions): ApiResponse;
}

export function resourcePath(k: KindInfo, namespace?: string, name?: string, subresource?: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const ns = k.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const n = name !== undefined ? `/${encodeURIComponent(name)}` : "";
  return `${base}${ns}/${k.resource}${n}${subresource ? `/${subresource}` : ""}`;
}

const BY_RESOURCE = new Map<string, KindInfo>();
for (const k of KINDS) if (!BY_RESOURCE.has(k.resource)) BY_RESOURCE.set(k.resource, k);

function kindFor(resource: string): KindInfo {
  const k = BY_RESOURCE.get(resource);
  if (!k) throw new Error(`unknown resource ${resource}`);
  return k;
}

/**
 * Whether a name or namespace survives the path round trip unchanged (encodeURIComponent, then
 * split on "/" and decoded): not empty (an empty segment vanishes from the path). Others take
 * the path, as before.
 */
function plainSegment(s: string | undefined): boolean {
  return s === undefined || s.length > 0;
}

function unwrap<T>(res: ApiResponse): T {
  if (res.status >= 400) throw new ApiError(res.body as Status);
  return res.body as T;
}

export interface WriteOptions {
  /** The answer may be the stored object (frozen), not a copy: the caller only reads it. */
  shared?: boolean;
  /** The body was built for this call alone (nothing frozen in it): the server may change it instead of copying it. */
  owned?: boolean;
}

const NO_OPTIONS: WriteOptions = {};
const SHARED: WriteOptions = { shared: true };

export class Client {
  constructor(private readonly api: Requester, private readonly userAgent = "kube-controller-manager") {}

  /** undefined when the object does not exist. */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const res = this.send(kindFor(resource), "GET", namespace, name);
    if (res.status === 404) return undefined;
    return unwrap<KubeObject>(res);
  }

  list(resource: string, namespace?: string, query?: Record<string, string>): KubeObject[] {
    const res = this.send(kindFor(resource), "GET", namespace, undefined, undefined, query);
    return unwrap<KubeList>(res).items;
  }

  // `opts.shared`: the caller only reads the answer (or ignores it), so it may be the stored
  // object itself (frozen: do not change it) instead of a copy.
  create(obj: KubeObject, opts?: WriteOptions): KubeObject {
    return unwrap(this.send(this.kindOf(obj), "POST", obj.metadata.namespace, undefined, undefined, undefined, obj, undefined, this.userAgent, opts));
  }

  update(obj: KubeObject, opts?: WriteOptions): KubeObject {
    return unwrap(this.send(this.kindOf(obj), "PUT", obj.metadata.namespace, obj.metadata.name, undefined, undefined, obj, undefined, this.userAgent, opts));
  }

  updateStatus(obj: KubeObject, opts?: WriteOptions): KubeObject {
    return unwrap(this.send(this.kindOf(obj), "PUT", obj.metadata.namespace, obj.metadata.name, "status", undefined, obj, undefined, this.userAgent, opts));
  }

  patch(resource: string, namespace: string | undefined, name: string, patch: unknown, contentType = "application/merge-patch+json", subresource?: string): KubeObject {
    return unwrap(this.send(kindFor(resource), "PATCH", namespace, name, subresource, undefined, patch, contentType, this.userAgent));
  }

  /** Returns false when the object was already gone. */
  delete(resource: string, namespace: string | undefined, name: string, options?: { gracePeriodSeconds?: number; propagationPolicy?: "Foreground" | "Background" | "Orphan"; preconditions?: { uid?: string } }): boolean {
    const body = options ? { kind: "DeleteOptions", apiVersion: "v1", ...options } : undefined;
    // The answer is not read: the deleted object need not be copied.
    const res = this.send(kindFor(resource), "DELETE", namespace, name, undefined, undefined, body, undefined, this.userAgent, SHARED);
    if (res.status === 404) return false;
    unwrap(res);
    return true;
  }

  /**
   * Every call builds its request and parsed path with the same fields in the same order (absent
   * ones undefined): objects of one shape keep the server's request handling optimized by V8,
   * where a request of a shape not seen before (a first DELETE, say) deoptimizes it.
   */
  private send(
    k: KindInfo, method: HttpMethod, namespace: string | undefined, name?: string, subresource?: string,
    query?: Record<string, string>, body?: unknown, contentType?: string, userAgent?: string, io: WriteOptions = NO_OPTIONS,
  ): ApiResponse {
    const req: ApiRequest = { method, path: resourcePath(k, namespace, name, subresource), query, body, contentType, userAgent };
    if (!this.api.resolved || !plainSegment(namespace) || !plainSegment(name) || subresource === "") return this.api.request(req);
    const p: ParsedPath = { group: k.group, version: k.version, namespace: k.namespaced && namespace ? namespace : undefined, resource: k.resource, name, subresource };
    return this.api.resolved(k, p, req, io);
  }

  private kindOf(obj: KubeObject): KindInfo {
    const k = kindByKind(obj.apiVersion, obj.kind);
    if (!k) throw new Error(`unknown kind ${obj.apiVersion} ${obj.kind}`);
    return k;
  }
}

export { groupVersion };
