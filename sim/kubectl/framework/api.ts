// kubectl's REST calls: paths for a kind, Table requests, and API errors as thrown values.

import type { ApiRequest, ApiResponse, Status } from "../../core/api-types";
import { isStatus } from "../../core/api-types";
import type { KindInfo } from "../../api/kinds";
import type { KubeObject, Table } from "../../api/types";
import { ApiStatusError, kubectlError } from "./errors";
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
  // client-go's request builder refuses an empty name before sending anything.
  if (name === "") throw kubectlError("resource name may not be empty");
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
  let list: { items?: KubeObject[]; metadata?: { resourceVersion?: string } };
  try {
    list = check(ctx.request({ method: "GET", path: pathFor(k, namespace), query: listQuery(q) }));
  } catch (e) {
    throw enhanceListError(e, k, q);
  }
  const items = (list.items ?? []).map((it) => ({ ...it, apiVersion: it.apiVersion || (k.group ? `${k.group}/${k.version}` : k.version), kind: it.kind || k.kind }));
  return { items, resourceVersion: list.metadata?.resourceVersion };
}

/** cli-runtime resource.EnhanceListError: a list's BadRequest/NotFound names the resource and selectors. */
export function enhanceListError(e: unknown, k: KindInfo, q: ListQuery): unknown {
  if (!(e instanceof ApiStatusError) || (e.status.code !== 400 && e.status.code !== 404)) return e;
  const subj = `${k.group}/${k.version}, Resource=${k.resource}`;
  const message = !q.labelSelector && !q.fieldSelector
    ? `Unable to list "${subj}": ${e.status.message}`
    : `Unable to find "${subj}" that match label selector "${q.labelSelector ?? ""}", field selector "${q.fieldSelector ?? ""}": ${e.status.message}`;
  return new ApiStatusError({ ...e.status, message });
}

/** A Table for a list (name undefined) or one object; `includeObject=Object` so -o paths still work. */
export function getTable(ctx: Ctx, k: KindInfo, namespace: string | undefined, name: string | undefined, q: ListQuery = {}): Table | KubeObject {
  const req: ApiRequest = {
    method: "GET",
    path: pathFor(k, namespace, name),
    accept: TABLE_ACCEPT,
    query: { ...(name === undefined ? listQuery(q) : {}), includeObject: "Object" },
  };
  try {
    return check<Table | KubeObject>(ctx.request(req));
  } catch (e) {
    throw name === undefined ? enhanceListError(e, k, q) : e;
  }
}
