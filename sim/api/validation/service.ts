// Service validation (pkg/apis/core/validation/validation.go ValidateService, ValidateServiceUpdate).

/* eslint-disable @typescript-eslint/no-explicit-any */

import { fieldError, type FieldCause } from "../field-errors";
import { validateObjectMeta } from "./meta";
import { inclusiveRangeError, isDNS1035Label, isDNS1123Label, isValidPortName } from "./names";
import type { KubeObject } from "../types";

const TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

export function validateService(svc: KubeObject): FieldCause[] {
  const out = validateObjectMeta(svc, isDNS1035Label);
  const spec = svc.spec ?? {};
  if (!TYPES.includes(spec.type)) out.push(fieldError.notSupported("spec.type", spec.type ?? "", TYPES));
  const ports: any[] = spec.ports ?? [];
  const headless = spec.clusterIP === "None";
  if (spec.type === "ExternalName") {
    if (!spec.externalName) out.push(fieldError.required("spec.externalName"));
  } else if (ports.length === 0 && !headless) {
    out.push(fieldError.required("spec.ports"));
  }
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p?.name) out.push(fieldError.required(`${at}.name`));
    if (p?.name) {
      for (const m of isDNS1123Label(p.name)) out.push(fieldError.invalid(`${at}.name`, p.name, m));
      if (names.has(p.name)) out.push(fieldError.duplicate(`${at}.name`, p.name));
      names.add(p.name);
    }
    if (!(typeof p?.port === "number" && p.port >= 1 && p.port <= 65535)) out.push(fieldError.invalid(`${at}.port`, p?.port ?? 0, inclusiveRangeError(1, 65535)));
    if (!PROTOCOLS.includes(p?.protocol)) out.push(fieldError.notSupported(`${at}.protocol`, p?.protocol ?? "", PROTOCOLS));
    const tp = p?.targetPort;
    if (typeof tp === "number" && !(tp >= 1 && tp <= 65535)) out.push(fieldError.invalid(`${at}.targetPort`, tp, inclusiveRangeError(1, 65535)));
    if (typeof tp === "string") for (const m of isValidPortName(tp)) out.push(fieldError.invalid(`${at}.targetPort`, tp, m));
    if (p?.nodePort && spec.type === "ClusterIP") out.push(fieldError.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    const key = `${p?.port}/${p?.protocol}`;
    if (seen.has(key)) out.push({ reason: "FieldValueDuplicate", field: at, message: `Duplicate value: core.ServicePort{Name:${JSON.stringify(p?.name ?? "")}, Protocol:${JSON.stringify(p?.protocol ?? "")}, AppProtocol:(*string)(nil), Port:${p?.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}` });
    seen.add(key);
  });
  if (spec.sessionAffinity !== undefined && !["ClientIP", "None"].includes(spec.sessionAffinity)) out.push(fieldError.notSupported("spec.sessionAffinity", spec.sessionAffinity, ["ClientIP", "None"]));
  if (spec.selector) {
    for (const [k, v] of Object.entries(spec.selector)) if (typeof v !== "string") out.push(fieldError.invalid("spec.selector", k, "must be a string"));
  }
  return out;
}

export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldCause[] {
  const out: FieldCause[] = [];
  const oldIPs: string[] = old.spec?.clusterIPs ?? [];
  const newIPs: string[] = svc.spec?.clusterIPs ?? [];
  const convertingToExternalName = svc.spec?.type === "ExternalName";
  if (!convertingToExternalName && oldIPs.length && newIPs.length && oldIPs[0] !== newIPs[0]) {
    out.push({ reason: "FieldValueInvalid", field: "spec.clusterIPs[0]", message: `Invalid value: []string{${newIPs.map((x) => JSON.stringify(x)).join(", ")}}: may not change once set` });
  }
  return out;
}
