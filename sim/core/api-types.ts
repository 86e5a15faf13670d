// REST-shaped requests and responses, as the Kubernetes API server takes and gives them.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequest {
  method: HttpMethod;
  /** For example "/api/v1/namespaces/default/pods/web" or "/apis/apps/v1/deployments". */
  path: string;
  /** Query parameters, already decoded (labelSelector, fieldSelector, watch, resourceVersion, dryRun, ...). */
  query?: Record<string, string>;
  /** The Accept header; "application/json;as=Table;v=v1;g=meta.k8s.io" asks for a Table. */
  accept?: string;
  /** For PATCH: application/merge-patch+json, application/strategic-merge-patch+json,
   *  application/json-patch+json, application/apply-patch+yaml. */
  contentType?: string;
  /** A decoded JSON body (objects, patches, DeleteOptions). */
  body?: unknown;
  /** The field manager / user agent, for managedFields and events. */
  userAgent?: string;
}

export interface ApiResponse {
  status: number; // HTTP status code
  body: unknown; // an object, a list, a Table, a Status, or text for logs
  contentType?: string; // "application/json" unless text ("text/plain" for logs)
}

/** metav1.Status as the API server returns it on errors. */
export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message: string;
  reason: string; // NotFound, AlreadyExists, Invalid, Conflict, Forbidden, BadRequest, MethodNotAllowed, ...
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field: string }[];
    retryAfterSeconds?: number;
  };
  code: number;
}

export function isStatus(x: unknown): x is Status {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "Status";
}
