// The kubectl.kubernetes.io/last-applied-configuration annotation
// (staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration, CreateApplyAnnotation).
// Its value is the object encoded as Go's json.Encoder does: map keys sorted, `<`, `>` and `&`
// escaped, a trailing newline; `metadata.annotations` stays present (as `{}` when otherwise empty).

import type { KubeObject } from "../../api/types";
import { sortKeys, type Json } from "./three-way-merge";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** encoding/json with sorted keys and HTML escaping, compact. */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v as Json))
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The annotation value for `obj`: the object without the annotation itself, plus "\n". */
export function lastAppliedValue(obj: KubeObject): string {
  const copy = structuredClone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, annotations };
  return goJson(copy) + "\n";
}

/** A copy of `obj` carrying its own last-applied annotation (what apply sends and compares). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const value = lastAppliedValue(obj);
  const copy = structuredClone(obj);
  copy.metadata = { ...copy.metadata, annotations: { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: value } };
  return copy;
}

/** The parsed last-applied configuration of a live object, if it has one. */
export function lastAppliedOf(obj: KubeObject): Record<string, Json> | undefined {
  const text = obj.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, Json>) : undefined;
  } catch {
    return undefined;
  }
}
