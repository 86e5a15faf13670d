// Writes through the API as kubectl's resource.Helper does, with errors as values so verbs that
// visit many objects can report each one and go on (ContinueOnError).

import type { Status } from "../../core/api-types";
import type { KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { asStatus, pathFor } from "../framework/api";
import { statusErrorText } from "../framework/errors";
import type { Ctx } from "../framework/verb";

export type WriteResult = { ok: true; object: KubeObject } | { ok: false; status: Status };

export function createObject(ctx: Ctx, k: KindInfo, ns: string | undefined, obj: KubeObject, query?: Record<string, string>): WriteResult {
  const res = ctx.request({ method: "POST", path: pathFor(k, ns), body: obj, query, contentType: "application/json" });
  return res.status >= 400 ? { ok: false, status: asStatus(res) } : { ok: true, object: res.body as KubeObject };
}

export function getResult(ctx: Ctx, k: KindInfo, ns: string | undefined, name: string): WriteResult {
  const res = ctx.request({ method: "GET", path: pathFor(k, ns, name) });
  return res.status >= 400 ? { ok: false, status: asStatus(res) } : { ok: true, object: res.body as KubeObject };
}

export function patchObject(ctx: Ctx, k: KindInfo, ns: string | undefined, name: string, patch: unknown, contentType: string, query?: Record<string, string>, subresource?: string): WriteResult {
  const res = ctx.request({ method: "PATCH", path: pathFor(k, ns, name, subresource), body: patch, contentType, query });
  return res.status >= 400 ? { ok: false, status: asStatus(res) } : { ok: true, object: res.body as KubeObject };
}

export function putObject(ctx: Ctx, k: KindInfo, ns: string | undefined, name: string, obj: KubeObject, query?: Record<string, string>, subresource?: string): WriteResult {
  const res = ctx.request({ method: "PUT", path: pathFor(k, ns, name, subresource), body: obj, query, contentType: "application/json" });
  return res.status >= 400 ? { ok: false, status: asStatus(res) } : { ok: true, object: res.body as KubeObject };
}

/** A client dry run only checks that the object exists, as kubectl's delete does. */
export function deleteObject(ctx: Ctx, k: KindInfo, ns: string | undefined, name: string, options: Record<string, unknown>, query?: Record<string, string>, dryRun?: string): WriteResult {
  if (dryRun === "client") return getResult(ctx, k, ns, name);
  const res = ctx.request({ method: "DELETE", path: pathFor(k, ns, name), body: { kind: "DeleteOptions", apiVersion: "v1", ...options }, query });
  return res.status >= 400 ? { ok: false, status: asStatus(res) } : { ok: true, object: res.body as KubeObject };
}

/** A per-object failure: already-worded text, or an API status with what was being done. */
export type VisitError = string | { status: Status; doing: string };

export function visitError(status: Status, doing: string): VisitError {
  return { status, doing };
}

function standardText(s: Status, doing: string): string {
  const prefix = s.reason ? `Error from server (${s.reason}): ` : "Error from server: ";
  return `${prefix}${doing ? `${doing}: ` : ""}${s.message}`;
}

/** A single failure as kubectl words it: Invalid keeps its own form; others say what was being done. */
export function visitErrorText(s: Status, doing: string): string {
  return s.reason === "Invalid" ? statusErrorText(s) : standardText(s, doing);
}

/** cmdutil.CheckErr: one Invalid error gets `The Kind "x" is invalid` form; in an aggregate every
 *  API error is `Error from server (Reason): doing: message`. Ends with a newline. */
export function renderErrors(errs: VisitError[]): string {
  const single = errs.length === 1;
  return errs.map((e) => (typeof e === "string" ? e : single ? visitErrorText(e.status, e.doing) : standardText(e.status, e.doing))).join("\n") + "\n";
}
