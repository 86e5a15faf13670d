// HorizontalPodAutoscaler (autoscaling/v2, also served as autoscaling/v1): defaulting
// (pkg/apis/autoscaling/v2/defaults.go), validation (pkg/apis/autoscaling/validation/
// validation.go, v1.32, HPAScaleToZero off) and the v1 <-> v2 conversion of
// pkg/apis/autoscaling/v1/conversion.go for the CPU target.

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KindStrategy } from "./strategy";
import type { KubeObject } from "./types";
import { fieldError, type FieldCause } from "./field-errors";
import { validateObjectMeta } from "./validation/meta";
import { quantityNanos } from "./defaults/quantity";

/** The CPU target an HPA without metrics gets (autoscaling.DefaultCPUUtilization). */
export const DEFAULT_CPU_UTILIZATION = 80;

const maxPolicy = "Max";

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: fill what a given behavior leaves out. */
function scalingRules(rules: any, up: boolean): any {
  const r = { ...(rules ?? {}) };
  r.stabilizationWindowSeconds ??= up ? 0 : 300;
  r.selectPolicy ??= maxPolicy;
  if (!Array.isArray(r.policies) || r.policies.length === 0) {
    r.policies = up
      ? [{ type: "Pods", value: 4, periodSeconds: 15 }, { type: "Percent", value: 100, periodSeconds: 15 }]
      : [{ type: "Percent", value: 100, periodSeconds: 15 }];
  }
  return r;
}

/** The default behavior the controller uses when spec.behavior is unset. */
export function defaultBehavior(): { scaleUp: any; scaleDown: any } {
  return { scaleUp: scalingRules(undefined, true), scaleDown: scalingRules(undefined, false) };
}

export function defaultHpa(o: KubeObject): void {
  const spec = (o.spec ??= {});
  spec.minReplicas ??= 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = scalingRules(spec.behavior.scaleUp, true);
    spec.behavior.scaleDown = scalingRules(spec.behavior.scaleDown, false);
  }
}

const PATH_SEGMENT_BAD = [".", ".."];

/** IsValidPathSegmentName. */
function pathSegmentErrors(name: string): string[] {
  if (PATH_SEGMENT_BAD.includes(name)) return [`may not be '${name}'`];
  const out: string[] = [];
  for (const bad of ["/", "%"]) if (name.includes(bad)) out.push(`may not contain '${bad}'`);
  return out;
}

function validateRef(ref: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  for (const f of ["kind", "name"]) {
    const v = ref?.[f];
    if (!v) out.push(fieldError.required(`${path}.${f}`));
    else for (const msg of pathSegmentErrors(v)) out.push(fieldError.invalid(`${path}.${f}`, v, msg));
  }
  return out;
}

function positive(q: unknown): boolean {
  const n = quantityNanos(q);
  return n !== undefined && n > 0n;
}

function validateTarget(t: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (!t?.type) out.push(fieldError.required(`${path}.type`, "must specify a metric target type"));
  if (!["Utilization", "Value", "AverageValue"].includes(t?.type)) out.push(fieldError.invalid(`${path}.type`, t?.type ?? "", "must be either Utilization, Value, or AverageValue"));
  if (t?.value !== undefined && !positive(t.value)) out.push(fieldError.invalid(`${path}.value`, t.value, "must be positive"));
  if (t?.averageValue !== undefined && !positive(t.averageValue)) out.push(fieldError.invalid(`${path}.averageValue`, t.averageValue, "must be positive"));
  if (t?.averageUtilization !== undefined && t.averageUtilization < 1) out.push(fieldError.invalid(`${path}.averageUtilization`, t.averageUtilization, "must be greater than 0"));
  return out;
}

const SOURCE_TYPES = ["ContainerResource", "External", "Object", "Pods", "Resource"];
// In the order validateMetricSpec looks at them: only the first one present is validated.
const SOURCE_FIELD: Record<string, string> = { Object: "object", External: "external", Pods: "pods", Resource: "resource", ContainerResource: "containerResource" };

function validateResourceSource(src: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (!src.name) out.push(fieldError.required(`${path}.name`, "must specify a resource name"));
  out.push(...validateTarget(src.target, `${path}.target`));
  const t = src.target ?? {};
  if (t.averageUtilization === undefined && t.averageValue === undefined) out.push(fieldError.required(`${path}.target.averageUtilization`, "must set either a target raw value or a target utilization"));
  if (t.averageUtilization !== undefined && t.averageValue !== undefined) out.push(fieldError.forbidden(`${path}.target.averageValue`, "may not set both a target raw value and a target utilization"));
  return out;
}

/** validateMetricSpec: the type, its one source (Resource sources checked in depth). */
function validateMetric(m: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (!m?.type) out.push(fieldError.required(`${path}.type`, "must specify a metric source type"));
  if (!SOURCE_TYPES.includes(m?.type)) out.push(fieldError.notSupported(`${path}.type`, m?.type ?? "", SOURCE_TYPES));
  const present = Object.values(SOURCE_FIELD).filter((f) => m?.[f] !== undefined && m[f] !== null);
  if (present[0] === "resource") out.push(...validateResourceSource(m.resource, `${path}.resource`));
  const expected = SOURCE_FIELD[m?.type];
  if (expected && (m[expected] === undefined || m[expected] === null)) out.push(fieldError.required(`${path}.${expected}`, "must populate information for the given metric source"));
  else if (!expected) out.push(fieldError.notSupported(`${path}.type`, m.type, SOURCE_TYPES));
  if (present.length !== 1) for (const f of present.filter((x) => x !== expected)) out.push(fieldError.forbidden(`${path}.${f}`, "must populate the given metric source only"));
  return out;
}

function validateRules(rules: any, path: string): FieldCause[] {
  if (!rules) return [];
  const out: FieldCause[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w < 0) out.push(fieldError.invalid(`${path}.stabilizationWindowSeconds`, w, "must be greater than or equal to zero"));
  if (w !== undefined && w > 3600) out.push(fieldError.invalid(`${path}.stabilizationWindowSeconds`, w, "must be less than or equal to 3600"));
  if (rules.selectPolicy !== undefined && !["Disabled", "Max", "Min"].includes(rules.selectPolicy)) out.push(fieldError.notSupported(`${path}.selectPolicy`, rules.selectPolicy, ["Disabled", "Max", "Min"]));
  if (!Array.isArray(rules.policies) || rules.policies.length === 0) out.push(fieldError.required(`${path}.policies`, "must specify at least one Policy"));
  (rules.policies ?? []).forEach((p: any, i: number) => {
    const pp = `${path}.policies[${i}]`;
    if (p.type !== "Pods" && p.type !== "Percent") out.push(fieldError.notSupported(`${pp}.type`, p.type ?? "", ["Percent", "Pods"]));
    if (!(p.value > 0)) out.push(fieldError.invalid(`${pp}.value`, p.value ?? 0, "must be greater than zero"));
    if (!(p.periodSeconds > 0)) out.push(fieldError.invalid(`${pp}.periodSeconds`, p.periodSeconds ?? 0, "must be greater than zero"));
    if (p.periodSeconds > 1800) out.push(fieldError.invalid(`${pp}.periodSeconds`, p.periodSeconds, "must be less than or equal to 1800"));
  });
  return out;
}

export function validateHpaSpec(spec: any, minReplicasLowerBound = 1): FieldCause[] {
  const out: FieldCause[] = [];
  const min = spec?.minReplicas;
  const max = spec?.maxReplicas ?? 0;
  if (min !== undefined && min < minReplicasLowerBound) out.push(fieldError.invalid("spec.minReplicas", min, `must be greater than or equal to ${minReplicasLowerBound}`));
  if (max < 1) out.push(fieldError.invalid("spec.maxReplicas", max, "must be greater than 0"));
  if (min !== undefined && max < min) out.push(fieldError.invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  out.push(...validateRef(spec?.scaleTargetRef, "spec.scaleTargetRef"));
  (spec?.metrics ?? []).forEach((m: any, i: number) => out.push(...validateMetric(m, `spec.metrics[${i}]`)));
  if (spec?.behavior) {
    out.push(...validateRules(spec.behavior.scaleUp, "spec.behavior.scaleUp"));
    out.push(...validateRules(spec.behavior.scaleDown, "spec.behavior.scaleDown"));
  }
  return out;
}

export const hpaStrategy: KindStrategy = {
  statusSubresource: true,
  applyDefaults: defaultHpa,
  initialStatus: () => ({ currentReplicas: 0, desiredReplicas: 0 }),
  validateCreate: (o) => [...validateObjectMeta(o), ...validateHpaSpec(o.spec)],
  validateUpdate: (o, old) => validateHpaSpec(o.spec, old.spec?.minReplicas === 0 ? 0 : 1),
};

// ---- autoscaling/v1 <-> autoscaling/v2 ----

/** An autoscaling/v1 body as the stored autoscaling/v2 object (v1 defaults: minReplicas 1). */
export function hpaV1ToV2(v1: any): any {
  if (!v1 || typeof v1 !== "object") return v1;
  const { targetCPUUtilizationPercentage, ...rest } = v1.spec ?? {};
  const spec: any = { ...rest };
  if (targetCPUUtilizationPercentage !== undefined && targetCPUUtilizationPercentage !== null) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: targetCPUUtilizationPercentage } } }];
  }
  const out: any = { ...v1, apiVersion: "autoscaling/v2", spec };
  if (v1.status) {
    const { currentCPUUtilizationPercentage, ...st } = v1.status;
    out.status = { ...st };
    if (currentCPUUtilizationPercentage !== undefined) out.status.currentMetrics = [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: currentCPUUtilizationPercentage } } }];
  }
  return out;
}

/** A stored autoscaling/v2 object as autoscaling/v1 shows it (the CPU utilization target only). */
export function hpaV2ToV1(v2: any): any {
  if (!v2 || typeof v2 !== "object" || v2.kind !== "HorizontalPodAutoscaler") return v2;
  const { metrics, behavior, ...rest } = v2.spec ?? {};
  void behavior;
  const spec: any = { ...rest };
  const cpu = (metrics ?? []).find((m: any) => m.type === "Resource" && m.resource?.name === "cpu" && m.resource?.target?.type === "Utilization");
  if (cpu) spec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;
  const out: any = { ...v2, apiVersion: "autoscaling/v1", spec };
  if (v2.status) {
    const { currentMetrics, conditions, ...st } = v2.status;
    void conditions;
    out.status = { ...st };
    const cur = (currentMetrics ?? []).find((m: any) => m.type === "Resource" && m.resource?.name === "cpu");
    if (cur?.resource?.current?.averageUtilization !== undefined) out.status.currentCPUUtilizationPercentage = cur.resource.current.averageUtilization;
    out.status.currentReplicas ??= 0;
    out.status.desiredReplicas ??= 0;
  }
  return out;
}
