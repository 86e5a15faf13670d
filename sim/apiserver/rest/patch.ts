// PATCH (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go): the patch is applied to
// the stored object and the result goes through the ordinary update path (validation,
// conflicts, generation). Server-side apply is approximated: create when absent, otherwise a
// strategic merge of the applied configuration (no field ownership or conflicts).

import type { KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import type { ApiResponse } from "../../core/api-types";
import { ApiError, badRequest, statusError, unsupportedMediaType } from "../errors";
import type { ApiServer } from "../server";
import { applyJsonPatch, JsonPatchError } from "../patch/json-patch";
import { applyMergePatch } from "../patch/merge-patch";
import { applyStrategicMergePatch, StrategicPatchError } from "../patch/strategic-merge-patch";
import { isObject } from "../patch/json-utils";
import { createObject, updateObject } from "./write";
import type { VersionConversion } from "../../api/versions";

export type PatchType = "json" | "merge" | "strategic" | "apply";

export function patchTypeOf(contentType: string): PatchType {
  const ct = contentType.split(";")[0].trim().toLowerCase();
  switch (ct) {
    case "application/json-patch+json":
      return "json";
    case "application/merge-patch+json":
      return "merge";
    case "application/strategic-merge-patch+json":
      return "strategic";
    case "application/apply-patch+yaml":
    case "application/apply-patch+cbor":
      return "apply";
    default:
      throw unsupportedMediaType();
  }
}

/** Applies a patch document to a JSON value, mapping patch failures to the API's errors. */
export function applyPatch(kind: string, type: PatchType, current: unknown, patch: unknown): unknown {
  try {
    switch (type) {
      case "json":
        return applyJsonPatch(current, patch);
      case "merge":
        if (!isObject(patch)) throw badRequest("json: cannot unmarshal array into Go value of type map[string]interface {}");
        return applyMergePatch(current, patch);
      case "strategic":
      case "apply":
        if (!isObject(patch)) throw badRequest("json: cannot unmarshal array into Go value of type map[string]interface {}");
        return applyStrategicMergePatch(kind, current, patch);
    }
  } catch (e) {
    if (e instanceof JsonPatchError) throw statusError(422, "Invalid", e.message);
    if (e instanceof StrategicPatchError) throw badRequest(e.message);
    throw e;
  }
}

export function patchObject(
  server: ApiServer,
  k: KindInfo,
  namespace: string | undefined,
  name: string,
  patch: unknown,
  contentType: string,
  query: Record<string, string>,
  subresource: "status" | undefined,
  /** Set when the request came in at another served version: the patch applies to that view. */
  view?: VersionConversion,
): ApiResponse {
  const type = patchTypeOf(contentType);
  let old: KubeObject;
  try {
    old = server.get(k, namespace, name);
  } catch (e) {
    if (type === "apply" && e instanceof ApiError && e.code === 404 && isObject(patch)) {
      const body = (view ? view.toStored(structuredClone(patch)) : structuredClone(patch)) as KubeObject;
      body.metadata = { ...(body.metadata ?? {}), name };
      return { status: 201, body: createObject(server, k, namespace, body, query) };
    }
    throw e;
  }
  const patched = view ? view.toStored(applyPatch(k.kind, type, view.fromStored(old), patch)) : applyPatch(k.kind, type, old, patch);
  if (!isObject(patched)) throw badRequest("the patched object is not a JSON object");
  const result = updateObject(server, k, namespace, name, patched, { statusOnly: subresource === "status", query });
  return { status: 200, body: result };
}
