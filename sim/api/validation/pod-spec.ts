// Pod spec validation with the v1.32 messages (pkg/apis/core/validation/validation.go:
// ValidatePodSpec, validateContainers, validateContainerPorts, ValidateVolumes, validateEnv).

/* eslint-disable @typescript-eslint/no-explicit-any */

import { fieldError, type FieldCause } from "../field-errors";
import { inclusiveRangeError, isConfigMapKey, isDNS1123Label, isEnvVarName, isValidPortName } from "./names";
import { quantityNanos } from "../defaults/quantity";

const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** ValidateResourceRequirements: parseable, non-negative, requests not above limits. */
function validateResources(r: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (!r || typeof r !== "object") return out;
  for (const kind of ["limits", "requests"] as const) {
    for (const [name, q] of Object.entries((r[kind] ?? {}) as Record<string, unknown>)) {
      const n = quantityNanos(q);
      if (n === undefined) out.push(fieldError.invalid(`${path}.${kind}[${name}]`, String(q), QUANTITY_FORMAT));
      else if (n < 0n) out.push(fieldError.invalid(`${path}.${kind}[${name}]`, String(q), "must be greater than or equal to 0"));
    }
  }
  for (const [name, q] of Object.entries((r.requests ?? {}) as Record<string, unknown>)) {
    const limit = r.limits?.[name];
    const rn = quantityNanos(q);
    const ln = quantityNanos(limit);
    if (rn !== undefined && ln !== undefined && rn > ln) out.push(fieldError.invalid(`${path}.requests`, String(q), `must be less than or equal to ${name} limit of ${String(limit)}`));
  }
  return out;
}

const PROBE_HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"];

function validateProbe(p: any, path: string): FieldCause[] {
  if (!p || typeof p !== "object") return [];
  const n = PROBE_HANDLERS.filter((h) => p[h] !== undefined).length;
  if (n === 0) return [fieldError.required(path, "must specify a handler type")];
  if (n > 1) return [fieldError.forbidden(path, "may not specify more than 1 handler type")];
  const out: FieldCause[] = [];
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    if (typeof p[f] === "number" && p[f] < 0) out.push(fieldError.invalid(`${path}.${f}`, p[f], "must be greater than or equal to 0"));
  }
  return out;
}

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

function validatePorts(ports: any[] | undefined, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    const at = `${path}[${i}]`;
    if (p?.name !== undefined && p.name !== "") {
      for (const m of isValidPortName(p.name)) out.push(fieldError.invalid(`${at}.name`, p.name, m));
      if (names.has(p.name)) out.push(fieldError.duplicate(`${at}.name`, p.name));
      names.add(p.name);
    }
    if (p?.containerPort === undefined || p.containerPort === 0) out.push(fieldError.required(`${at}.containerPort`));
    else if (!(p.containerPort >= 1 && p.containerPort <= 65535)) out.push(fieldError.invalid(`${at}.containerPort`, p.containerPort, inclusiveRangeError(1, 65535)));
    if (p?.hostPort !== undefined && p.hostPort !== 0 && !(p.hostPort >= 1 && p.hostPort <= 65535)) out.push(fieldError.invalid(`${at}.hostPort`, p.hostPort, inclusiveRangeError(1, 65535)));
    if (p?.protocol === undefined || p.protocol === "") out.push(fieldError.required(`${at}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) out.push(fieldError.notSupported(`${at}.protocol`, p.protocol, PROTOCOLS));
  });
  return out;
}

function validateEnv(env: any[] | undefined, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  (env ?? []).forEach((e, i) => {
    const at = `${path}[${i}]`;
    if (!e?.name) out.push(fieldError.required(`${at}.name`));
    else for (const m of isEnvVarName(e.name)) out.push(fieldError.invalid(`${at}.name`, e.name, m));
    if (e?.valueFrom) {
      const vf = e.valueFrom;
      const n = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"].filter((k) => vf[k] !== undefined).length;
      if (n === 0) out.push(fieldError.invalid(`${at}.valueFrom`, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
      if (e.value !== undefined && e.value !== "") out.push(fieldError.invalid(`${at}.valueFrom`, "", "may not be specified when `value` is not empty"));
      for (const ref of ["configMapKeyRef", "secretKeyRef"]) {
        const r = vf[ref];
        if (!r) continue;
        if (!r.key) out.push(fieldError.required(`${at}.valueFrom.${ref}.key`));
        else for (const m of isConfigMapKey(r.key)) out.push(fieldError.invalid(`${at}.valueFrom.${ref}.key`, r.key, m));
      }
    }
  });
  return out;
}

function validateContainers(containers: any[] | undefined, path: string, volumes: Set<string>, required: boolean): FieldCause[] {
  const out: FieldCause[] = [];
  if (!Array.isArray(containers) || containers.length === 0) {
    if (required) out.push(fieldError.required(path));
    return out;
  }
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!c?.name) out.push(fieldError.required(`${at}.name`));
    else {
      for (const m of isDNS1123Label(c.name)) out.push(fieldError.invalid(`${at}.name`, c.name, m));
      if (names.has(c.name)) out.push(fieldError.duplicate(`${at}.name`, c.name));
      names.add(c.name);
    }
    if (!c?.image || (typeof c.image === "string" && c.image.trim() === "")) out.push(fieldError.required(`${at}.image`));
    else if (c.image !== c.image.trim()) out.push(fieldError.invalid(`${at}.image`, c.image, "must not have leading or trailing whitespace"));
    if (c?.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) out.push(fieldError.notSupported(`${at}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    if (c?.terminationMessagePolicy !== undefined && !["File", "FallbackToLogsOnError"].includes(c.terminationMessagePolicy)) out.push(fieldError.notSupported(`${at}.terminationMessagePolicy`, c.terminationMessagePolicy, ["File", "FallbackToLogsOnError"]));
    out.push(...validatePorts(c?.ports, `${at}.ports`));
    out.push(...validateResources(c?.resources, `${at}.resources`));
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) out.push(...validateProbe(c?.[probe], `${at}.${probe}`));
    out.push(...validateEnv(c?.env, `${at}.env`));
    const mountPaths = new Set<string>();
    (c?.volumeMounts ?? []).forEach((m: any, j: number) => {
      const mp = `${at}.volumeMounts[${j}]`;
      if (!m?.name) out.push(fieldError.required(`${mp}.name`));
      else if (!volumes.has(m.name)) out.push(fieldError.notFound(`${mp}.name`, m.name));
      if (!m?.mountPath) out.push(fieldError.required(`${mp}.mountPath`));
      else if (mountPaths.has(m.mountPath)) out.push(fieldError.invalid(`${mp}.mountPath`, m.mountPath, "must be unique"));
      if (m?.mountPath) mountPaths.add(m.mountPath);
    });
  });
  return out;
}

function validateVolumes(volumes: any[] | undefined, path: string): { causes: FieldCause[]; names: Set<string> } {
  const out: FieldCause[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const at = `${path}[${i}]`;
    if (!v?.name) out.push(fieldError.required(`${at}.name`));
    else {
      for (const m of isDNS1123Label(v.name)) out.push(fieldError.invalid(`${at}.name`, v.name, m));
      if (names.has(v.name)) out.push(fieldError.duplicate(`${at}.name`, v.name));
      names.add(v.name);
    }
    const sources = Object.keys(v ?? {}).filter((key) => key !== "name");
    if (sources.length > 1) out.push(fieldError.forbidden(`${at}.${sources[1]}`, "may not specify more than 1 volume type"));
    if (v?.configMap && !v.configMap.name) out.push(fieldError.required(`${at}.configMap.name`));
    if (v?.secret && !v.secret.secretName) out.push(fieldError.required(`${at}.secret.secretName`));
    if (v?.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) out.push(fieldError.required(`${at}.persistentVolumeClaim.claimName`));
    if (v?.hostPath && !v.hostPath.path) out.push(fieldError.required(`${at}.hostPath.path`));
  });
  return { causes: out, names };
}

export interface PodSpecOptions {
  /** Workload templates restrict restartPolicy (Deployments, ReplicaSets, DaemonSets, RCs: Always only). */
  restartPolicies?: string[];
}

export function validatePodSpec(spec: any, path: string, opts: PodSpecOptions = {}): FieldCause[] {
  const out: FieldCause[] = [];
  if (!spec || typeof spec !== "object") return [fieldError.required(`${path}.containers`)];
  const vols = validateVolumes(spec.volumes, `${path}.volumes`);
  out.push(...vols.causes);
  out.push(...validateContainers(spec.containers, `${path}.containers`, vols.names, true));
  out.push(...validateContainers(spec.initContainers, `${path}.initContainers`, vols.names, false));
  const allowed = opts.restartPolicies ?? RESTART_POLICIES;
  if (spec.restartPolicy !== undefined && !allowed.includes(spec.restartPolicy)) out.push(fieldError.notSupported(`${path}.restartPolicy`, spec.restartPolicy, allowed));
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) out.push(fieldError.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    // Negative grace periods are accepted (and treated as 1) on create, as upstream keeps compatibility.
  }
  if (spec.activeDeadlineSeconds !== undefined && !(spec.activeDeadlineSeconds >= 1)) out.push(fieldError.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, "must be between 1 and 2147483647, inclusive"));
  if (spec.nodeSelector) {
    for (const [k, v] of Object.entries(spec.nodeSelector)) {
      if (typeof v !== "string") out.push(fieldError.invalid(`${path}.nodeSelector`, k, "value must be a string"));
    }
  }
  (spec.tolerations ?? []).forEach((t: any, i: number) => {
    const at = `${path}.tolerations[${i}]`;
    if (t?.operator !== undefined && !["Equal", "Exists"].includes(t.operator)) out.push(fieldError.notSupported(`${at}.operator`, t.operator, ["Equal", "Exists"]));
    if (t?.operator === "Exists" && t.value) out.push(fieldError.invalid(`${at}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
    if (!t?.key && t?.operator !== "Exists") out.push(fieldError.invalid(`${at}.operator`, t?.operator ?? "", "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    if (t?.effect !== undefined && t.effect !== "" && !["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(t.effect)) out.push(fieldError.notSupported(`${at}.effect`, t.effect, ["NoSchedule", "PreferNoSchedule", "NoExecute"]));
  });
  return out;
}
