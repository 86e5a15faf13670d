// The in-process API server: REST-shaped requests in, API objects, Tables or Status errors out.
// Every client (controllers, scheduler, kubelets, kubectl, graders, the HTTP test adapter) uses
// handle(); defaulting, validation and admission happen here, once.

import type { ApiRequest, ApiResponse } from "../core/api-types";
import type { Clock } from "../core/clock";
import type { Prng } from "../core/prng";
import { LIMITS } from "../core/limits";
import { rfc3339 } from "../core/duration";
import { groupVersion, kindByResource, type KindInfo } from "../api/kinds";
import type { KubeObject } from "../api/types";
import { ApiError, alreadyExists, badRequest, invalid, methodNotAllowed, notFound, pathNotFound, tooManyObjects, type FieldCause } from "./errors";
import { Store, type StoreState } from "./store";
import { discoveryDocument, isDiscoveryPath } from "./discovery";
import { asTable, wantsTable } from "./table";
import { isWatchRequest, watchEvents } from "./watch";
import { objectFilter } from "./selectors";
import { isOpenApiPath, openApiDocument } from "./openapi";

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

/** Per-kind behaviour plugged in by the api/ layer: defaulting, validation, strategy. */
export interface KindStrategy {
  /** Fills defaults on create (after uid/name/timestamps are set). */
  defaultOnCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Field errors for a new object; empty when valid. */
  validateCreate?(obj: KubeObject, ctx: StrategyContext): FieldCause[];
  /** Field errors for an update; `old` is the stored object. */
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldCause[];
  /** Whether a spec change bumps metadata.generation (true for workloads). */
  tracksGeneration?: boolean;
}

export interface StrategyContext {
  now: number;
  prng: Prng;
  server: ApiServer;
}

export interface ApiServerOptions {
  clock: Clock;
  prng: Prng;
  state?: StoreState;
  strategies?: Record<string, KindStrategy>; // keyed by "group/resource"
}

export function gr(k: Pick<KindInfo, "group" | "resource">): string {
  return `${k.group}/${k.resource}`;
}

export class ApiServer {
  readonly store: Store;
  readonly clock: Clock;
  readonly prng: Prng;
  private strategies: Record<string, KindStrategy>;
  private subresources = new Map<string, SubresourceHandler>();

  constructor(opts: ApiServerOptions) {
    this.clock = opts.clock;
    this.prng = opts.prng;
    this.store = new Store(opts.state);
    this.strategies = opts.strategies ?? {};
  }

  registerSubresource(resource: string, subresource: string, handler: SubresourceHandler): void {
    this.subresources.set(`${resource}/${subresource}`, handler);
  }

  handle(req: ApiRequest): ApiResponse {
    try {
      return this.route(req);
    } catch (e) {
      if (e instanceof ApiError) return { status: e.code, body: e.status };
      throw e;
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
      namespace = decodeURIComponent(parts[i + 1]);
      i += 2;
    }
    const resource = parts[i];
    if (!resource) return undefined;
    const name = parts[i + 1] !== undefined ? decodeURIComponent(parts[i + 1]) : undefined;
    const subresource = parts[i + 2];
    const rest = parts.length > i + 3 ? parts.slice(i + 3).join("/") : undefined;
    // "/api/v1/namespaces/default" is the namespace object itself.
    if (parts[i - 2] === "namespaces" && namespace !== undefined && parts.length === i) {
      return { group, version, resource: "namespaces", name: namespace };
    }
    return { group, version, namespace, resource, name, subresource, rest };
  }

  // ---- in-process helpers for tests and bootstrapping ----

  kindOf(p: Pick<ParsedPath, "group" | "resource">): KindInfo {
    const k = kindByResource(p.group, p.resource);
    if (!k) throw pathNotFound();
    return k;
  }

  strategy(k: KindInfo): KindStrategy {
    return this.strategies[gr(k)] ?? {};
  }

  toJSON(): StoreState {
    return this.store.toJSON();
  }

  // ---- routing ----

  private route(req: ApiRequest): ApiResponse {
    if (isDiscoveryPath(req.path)) {
      const doc = discoveryDocument(req.path);
      if (!doc) throw pathNotFound();
      if (req.method !== "GET") throw methodNotAllowed();
      return ok(doc);
    }
    if (isOpenApiPath(req.path)) {
      const doc = openApiDocument(req.path);
      if (!doc || req.method !== "GET") throw pathNotFound();
      return ok(doc);
    }
    const p = this.parsePath(req.path);
    if (!p) throw pathNotFound();
    const k = this.kindOf(p);
    if (k.version !== p.version) throw pathNotFound();
    if (p.subresource) {
      const h = this.subresources.get(`${k.resource}/${p.subresource}`);
      if (h) return h(req, p, this);
      if (p.subresource !== "status") throw pathNotFound();
    }
    switch (req.method) {
      case "GET": {
        if (p.name === undefined && isWatchRequest(req.query)) return ok(watchEvents(this, k, p.namespace, req));
        if (p.name === undefined) {
          const list = this.list(k, p.namespace, req.query);
          return ok(wantsTable(req.accept) ? asTable(k, list.items as KubeObject[], req, this.clock.now(), list.metadata.resourceVersion) : list);
        }
        const o = this.get(k, p.namespace, p.name);
        return ok(wantsTable(req.accept) ? asTable(k, [o], req, this.clock.now(), o.metadata.resourceVersion) : o);
      }
      case "POST":
        if (p.name !== undefined) throw methodNotAllowed();
        return { status: 201, body: this.create(k, p.namespace, req.body) };
      case "PUT":
        if (p.name === undefined) throw methodNotAllowed();
        return ok(this.update(k, p.namespace, p.name, req.body, p.subresource === "status"));
      case "DELETE":
        if (p.name === undefined) throw methodNotAllowed();
        return ok(this.delete(k, p.namespace, p.name));
      default:
        throw methodNotAllowed();
    }
  }

  get(k: KindInfo, namespace: string | undefined, name: string): KubeObject {
    const o = this.store.get(gr(k), k.namespaced ? namespace : undefined, name);
    if (!o) throw notFound(k, name);
    return o;
  }

  list(k: KindInfo, namespace: string | undefined, query?: Record<string, string>): KubeObject {
    const matches = objectFilter(k, query);
    const items = this.store.list(gr(k), k.namespaced ? namespace : undefined).filter(matches);
    return {
      apiVersion: groupVersion(k),
      kind: `${k.kind}List`,
      metadata: { resourceVersion: String(this.store.currentRv()) },
      items: items.map((o) => ({ ...o })),
    };
  }

  create(k: KindInfo, namespace: string | undefined, body: unknown): KubeObject {
    if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("the body of the request was in an unknown format");
    const obj = structuredClone(body) as KubeObject;
    obj.apiVersion = groupVersion(k);
    obj.kind = k.kind;
    obj.metadata = { ...(obj.metadata ?? {}) };
    if (k.namespaced) obj.metadata.namespace = namespace ?? obj.metadata.namespace ?? "default";
    else delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + this.prng.string(5);
    const name = obj.metadata.name ?? "";
    if (this.store.size >= LIMITS.objectsPerSandbox) throw tooManyObjects(`${k.resource} "${name}" is forbidden: ${"sandbox limit reached"}`);
    const ctx = this.strategyContext();
    obj.metadata.uid = this.prng.uuid();
    obj.metadata.creationTimestamp = rfc3339(this.clock.now());
    const s = this.strategy(k);
    if (s.tracksGeneration) obj.metadata.generation = 1;
    s.defaultOnCreate?.(obj, ctx);
    const causes = s.validateCreate?.(obj, ctx) ?? [];
    if (causes.length) throw invalid(k, name, causes);
    if (this.store.has(gr(k), obj.metadata.namespace, name)) throw alreadyExists(k, name);
    return this.store.put(gr(k), obj, "ADDED");
  }

  update(k: KindInfo, namespace: string | undefined, name: string, body: unknown, statusOnly: boolean): KubeObject {
    if (!body || typeof body !== "object") throw badRequest("the body of the request was in an unknown format");
    const old = this.get(k, namespace, name);
    const obj = structuredClone(body) as KubeObject;
    obj.metadata = { ...(obj.metadata ?? {}) };
    const next: KubeObject = statusOnly
      ? { ...old, status: obj.status }
      : { ...obj, apiVersion: old.apiVersion, kind: old.kind, status: old.status };
    next.metadata = { ...obj.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, namespace: old.metadata.namespace, name };
    if (statusOnly) next.metadata = old.metadata;
    return this.store.put(gr(k), next, "MODIFIED");
  }

  delete(k: KindInfo, namespace: string | undefined, name: string): KubeObject {
    const removed = this.store.remove(gr(k), k.namespaced ? namespace : undefined, name);
    if (!removed) throw notFound(k, name);
    return removed;
  }

  private strategyContext(): StrategyContext {
    return { now: this.clock.now(), prng: this.prng, server: this };
  }
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

