// Deployment, ReplicaSet, DaemonSet and ReplicationController validation
// (pkg/apis/apps/validation/validation.go, ValidateReplicationController in core validation).

/* eslint-disable @typescript-eslint/no-explicit-any */

import { fieldError, goValue, type FieldCause } from "../field-errors";
import { validateLabels } from "./meta";
import { validatePodSpec } from "./pod-spec";
import { canonical } from "./canonical";
import { isQualifiedName, isValidLabelValue } from "./names";

/** %#v of a *metav1.LabelSelector, as immutability and empty-selector errors print it. */
export function goLabelSelector(sel: any): string {
  const ml = sel?.matchLabels;
  const labels = ml === undefined || ml === null ? "map[string]string(nil)" : goValue(ml);
  const me = sel?.matchExpressions;
  const exprs =
    me === undefined || me === null
      ? "[]v1.LabelSelectorRequirement(nil)"
      : `[]v1.LabelSelectorRequirement{${me
          .map((e: any) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e?.key ?? "")}, Operator:${JSON.stringify(e?.operator ?? "")}, Values:${e?.values ? goValue(e.values) : "[]string(nil)"}}`)
          .join(", ")}}`;
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}

function goLabels(labels: any): string {
  return labels === undefined || labels === null ? "map[string]string(nil)" : goValue(labels);
}

/** An Invalid cause whose value is already rendered (Go structs the generic renderer can't spell). */
function invalidRendered(field: string, rendered: string, detail: string): FieldCause {
  return { reason: "FieldValueInvalid", field, message: `Invalid value: ${rendered}: ${detail}` };
}

/** metav1 LabelSelectorAsSelector(...).Matches(labels). */
export function selectorMatches(sel: any, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel?.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values: string[] = e.values ?? [];
    if (e.operator === "In" && !(has && values.includes(l[e.key]))) return false;
    if (e.operator === "NotIn" && has && values.includes(l[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function validateLabelSelector(sel: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  out.push(...validateLabels(sel?.matchLabels, `${path}.matchLabels`));
  (sel?.matchExpressions ?? []).forEach((e: any, i: number) => {
    const at = `${path}.matchExpressions[${i}]`;
    const ops = ["In", "NotIn", "Exists", "DoesNotExist"];
    if (!ops.includes(e?.operator)) out.push(fieldError.invalid(`${at}.operator`, e?.operator ?? "", "not a valid selector operator"));
    if ((e?.operator === "In" || e?.operator === "NotIn") && !(e.values?.length > 0)) out.push(fieldError.required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    if ((e?.operator === "Exists" || e?.operator === "DoesNotExist") && e.values?.length > 0) out.push(fieldError.forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    for (const m of isQualifiedName(e?.key ?? "")) out.push(fieldError.invalid(`${at}.key`, e?.key ?? "", m));
    for (const v of e?.values ?? []) for (const m of isValidLabelValue(String(v))) out.push(fieldError.invalid(`${at}.values`, v, m));
  });
  return out;
}

function validateReplicas(spec: any): FieldCause[] {
  const r = spec?.replicas;
  if (r !== undefined && (typeof r !== "number" || r < 0)) return [fieldError.invalid("spec.replicas", r, "must be greater than or equal to 0")];
  return [];
}

function validateTemplate(spec: any, matches: (labels: any) => boolean): FieldCause[] {
  const out: FieldCause[] = [];
  const t = spec?.template;
  if (!t || typeof t !== "object") return [fieldError.required("spec.template")];
  const labels = t.metadata?.labels;
  out.push(...validateLabels(labels, "spec.template.metadata.labels"));
  if (!matches(labels)) out.push(invalidRendered("spec.template.metadata.labels", goLabels(labels), "`selector` does not match template `labels`"));
  out.push(...validatePodSpec(t.spec, "spec.template.spec", { restartPolicies: ["Always"] }));
  return out;
}

/** Deployments, ReplicaSets and DaemonSets (apps/v1): a required, non-empty LabelSelector matching the template. */
export function validateAppsWorkload(obj: any, kindWord: "deployment" | "replicaset" | "daemonset"): FieldCause[] {
  const out: FieldCause[] = [];
  const spec = obj.spec ?? {};
  if (kindWord !== "daemonset") out.push(...validateReplicas(spec));
  const sel = spec.selector;
  if (!sel) {
    out.push(fieldError.required("spec.selector"));
  } else {
    out.push(...validateLabelSelector(sel, "spec.selector"));
    if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      out.push(invalidRendered("spec.selector", goLabelSelector(sel), `empty selector is invalid for ${kindWord}`));
    }
  }
  out.push(...validateTemplate(spec, (labels) => !sel || selectorMatches(sel, labels)));
  if (kindWord === "deployment") out.push(...validateDeploymentStrategy(spec));
  if (spec.minReadySeconds !== undefined && spec.minReadySeconds < 0) out.push(fieldError.invalid("spec.minReadySeconds", spec.minReadySeconds, "must be greater than or equal to 0"));
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit < 0) out.push(fieldError.invalid("spec.revisionHistoryLimit", spec.revisionHistoryLimit, "must be greater than or equal to 0"));
  return out;
}

function intOrPercent(v: unknown): { ok: boolean; zero: boolean; percent?: number } {
  if (typeof v === "number") return { ok: Number.isInteger(v) && v >= 0, zero: v === 0 };
  if (typeof v === "string" && /^[0-9]+%$/.test(v)) {
    const p = Number(v.slice(0, -1));
    return { ok: true, zero: p === 0, percent: p };
  }
  return { ok: false, zero: false };
}

function goIntOrString(v: unknown): string {
  return typeof v === "number" ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(String(v))}}`;
}

function validateDeploymentStrategy(spec: any): FieldCause[] {
  const out: FieldCause[] = [];
  const st = spec.strategy ?? {};
  if (st.type !== undefined && !["Recreate", "RollingUpdate"].includes(st.type)) out.push(fieldError.notSupported("spec.strategy.type", st.type, ["Recreate", "RollingUpdate"]));
  if (st.type === "Recreate" && st.rollingUpdate) out.push(fieldError.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
  if (st.type === "RollingUpdate" && st.rollingUpdate) {
    const ru = st.rollingUpdate;
    const mu = intOrPercent(ru.maxUnavailable);
    const ms = intOrPercent(ru.maxSurge);
    if (!mu.ok) out.push(invalidRendered("spec.strategy.rollingUpdate.maxUnavailable", goIntOrString(ru.maxUnavailable), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
    if (!ms.ok) out.push(invalidRendered("spec.strategy.rollingUpdate.maxSurge", goIntOrString(ru.maxSurge), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
    if (mu.ok && ms.ok && mu.zero && ms.zero) out.push(invalidRendered("spec.strategy.rollingUpdate.maxUnavailable", goIntOrString(ru.maxUnavailable), "may not be 0 when `maxSurge` is 0"));
    if (mu.percent !== undefined && mu.percent > 100) out.push(invalidRendered("spec.strategy.rollingUpdate.maxUnavailable", goIntOrString(ru.maxUnavailable), "must not be greater than 100%"));
  }
  return out;
}

/** apps/v1 selectors may not change after creation. */
export function validateSelectorImmutable(obj: any, old: any): FieldCause[] {
  if (canonical(obj.spec?.selector) === canonical(old.spec?.selector)) return [];
  return [invalidRendered("spec.selector", goLabelSelector(obj.spec?.selector), "field is immutable")];
}

export function validateReplicationController(obj: any): FieldCause[] {
  const out: FieldCause[] = [];
  const spec = obj.spec ?? {};
  out.push(...validateReplicas(spec));
  const sel = spec.selector;
  if (!sel || Object.keys(sel).length === 0) out.push(fieldError.required("spec.selector"));
  else out.push(...validateLabels(sel, "spec.selector"));
  out.push(...validateTemplate(spec, (labels) => !sel || Object.entries(sel).every(([k, v]) => labels?.[k] === v)));
  return out;
}
