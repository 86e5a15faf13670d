// ObjectMeta validation (k8s.io/apimachinery/pkg/api/validation/objectmeta.go, generic.go).

import type { KubeObject } from "../types";
import { fieldError, type FieldCause } from "../field-errors";
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./names";

export type NameValidator = (name: string) => string[];

export function validateLabels(labels: unknown, field: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (labels === undefined || labels === null) return out;
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    for (const m of isQualifiedName(k)) out.push(fieldError.invalid(field, k, m));
    const value = typeof v === "string" ? v : String(v);
    for (const m of isValidLabelValue(value)) out.push(fieldError.invalid(field, value, m));
  }
  return out;
}

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

export function validateAnnotations(annotations: unknown, field: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (annotations === undefined || annotations === null) return out;
  let total = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    for (const m of isQualifiedName(k.toLowerCase())) out.push(fieldError.invalid(field, k, m));
    total += k.length + String(v).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE) out.push(fieldError.tooLong(field, TOTAL_ANNOTATION_SIZE));
  return out;
}

export function validateFinalizers(finalizers: unknown, field: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (!Array.isArray(finalizers)) return out;
  const seen = new Set<string>();
  finalizers.forEach((f, i) => {
    const s = String(f);
    for (const m of isQualifiedName(s)) out.push(fieldError.invalid(field, s, m));
    if (seen.has(s)) out.push(fieldError.duplicate(`${field}[${i}]`, s));
    seen.add(s);
  });
  return out;
}

/** ValidateObjectMeta: name (or generateName), labels, annotations, finalizers. */
export function validateObjectMeta(obj: KubeObject, nameValidator: NameValidator = isDNS1123Subdomain): FieldCause[] {
  const m = obj.metadata ?? {};
  const out: FieldCause[] = [];
  const name = m.name ?? "";
  if (name === "") out.push(fieldError.required("metadata.name", "name or generateName is required"));
  else for (const msg of nameValidator(name)) out.push(fieldError.invalid("metadata.name", name, msg));
  out.push(...validateLabels(m.labels, "metadata.labels"));
  out.push(...validateAnnotations(m.annotations, "metadata.annotations"));
  out.push(...validateFinalizers(m.finalizers, "metadata.finalizers"));
  return out;
}

/** ValidateObjectMetaUpdate: the immutable parts of metadata. */
export function validateObjectMetaUpdate(obj: KubeObject, old: KubeObject): FieldCause[] {
  const out: FieldCause[] = [];
  const m = obj.metadata;
  const o = old.metadata;
  if (m.uid && m.uid !== o.uid) out.push(fieldError.invalid("metadata.uid", m.uid, "field is immutable"));
  if (m.creationTimestamp && m.creationTimestamp !== o.creationTimestamp) out.push(fieldError.invalid("metadata.creationTimestamp", m.creationTimestamp, "field is immutable"));
  out.push(...validateLabels(m.labels, "metadata.labels"));
  out.push(...validateAnnotations(m.annotations, "metadata.annotations"));
  out.push(...validateFinalizers(m.finalizers, "metadata.finalizers"));
  return out;
}
