// A container's environment as the kubelet builds it (pkg/kubelet/kubelet_pods.go
// makeEnvironmentVariables): service links, envFrom, env with $(VAR) expansion, valueFrom.

import type { KubeObject } from "../api/types";
import { fieldValue } from "./fields";

/** A missing ConfigMap/Secret or key: the container waits in CreateContainerConfigError. */
export class ContainerConfigError extends Error {}

export interface EnvSources {
  pod: KubeObject;
  hostIP: string;
  podIP: string;
  configMap(name: string): KubeObject | undefined;
  secret(name: string): KubeObject | undefined;
  /** Services of the pod's namespace (and "kubernetes" from default), for service links. */
  services: KubeObject[];
  nodeAllocatable: Record<string, string>;
}

/** third_party/forked/golang/expansion: $(VAR) from `lookup`, $$ → $, unknown references kept. */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== "$" || i + 1 >= input.length) { out += c; continue; }
    const n = input[i + 1];
    if (n === "$") { out += "$"; i++; continue; }
    if (n === "(") {
      const end = input.indexOf(")", i + 2);
      if (end < 0) { out += input.slice(i); break; }
      const name = input.slice(i + 2, end);
      const v = lookup(name);
      out += v !== undefined ? v : `$(${name})`;
      i = end;
      continue;
    }
    out += c;
  }
  return out;
}

/** pkg/kubelet/envvars FromServices: FOO_SERVICE_HOST, FOO_PORT_80_TCP, ... */
export function serviceEnv(services: KubeObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  const sorted = services.length > 1 ? [...services].sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "")) : services;
  for (const svc of sorted) for (const [k, v] of serviceVars(svc)) env[k] = v;
  return env;
}

/** Stored (frozen) Services → their variables: every container start asks again. */
const varsOf = new WeakMap<object, [string, string][]>();

/** One Service's variables, in the order FromServices sets them. */
function serviceVars(svc: KubeObject): [string, string][] {
  const hit = varsOf.get(svc);
  if (hit) return hit;
  const out: [string, string][] = [];
  const ip: string | undefined = svc.spec?.clusterIP;
  const ports: { name?: string; port: number; protocol?: string }[] = svc.spec?.ports ?? [];
  if (ip && ip !== "None" && ports.length > 0) {
    const name = (svc.metadata.name ?? "").toUpperCase().replace(/-/g, "_");
    out.push([`${name}_SERVICE_HOST`, ip]);
    out.push([`${name}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, "_")}`, String(p.port)]);
    const proto0 = (ports[0].protocol ?? "TCP").toLowerCase();
    out.push([`${name}_PORT`, `${proto0}://${ip}:${ports[0].port}`]);
    for (const p of ports) {
      const proto = (p.protocol ?? "TCP").toUpperCase();
      const prefix = `${name}_PORT_${p.port}_${proto}`;
      out.push([prefix, `${proto.toLowerCase()}://${ip}:${p.port}`]);
      out.push([`${prefix}_PROTO`, proto.toLowerCase()]);
      out.push([`${prefix}_PORT`, String(p.port)]);
      out.push([`${prefix}_ADDR`, ip]);
    }
  }
  if (Object.isFrozen(svc)) varsOf.set(svc, out);
  return out;
}

const SUFFIX: Record<string, number> = { "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6 };

export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const m = /^([+-]?\d+(?:\.\d+)?)(?:[eE]([+-]?\d+))?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(String(q).trim());
  if (!m) return undefined;
  return parseFloat(m[1]) * (m[2] ? 10 ** parseInt(m[2], 10) : 1) * SUFFIX[m[3] ?? ""];
}

function fieldRef(path: string, s: EnvSources): string {
  return fieldValue(path, s.pod, s.hostIP, s.podIP);
}

/** pkg/api/v1/resource ExtractContainerResourceValue: limits fall back to node allocatable. */
export function resourceFieldValue(ref: { containerName?: string; resource: string; divisor?: string | number }, container: { resources?: { limits?: Record<string, string>; requests?: Record<string, string> } }, s: EnvSources): string {
  const [kind, res] = ref.resource.split(".", 2) as [string, string];
  const divisor = parseQuantity(ref.divisor ?? "1") || 1;
  let v = parseQuantity((kind === "limits" ? container.resources?.limits : container.resources?.requests)?.[res]);
  if (v === undefined) v = kind === "limits" ? parseQuantity(s.nodeAllocatable[res]) ?? 0 : res === "cpu" ? 0 : 0;
  return String(Math.ceil(v / divisor - 1e-9));
}

type EnvVar = { name: string; value?: string; valueFrom?: any };
type EnvFrom = { prefix?: string; configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } };

function decode(b64: string): string {
  try {
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return b64;
  }
}

/** The env a container starts with, in the kubelet's precedence; throws ContainerConfigError. */
export function containerEnv(container: { name: string; env?: EnvVar[]; envFrom?: EnvFrom[]; resources?: any }, s: EnvSources): Record<string, string> {
  const ns = s.pod.metadata.namespace ?? "default";
  const links = s.pod.spec?.enableServiceLinks !== false;
  const svcEnv = serviceEnv(s.services.filter((x) => links || (x.metadata.name === "kubernetes" && x.metadata.namespace === "default")));
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? "";
    if (from.configMapRef) {
      const cm = s.configMap(from.configMapRef.name);
      if (!cm) { if (from.configMapRef.optional) continue; throw new ContainerConfigError(`configmap "${from.configMapRef.name}" not found`); }
      for (const [k, v] of Object.entries((cm.data ?? {}) as Record<string, string>)) env[prefix + k] = v;
    }
    if (from.secretRef) {
      const sec = s.secret(from.secretRef.name);
      if (!sec) { if (from.secretRef.optional) continue; throw new ContainerConfigError(`secret "${from.secretRef.name}" not found`); }
      for (const [k, v] of Object.entries((sec.data ?? {}) as Record<string, string>)) env[prefix + k] = decode(v);
    }
  }
  const lookup = (name: string) => env[name] ?? svcEnv[name];
  for (const e of container.env ?? []) {
    if (e.valueFrom === undefined) { env[e.name] = expand(e.value ?? "", lookup); continue; }
    const vf = e.valueFrom;
    if (vf.fieldRef) env[e.name] = fieldRef(vf.fieldRef.fieldPath, s);
    else if (vf.resourceFieldRef) {
      const target = vf.resourceFieldRef.containerName ? (s.pod.spec?.containers ?? []).find((c: { name: string }) => c.name === vf.resourceFieldRef.containerName) ?? container : container;
      env[e.name] = resourceFieldValue(vf.resourceFieldRef, target, s);
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      const cm = s.configMap(r.name);
      if (!cm) { if (r.optional) continue; throw new ContainerConfigError(`configmap "${r.name}" not found`); }
      const v = (cm.data ?? {})[r.key];
      if (v === undefined) { if (r.optional) continue; throw new ContainerConfigError(`couldn't find key ${r.key} in ConfigMap ${ns}/${r.name}`); }
      env[e.name] = v;
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      const sec = s.secret(r.name);
      if (!sec) { if (r.optional) continue; throw new ContainerConfigError(`secret "${r.name}" not found`); }
      const v = (sec.data ?? {})[r.key];
      if (v === undefined) { if (r.optional) continue; throw new ContainerConfigError(`couldn't find key ${r.key} in Secret ${ns}/${r.name}`); }
      env[e.name] = decode(v);
    }
  }
  for (const [k, v] of Object.entries(svcEnv)) if (!(k in env)) env[k] = v;
  return env;
}
