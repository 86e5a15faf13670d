// The in-process API server: REST-shaped requests in, API objects, Tables or Status errors out.
// Every client (controllers, scheduler, kubelets, kubectl, graders, the HTTP test adapter) uses
// handle(); defaulting, validation and admission happen here, once.

import type { ApiRequest, ApiResponse } from "../core/api-types";
import type { Clock } from "../core/clock";
import type { Prng } from "../core/prng";
import { LIMIT_MESSAGES, LIMITS, LimitError } from "../core/limits";
import { groupVersion, kindByResource, type KindInfo } from "../api/kinds";
import type { KubeObject } from "../api/types";
import type { KindStrategy, StrategyContext } from "../api/strategy";
import { StrategyError } from "../api/strategy";
import { ApiError, badRequest, methodNotAllowed, notFound, pathNotFound, statusError } from "./errors";
import { Store, type StoreState } from "./store";
import { discoveryDocument, isDiscoveryPath } from "./discovery";
import { asTable, wantsTable } from "./table";
import { isWatchRequest, watchEvents } from "./watch";
import { objectFilter } from "./selectors";
import { isOpenApiPath, openApiDocument } from "./openapi";
import { sanitizeJson } from "./patch/json-utils";
import { createObject, deleteCollection, deleteObject, updateObject, type DeleteOptions, type WriteIo } from "./rest/write";
import { patchObject } from "./rest/patch";
import { handleBuiltinSubresource } from "./rest/subresources";
import { REVIEW_RESOURCES, review } from "./rest/reviews";
import { conversionFor, convertOut, type VersionConversion } from "../api/versions";

export type { KindStrategy, StrategyContext };
export type { FieldCause } from "./errors";

export interface ParsedPath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** Anything after the subresource (for example a proxy path). */
  rest?: string;
}

/** Handles a subresource the API server proxies elsewhere (pods/log and pods/exec go to a kubelet). */
export type SubresourceHandler = (req: ApiRequest, path: ParsedPath, server: ApiServer) => ApiResponse;

export interface ApiServerOptions {
  clock: Clock;
  prng: Prng;
  state?: StoreState;
  strategies?: Record<string, KindStrategy>; // keyed by "group/resource"
}

export function gr(k: Pick<KindInfo, "group" | "resource">): string {
  return `${k.group}/${k.resource}`;
}

/** Bodies nest at most this deep (YAML limits apply earlier in kubectl; this guards other clients). */
const MAX_BODY_DEPTH = 100;

export class ApiServer {
  readonly store: Store;
  readonly clock: Clock;
  readonly prng: Prng;
  private strategies: Record<string, KindStrategy>;
  private subresources = new Map<string, SubresourceHandler>();
  /** One context for every write's strategy hooks (its `now` reads the clock). */
  private readonly strategyCtx: StrategyContext;

  constructor(opts: ApiServerOptions) {
    this.clock = opts.clock;
    this.prng = opts.prng;
    this.store = new Store(opts.state, opts.prng.ids);
    this.strategies = opts.strategies ?? {};
    const clock = this.clock;
    const store = this.store;
    this.strategyCtx = {
      get now() {
        return clock.now();
      },
      prng: this.prng,
      get: (groupResource, namespace, name) => store.get(groupResource, namespace, name),
      list: (groupResource, namespace) => store.list(groupResource, namespace),
    };
  }

  registerSubresource(resource: string, subresource: string, handler: SubresourceHandler): void {
    this.subresources.set(`${resource}/${subresource}`, handler);
  }

  /** Never throws: every failure comes back as a Status response. */
  handle(req: ApiRequest): ApiResponse {
    try {
      return this.route(req);
    } catch (e) {
      const err = asApiError(e);
      return { status: err.code, body: err.status };
    }
  }

  /**
   * handle() for the cluster's own components (controllers, scheduler, kubelets: the reconcile
   * contexts of sim/cluster.ts), with the path already resolved to `k` and `p` (at the stored
   * version). The body is taken as the component built it: plain JSON from stored objects and
   * literals, which sanitizing would only copy, and no request size limit (it guards against what
   * learners send; a component's write of an object near the limit failed with a thrown 413).
   * `io.shared`: the component only reads the answer, so a write answers with the stored object
   * itself (frozen) instead of a copy; `io.owned`: the body is the write's to change (built for
   * this request, nothing frozen in it). Everything else (verbs, subresources, validation,
   * admission, errors) is handle()'s.
   */
  handleResolved(k: KindInfo, p: ParsedPath, req: ApiRequest, io: WriteIo = {}): ApiResponse {
    try {
      return this.routeKind(k, p, req, req.body, undefined, io);
    } catch (e) {
      const err = asApiError(e);
      return { status: err.code, body: err.status };
    }
  }

  parsePath(path: string): ParsedPath | undefined {
    const parts = path.split("?")[0].split("/").filter(Boolean);
    let group: string;
    let version: string;
    let i: number;
    if (parts[0] === "api" && parts.length >= 2) {
      group = "";
      version = parts[1];
      i = 2;
    } else if (parts[0] === "apis" && parts.length >= 3) {
      group = parts[1];
      version = parts[2];
      i = 3;
    } else return undefined;
    let namespace: string | undefined;
    if (parts[i] === "namespaces" && parts.length > i + 2) {
      namespace = safeDecode(parts[i + 1]);
      i += 2;
    }
    const resource = parts[i];
    if (!resource) return undefined;
    const name = parts[i + 1] !== undefined ? safeDecode(parts[i + 1]) : undefined;
    const subresource = parts[i + 2];
    const rest = parts.length > i + 3 ? parts.slice(i + 3).join("/") : undefined;
    // "/api/v1/namespaces/default" (and its subresources) is the namespace object itself.
    if (parts[i - 2] === "namespaces" && namespace !== undefined && group === "" && parts.length === i + 1 && ["status", "finalize"].includes(resource)) {
      return { group, version, resource: "namespaces", name: namespace, subresource: resource };
    }
    if (parts[i - 2] === "namespaces" && namespace !== undefined && parts.length === i) {
      return { group, version, resource: "namespaces", name: namespace };
    }
    return { group, version, namespace, resource, name, subresource, rest };
  }

  kindOf(p: Pick<ParsedPath, "group" | "resource">): KindInfo {
    const k = kindByResource(p.group, p.resource);
    if (!k) throw pathNotFound();
    return k;
  }

  strategy(k: KindInfo): KindStrategy {
    return this.strategies[gr(k)] ?? {};
  }

  strategyContext(): StrategyContext {
    return this.strategyCtx;
  }

  toJSON(): StoreState {
    return this.store.toJSON();
  }

  // ---- in-process operations (also used by subresources) ----

  get(k: KindInfo, namespace: string | undefined, name: string): KubeObject {
    const o = this.store.get(gr(k), k.namespaced ? namespace : undefined, name);
    if (!o) throw notFound(k, name);
    return o;
  }

  /** The stored object itself (frozen, read-only), or NotFound. */
  peek(k: KindInfo, namespace: string | undefined, name: string): KubeObject {
    const o = this.store.peek(gr(k), k.namespaced ? namespace : undefined, name);
    if (!o) throw notFound(k, name);
    return o;
  }

  list(k: KindInfo, namespace: string | undefined, query?: Record<string, string>): KubeObject {
    const matches = objectFilter(k, query);
    const items = this.store.list(gr(k), k.namespaced ? namespace : undefined, matches);
    return {
      apiVersion: groupVersion(k),
      kind: `${k.kind}List`,
      metadata: { resourceVersion: String(this.store.currentRv()) },
      items,
    };
  }

  create(k: KindInfo, namespace: string | undefined, body: unknown, query?: Record<string, string>, io?: WriteIo): KubeObject {
    return createObject(this, k, namespace, body, query ?? {}, io);
  }

  update(k: KindInfo, namespace: string | undefined, name: string, body: unknown, statusOnly: boolean, query?: Record<string, string>, io?: WriteIo): KubeObject {
    return updateObject(this, k, namespace, name, body, { owned: io?.owned, shared: io?.shared, statusOnly, query: query ?? {} });
  }

  delete(k: KindInfo, namespace: string | undefined, name: string, options?: DeleteOptions, query?: Record<string, string>, io?: WriteIo): KubeObject {
    return deleteObject(this, k, namespace, name, options ?? {}, query ?? {}, io);
  }

  // ---- routing ----

  private route(req: ApiRequest): ApiResponse {
    if (isDiscoveryPath(req.path)) {
      const doc = discoveryDocument(req.path);
      if (!doc) throw pathNotFound();
      if (req.method !== "GET") throw methodNotAllowed();
      return ok(doc);
    }
    if (/^\/(healthz|livez|readyz)\/?$/.test(req.path.split("?")[0])) {
      if (req.method !== "GET") throw methodNotAllowed();
      return { status: 200, body: "ok", contentType: "text/plain; charset=utf-8" };
    }
    if (isOpenApiPath(req.path)) {
      const doc = openApiDocument(req.path);
      if (!doc || req.method !== "GET") throw pathNotFound();
      return ok(doc);
    }
    const p = this.parsePath(req.path);
    if (!p) throw pathNotFound();
    const k = this.kindOf(p);
    const conversion = k.version === p.version ? undefined : conversionFor(k, p.version);
    if (k.version !== p.version && !conversion) throw pathNotFound();
    if (p.namespace !== undefined && !k.namespaced) throw pathNotFound();
    // The sanitized body is a private copy: the write may change it instead of copying it again.
    let body = req.body === undefined ? undefined : sanitizeBody(req.body);
    if (!conversion) return this.routeKind(k, p, req, body, undefined, { owned: true });
    // Another served version: bodies in are converted to the stored one, objects out back to it.
    if (body !== undefined && (req.method === "POST" || req.method === "PUT")) body = conversion.toStored(body);
    const res = this.routeKind(k, p, req, body, conversion, { owned: true });
    return { ...res, body: convertOut(res.body, conversion, k.group) };
  }

  private routeKind(k: KindInfo, p: ParsedPath, req: ApiRequest, body: unknown, conversion: VersionConversion | undefined, io: WriteIo): ApiResponse {
    const query = req.query ?? {};
    if (p.subresource) {
      const h = this.subresources.get(`${k.resource}/${p.subresource}`);
      if (h) return h({ ...req, body }, p, this);
      if (!k.subresources.includes(p.subresource) || p.name === undefined) throw pathNotFound();
      // The request's fields, with the routed body and a query (spelled out: a spread is slow).
      const sub = { method: req.method, path: req.path, query, accept: req.accept, contentType: req.contentType, body, userAgent: req.userAgent };
      return handleBuiltinSubresource(this, k, p, sub, io);
    }
    const verb = verbOf(req, p);
    if (!k.verbs.includes(verb)) throw methodNotAllowed();
    if (REVIEW_RESOURCES.includes(k.resource)) return { status: 201, body: review(k, body) };
    switch (req.method) {
      case "GET":
        return this.read(k, p, req);
      case "POST":
        if (p.name !== undefined) throw methodNotAllowed();
        return { status: 201, body: this.create(k, p.namespace, body, query, io) };
      case "PUT":
        if (p.name === undefined) throw methodNotAllowed();
        return ok(this.update(k, p.namespace, p.name, body, false, query, io));
      case "PATCH":
        if (p.name === undefined) throw methodNotAllowed();
        return patchObject(this, k, p.namespace, p.name, body, req.contentType ?? "", query, undefined, conversion);
      case "DELETE":
        if (p.name === undefined) return ok(deleteCollection(this, k, p.namespace, (body ?? {}) as DeleteOptions, query));
        return ok(this.delete(k, p.namespace, p.name, deleteOptionsOf(body, query), query, io));
      default:
        throw methodNotAllowed();
    }
  }

  private read(k: KindInfo, p: ParsedPath, req: ApiRequest): ApiResponse {
    if (p.name === undefined && isWatchRequest(req.query)) return ok(watchEvents(this, k, p.namespace, req));
    if (p.name === undefined) {
      if (!wantsTable(req.accept)) return ok(this.list(k, p.namespace, req.query));
      // A Table only reads the objects: print the stored (frozen) ones instead of copies.
      const items = this.store.listShared(gr(k), k.namespaced ? p.namespace : undefined, objectFilter(k, req.query));
      return ok(asTable(k, items, req, this.clock.now(), String(this.store.currentRv())));
    }
    if (!wantsTable(req.accept)) return ok(this.get(k, p.namespace, p.name));
    const o = this.store.peek(gr(k), k.namespaced ? p.namespace : undefined, p.name);
    if (!o) throw notFound(k, p.name);
    return ok(asTable(k, [o], req, this.clock.now(), o.metadata.resourceVersion));
  }
}

/** The RBAC verb of a request on a resource (not a subresource). */
function verbOf(req: ApiRequest, p: ParsedPath): string {
  switch (req.method) {
    case "GET":
      return p.name !== undefined ? "get" : isWatchRequest(req.query) ? "watch" : "list";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return p.name !== undefined ? "delete" : "deletecollection";
    default:
      return "";
  }
}

/** DeleteOptions come in the body (kubectl) or as query parameters (curl-style clients). */
function deleteOptionsOf(body: unknown, query: Record<string, string>): DeleteOptions {
  const o: DeleteOptions = body && typeof body === "object" && !Array.isArray(body) ? { ...(body as DeleteOptions) } : {};
  if (query.gracePeriodSeconds !== undefined && o.gracePeriodSeconds === undefined) o.gracePeriodSeconds = Number(query.gracePeriodSeconds);
  if (query.propagationPolicy !== undefined && o.propagationPolicy === undefined) o.propagationPolicy = query.propagationPolicy as DeleteOptions["propagationPolicy"];
  return o;
}

function sanitizeBody(body: unknown): unknown {
  let clean: unknown;
  try {
    clean = sanitizeJson(body, MAX_BODY_DEPTH);
  } catch {
    throw badRequest(`the body of the request was in an unknown format: nesting deeper than ${MAX_BODY_DEPTH} levels`);
  }
  if ((JSON.stringify(clean) ?? "").length > LIMITS.manifestBytes) throw statusError(413, "RequestEntityTooLarge", LIMIT_MESSAGES.manifestBytes);
  return clean;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof StrategyError) return statusError(e.code, e.reason, e.message);
  if (e instanceof LimitError) return statusError(403, "Forbidden", e.message);
  const message = e instanceof Error ? e.message : String(e);
  return statusError(500, "InternalError", `Internal error occurred: ${message}`);
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}
