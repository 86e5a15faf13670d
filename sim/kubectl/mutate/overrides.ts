// --overrides / --override-type of kubectl run (staging/src/k8s.io/kubectl/pkg/cmd/util/
// override_options.go and helpers.go Merge/StrategicMerge/JSONPatch): the generated object is
// encoded, patched with the inline JSON (an RFC 7396 merge patch by default) and decoded back
// into its Go type, which drops unknown fields and refuses values of the wrong JSON type.

import type { KubeObject } from "../../api/types";
import { decodeError, pruneUnknownFields } from "../../api/schema/strict-decode";
import { applyJsonPatch, JsonPatchError } from "../../apiserver/patch/json-patch";
import { applyMergePatch } from "../../apiserver/patch/merge-patch";
import { applyStrategicMergePatch, StrategicPatchError } from "../../apiserver/patch/strategic-merge-patch";
import { kubectlError } from "../framework/errors";
import { goJsonMessage } from "./manifest";

/** The object with `overrides` applied by `type` ("" means merge); kubectl's errors otherwise. */
export function applyOverrides(obj: KubeObject, overrides: string, type: string): KubeObject {
  if (overrides === "") return obj;
  const how = type === "" ? "merge" : type;
  if (how !== "merge" && how !== "strategic" && how !== "json") throw kubectlError(`invalid override type: ${how}`);
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    // evanphx/json-patch MergePatch answers any unparsable document with errBadJSONPatch.
    throw kubectlError(how === "merge" ? "Invalid JSON Patch" : goJsonMessage((e as Error).message));
  }
  let patched: unknown;
  try {
    if (how === "merge") patched = applyMergePatch(obj, patch);
    else if (how === "strategic") patched = applyStrategicMergePatch(obj.kind, obj, patch);
    else patched = applyJsonPatch(obj, patch);
  } catch (e) {
    if (e instanceof JsonPatchError || e instanceof StrategicPatchError) throw kubectlError(e.message);
    throw e;
  }
  const err = decodeError(obj.kind, patched, false);
  if (err) throw kubectlError(err);
  const out = structuredClone(patched) as KubeObject;
  pruneUnknownFields(obj.kind, out as unknown as Record<string, unknown>);
  if (out.kind === "Pod") goZeroFields(out);
  return out;
}

/**
 * Fields of the Go Pod types without omitempty come back from the round trip even when the
 * patch removed or never set them: PodSpec.containers (null) and Container.resources ({}).
 */
function goZeroFields(pod: KubeObject): void {
  const spec = pod.spec as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== "object") return;
  if (!("containers" in spec)) spec.containers = null;
  for (const key of ["initContainers", "containers"]) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) if (c && typeof c === "object" && !("resources" in c)) (c as Record<string, unknown>).resources = {};
  }
}
