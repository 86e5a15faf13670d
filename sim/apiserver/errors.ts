// Status errors in the exact wording the API server sends (k8s.io/apimachinery/pkg/api/errors).

import type { Status } from "../core/api-types";
import type { KindInfo } from "../api/kinds";
import type { FieldCause } from "../api/field-errors";

export type { FieldCause };

/** An API error as a value; handle() turns it into a Status response. */
export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = "ApiError";
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string {
    return this.status.reason;
  }
}

function status(code: number, reason: string, message: string, details?: Status["details"]): ApiError {
  return new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, details, code });
}

/** "pods" / "deployments.apps": the qualified resource as errors print it. */
export function qualifiedResource(k: Pick<KindInfo, "group" | "resource">): string {
  return k.group ? `${k.resource}.${k.group}` : k.resource;
}

export function notFound(k: KindInfo, name: string): ApiError {
  return status(404, "NotFound", `${qualifiedResource(k)} "${name}" not found`, { name, group: k.group || undefined, kind: k.resource });
}

export function alreadyExists(k: KindInfo, name: string): ApiError {
  return status(409, "AlreadyExists", `${qualifiedResource(k)} "${name}" already exists`, { name, group: k.group || undefined, kind: k.resource });
}

export function conflict(k: KindInfo, name: string, why: string): ApiError {
  return status(409, "Conflict", `Operation cannot be fulfilled on ${qualifiedResource(k)} "${name}": ${why}`, { name, group: k.group || undefined, kind: k.resource });
}

/** "Deployment.apps" / "Pod": schema.GroupKind.String(), as Invalid errors name the kind. */
export function qualifiedKind(k: Pick<KindInfo, "group" | "kind">): string {
  return k.group ? `${k.kind}.${k.group}` : k.kind;
}

/** `Kind "name" is invalid: [field: Reason: detail, ...]` as errors.NewInvalid formats it (duplicates dropped, as ToAggregate does). */
export function invalid(k: Pick<KindInfo, "group" | "kind">, name: string, allCauses: FieldCause[]): ApiError {
  const seen = new Set<string>();
  const causes = allCauses.filter((c) => {
    const t = c.field ? `${c.field}: ${c.message}` : c.message;
    if (seen.has(t)) return false;
    seen.add(t);
    return true;
  });
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(", ")}]`;
  return status(422, "Invalid", `${qualifiedKind(k)} "${name}" is invalid: ${joined}`, {
    name,
    group: k.group || undefined,
    kind: k.kind,
    causes,
  });
}

export function forbidden(k: KindInfo, name: string, why: string): ApiError {
  return status(403, "Forbidden", `${qualifiedResource(k)} "${name}" is forbidden: ${why}`, { name, group: k.group || undefined, kind: k.resource });
}

export function badRequest(message: string): ApiError {
  return status(400, "BadRequest", message);
}

export function methodNotAllowed(message = "the server does not allow this method on the requested resource"): ApiError {
  return status(405, "MethodNotAllowed", message);
}

export function pathNotFound(message = "the server could not find the requested resource"): ApiError {
  return status(404, "NotFound", message);
}

export function gone(message: string): ApiError {
  return status(410, "Expired", message);
}

export function tooManyObjects(message: string): ApiError {
  return status(403, "Forbidden", message);
}

export function unsupportedMediaType(): ApiError {
  return status(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
}

export function requestEntityTooLarge(message: string): ApiError {
  return status(413, "RequestEntityTooLarge", message);
}

/** Any status; for errors without a dedicated constructor. */
export function statusError(code: number, reason: string, message: string, details?: Status["details"]): ApiError {
  return status(code, reason, message, details);
}
