// kubectl's REST calls: paths for a kind, Table requests, and API errors as thrown values.

import type { ApiRequest, ApiResponse, Status } from "../../core/api-types";
import { isStatus } from "../../core/api-types";
import type { KindInfo } from "../../api/kinds";
import type { KubeObject, Table } from "../../api/types";
import { ApiStatusError } from "./errors";
import type { Ctx } from "./verb";

/** The Accept header kubectl get sends to receive Tables (get.go: tableParam). */
export const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

export function pathFor(k: KindInfo, namespace: string | undefined, name?: string, subresource?: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const ns = k.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const n = name !== undefined ? `/${encodeURIComponent(name)}` : "";
  return `${base}${ns}/${k.resource}${n}${subresource ? `/${subresource}` : ""}`;
}

/** Throws ApiStatusError for an error response. */
export function check<T>(res: ApiResponse): T {
  if (res.status >= 400) throw new ApiStatusError(asStatus(res));
  return res.body as T;
}

export function asStatus(res: ApiResponse): Status {
  if (isStatus(res.body)) return res.body;
  const message = typeof res.body === "string" ? res.body : `the server responded with the status code ${res.status} but did not return more information`;
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "", code: res.status };
}

export function getObject(ctx: Ctx, k: KindInfo, namespace: string | undefined, name: string): KubeObject {
  return check<KubeObject>(ctx.request({ method: "GET", path: pathFor(k, namespace, name) }));
}

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
}

function listQuery(q: ListQuery): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (q.labelSelector) out.labelSelector = q.labelSelector;
  if (q.fieldSelector) out.fieldSelector = q.fieldSelector;
  return Object.keys(out).length ? out : undefined;
}

export function listObjects(ctx: Ctx, k: KindInfo, namespace: string | undefined, q: ListQuery = {}): { items: KubeObject[]; resourceVersion?: string } {
  const list = check<{ items?: KubeObject[]; metadata?: { resourceVersion?: string } }>(
    ctx.request({ method: "GET", path: pathFor(k, namespace), query: listQuery(q) }),
  );
  return { items: list.items ?? [], resourceVersion: list.metadata?.resourceVersion };
}

/** A Table for a list (name undefined) or one object; `includeObject=Object` so -o paths still work. */
export function getTable(ctx: Ctx, k: KindInfo, namespace: string | undefined, name: string | undefined, q: ListQuery = {}): Table | KubeObject {
  const req: ApiRequest = {
    method: "GET",
    path: pathFor(k, namespace, name),
    accept: TABLE_ACCEPT,
    query: { ...(name === undefined ? listQuery(q) : {}), includeObject: "Object" },
  };
  return check<Table | KubeObject>(ctx.request(req));
}
