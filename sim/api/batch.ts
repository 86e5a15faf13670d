// Job and CronJob (batch/v1): defaulting (pkg/apis/batch/v1/defaults.go as of v1.32, with the
// JobPodReplacementPolicy and manualSelector defaults), the generated selector and labels of
// pkg/registry/batch/job/strategy.go, and validation (pkg/apis/batch/validation/validation.go).

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KindStrategy } from "./strategy";
import type { KubeObject } from "./types";
import { fieldError, type FieldCause } from "./field-errors";
import { defaultPodSpec } from "./defaults/pod";
import { validateObjectMeta, validateLabels } from "./validation/meta";
import { validatePodSpec } from "./validation/pod-spec";
import { goLabelSelector, selectorMatches } from "./validation/workloads";
import { canonical } from "./validation/canonical";
import { cronError, zoneOffsetMs } from "./validation/cron";

const JOB_RESTART_POLICIES = ["OnFailure", "Never"];

function defaultPodTemplate(t: any): void {
  if (!t || typeof t !== "object") return;
  t.metadata ??= {};
  if (t.metadata.creationTimestamp === undefined) t.metadata.creationTimestamp = null;
  defaultPodSpec(t.spec);
}

/** SetDefaults_Job. */
export function defaultJobSpec(spec: any, metadata?: any): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  const labels = spec.template?.metadata?.labels;
  if (metadata && labels && Object.keys(metadata.labels ?? {}).length === 0) metadata.labels = { ...labels };
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  spec.manualSelector ??= false;
  defaultPodTemplate(spec.template);
}

/** generateSelector (strategy.go): the controller-uid selector and the job labels on the template. */
function generateSelector(job: KubeObject): FieldCause[] {
  const spec = job.spec;
  if (spec.manualSelector === true) return [];
  const uid = job.metadata.uid!;
  const name = job.metadata.name ?? "";
  const t = (spec.template ??= {});
  t.metadata ??= {};
  const labels = (t.metadata.labels ??= {});
  const out: FieldCause[] = [];
  const want: Record<string, string> = {
    "batch.kubernetes.io/controller-uid": uid,
    "batch.kubernetes.io/job-name": name,
    "controller-uid": uid,
    "job-name": name,
  };
  for (const [k, v] of Object.entries(want)) {
    if (labels[k] !== undefined && labels[k] !== v) {
      out.push(fieldError.invalid(`spec.template.metadata.labels`, labels, `\`selector\` not auto-generated`));
      return out;
    }
    labels[k] = v;
  }
  if (spec.selector && canonical(spec.selector) !== canonical({ matchLabels: { "batch.kubernetes.io/controller-uid": uid } })) {
    return [{ reason: "FieldValueInvalid", field: "spec.selector", message: `Invalid value: ${goLabelSelector(spec.selector)}: \`selector\` will be auto-generated` }];
  }
  spec.selector = { matchLabels: { "batch.kubernetes.io/controller-uid": uid } };
  return out;
}

function nonNegative(spec: any, field: string, path: string): FieldCause[] {
  const v = spec?.[field];
  return v !== undefined && v !== null && !(v >= 0) ? [fieldError.invalid(`${path}.${field}`, v, "must be greater than or equal to 0")] : [];
}

/** validateJobSpec: the Job's spec or a CronJob's jobTemplate spec (`path`). */
export function validateJobSpec(spec: any, path: string, selectorRequired: boolean): FieldCause[] {
  const out: FieldCause[] = [];
  if (!spec || typeof spec !== "object") return [fieldError.required(`${path}.template`)];
  for (const f of ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"]) out.push(...nonNegative(spec, f, path));
  if (spec.completionMode !== undefined && !["NonIndexed", "Indexed"].includes(spec.completionMode)) out.push(fieldError.notSupported(`${path}.completionMode`, spec.completionMode, ["NonIndexed", "Indexed"]));
  if (spec.completionMode === "Indexed" && spec.completions === undefined) out.push(fieldError.required(`${path}.completions`, "when completion mode is Indexed"));
  if (selectorRequired && !spec.selector) out.push(fieldError.required(`${path}.selector`));
  const t = spec.template;
  if (!t || typeof t !== "object") return [...out, fieldError.required(`${path}.template`)];
  out.push(...validateLabels(t.metadata?.labels, `${path}.template.metadata.labels`));
  if (spec.selector && !selectorMatches(spec.selector, t.metadata?.labels)) {
    out.push({ reason: "FieldValueInvalid", field: `${path}.template.metadata.labels`, message: `Invalid value: ${t.metadata?.labels ? JSON.stringify(t.metadata.labels) : "map[string]string(nil)"}: \`selector\` does not match template \`labels\`` });
  }
  out.push(...validatePodSpec(t.spec, `${path}.template.spec`, { restartPolicies: JOB_RESTART_POLICIES }));
  return out;
}

export const jobStrategy: KindStrategy = {
  statusSubresource: true,
  tracksGeneration: true,
  applyDefaults: (o) => defaultJobSpec((o.spec ??= {}), o.metadata),
  initialStatus: () => ({}),
  prepareForCreate: (o) => {
    const causes = generateSelector(o);
    // SetDefaults_Job copies the template's labels to an unlabelled Job on decode; the labels
    // generated above reach the Job on the controller's first status write upstream.
    if (Object.keys(o.metadata.labels ?? {}).length === 0) o.metadata.labels = { ...(o.spec.template?.metadata?.labels ?? {}) };
    return causes;
  },
  validateCreate: (o) => [...validateObjectMeta(o), ...validateJobSpec(o.spec, "spec", true)],
  validateUpdate: (o, old) => {
    const out = validateJobSpec(o.spec, "spec", true);
    if (canonical(o.spec?.selector) !== canonical(old.spec?.selector)) out.push({ reason: "FieldValueInvalid", field: "spec.selector", message: `Invalid value: ${goLabelSelector(o.spec?.selector)}: field is immutable` });
    if (o.spec?.completions !== old.spec?.completions) out.push(fieldError.invalid("spec.completions", o.spec?.completions ?? null, "field is immutable"));
    if (o.spec?.completionMode !== old.spec?.completionMode) out.push(fieldError.invalid("spec.completionMode", o.spec?.completionMode ?? null, "field is immutable"));
    // The template may change only while the job is suspended (ValidateJobSpecUpdate).
    if (!old.spec?.suspend && canonical(o.spec?.template) !== canonical(old.spec?.template)) out.push(fieldError.invalid("spec.template", "<pod template>", "field is immutable"));
    return out;
  },
};

/** SetDefaults_CronJob, plus pod defaults inside the job template. */
function defaultCronJob(o: any): void {
  const spec = (o.spec ??= {});
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = "Allow";
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultPodTemplate(spec.jobTemplate?.spec?.template);
  if (spec.jobTemplate && typeof spec.jobTemplate === "object") {
    spec.jobTemplate.metadata ??= {};
    if (spec.jobTemplate.metadata.creationTimestamp === undefined) spec.jobTemplate.metadata.creationTimestamp = null;
  }
}

function validateCronJobSpec(o: KubeObject, creating: boolean): FieldCause[] {
  const out: FieldCause[] = [];
  const spec = o.spec ?? {};
  const name = o.metadata.name ?? "";
  if (creating && name.length > 52) out.push(fieldError.invalid("metadata.name", name, "must be no more than 52 characters"));
  if (!spec.schedule) out.push(fieldError.required("spec.schedule"));
  else {
    const err = cronError(spec.schedule);
    if (err) out.push(fieldError.invalid("spec.schedule", spec.schedule, err));
    if (/TZ/.test(spec.schedule)) out.push(fieldError.invalid("spec.schedule", spec.schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  if (spec.timeZone !== undefined && spec.timeZone !== null) {
    if (spec.timeZone === "" || /^\s|\s$/.test(spec.timeZone) || zoneOffsetMs(spec.timeZone, 0) === undefined) out.push(fieldError.invalid("spec.timeZone", spec.timeZone, `unknown time zone ${spec.timeZone}`));
  }
  if (!["Allow", "Forbid", "Replace"].includes(spec.concurrencyPolicy)) out.push(fieldError.notSupported("spec.concurrencyPolicy", spec.concurrencyPolicy ?? "", ["Allow", "Forbid", "Replace"]));
  for (const f of ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"]) out.push(...nonNegative(spec, f, "spec"));
  if (!spec.jobTemplate?.spec) out.push(fieldError.required("spec.jobTemplate.spec.template"));
  else out.push(...validateJobSpec(spec.jobTemplate.spec, "spec.jobTemplate.spec", false));
  return out;
}

export const cronJobStrategy: KindStrategy = {
  statusSubresource: true,
  tracksGeneration: true,
  applyDefaults: defaultCronJob,
  initialStatus: () => ({}),
  validateCreate: (o) => [...validateObjectMeta(o), ...validateCronJobSpec(o, true)],
  validateUpdate: (o) => validateCronJobSpec(o, false),
};
