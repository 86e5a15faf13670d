// Per-kind defaulting, admission and validation, keyed by "group/resource"
// (the strategies of pkg/registry/<group>/<kind>/strategy.go).

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KindStrategy, StrategyContext } from "./strategy";
import type { KubeObject } from "./types";
import { fieldError, type FieldCause } from "./field-errors";
import { defaultPodSpec, podQOS } from "./defaults/pod";
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultReplicationController } from "./defaults/workloads";
import { defaultService } from "./defaults/service";
import { admitDefaultTolerationSeconds, admitPriority, admitServiceAccount } from "./admission/pod";
import { allocateNodePorts, allocateService } from "./admission/service-alloc";
import { validateObjectMeta } from "./validation/meta";
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain } from "./validation/names";
import { validatePodSpec } from "./validation/pod-spec";
import { validatePodUpdate } from "./validation/pod-update";
import { validateAppsWorkload, validateReplicationController, validateSelectorImmutable } from "./validation/workloads";
import { validateService, validateServiceUpdate } from "./validation/service";
import { canonical } from "./validation/canonical";
import { cronJobStrategy, jobStrategy } from "./batch";
import { hpaStrategy } from "./autoscaling";

const pod: KindStrategy = {
  statusSubresource: true,
  statusResetsMetadata: ["ownerReferences"],
  applyDefaults: (o) => defaultPodSpec(o.spec),
  initialStatus: (o) => ({ phase: "Pending", qosClass: podQOS(o.spec) }),
  prepareForCreate: (o, ctx) => {
    admitServiceAccount(o, ctx);
    admitPriority(o, ctx);
    admitDefaultTolerationSeconds(o);
    // QoS is computed after defaulting (requests copied from limits).
    if (o.status) o.status.qosClass = podQOS(o.spec);
  },
  validateCreate: (o) => [...validateObjectMeta(o), ...validatePodSpec(o.spec, "spec")],
  validateUpdate: (o, old) => validatePodUpdate(o, old),
};

function workload(defaults: (o: any) => void, validate: (o: any) => FieldCause[], immutableSelector: boolean, annotationsBumpGeneration = false): KindStrategy {
  return {
    statusSubresource: true,
    statusResetsMetadata: annotationsBumpGeneration ? ["labels"] : [],
    tracksGeneration: true,
    annotationsBumpGeneration,
    applyDefaults: defaults,
    initialStatus: () => ({}),
    validateCreate: (o) => [...validateObjectMeta(o), ...validate(o)],
    validateUpdate: (o, old) => [...validate(o), ...(immutableSelector ? validateSelectorImmutable(o, old) : [])],
  };
}

/** PrepareForUpdate of Services: keep allocated values the client omitted; drop type-dependent ones it left stale. */
function prepareServiceUpdate(svc: KubeObject, old: KubeObject, ctx: StrategyContext): FieldCause[] {
  const spec = svc.spec ?? (svc.spec = {});
  const o = old.spec ?? {};
  if (spec.type !== "ExternalName" && o.type !== "ExternalName") {
    if (!spec.clusterIP && !spec.clusterIPs) {
      spec.clusterIP = o.clusterIP;
      spec.clusterIPs = o.clusterIPs;
    } else if (!spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
    else if (!spec.clusterIP) spec.clusterIP = spec.clusterIPs[0];
    spec.ipFamilies ??= o.ipFamilies;
    spec.ipFamilyPolicy ??= o.ipFamilyPolicy;
  } else if (spec.type !== "ExternalName" && o.type === "ExternalName") {
    return allocateService(svc, ctx, old.metadata.uid);
  }
  const needs = spec.type === "NodePort" || spec.type === "LoadBalancer";
  const needed = o.type === "NodePort" || o.type === "LoadBalancer";
  if (needs) {
    for (const p of spec.ports ?? []) {
      if (p && !p.nodePort) {
        const prev = (o.ports ?? []).find((x: any) => x.port === p.port && (x.protocol ?? "TCP") === (p.protocol ?? "TCP"));
        if (prev?.nodePort) p.nodePort = prev.nodePort;
      }
    }
    const fresh = (spec.ports ?? []).filter((p: any) => p && (!p.nodePort || !(o.ports ?? []).some((x: any) => x.nodePort === p.nodePort)));
    if (fresh.length) return allocateNodePorts({ ports: fresh }, ctx, old.metadata.uid).map((c) => ({ ...c, field: c.field.replace(/spec\.ports\[(\d+)\]/, (_m, i) => `spec.ports[${(spec.ports ?? []).indexOf(fresh[Number(i)])}]`) }));
  } else if (needed) {
    // dropTypeDependentFields: node ports the client left unchanged go with the old type.
    for (const p of spec.ports ?? []) {
      const prev = (o.ports ?? []).find((x: any) => x.nodePort === p?.nodePort);
      if (p?.nodePort && prev) delete p.nodePort;
    }
    if (spec.externalTrafficPolicy === o.externalTrafficPolicy) delete spec.externalTrafficPolicy;
    if (spec.type !== "LoadBalancer" && spec.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
  }
  return [];
}

const service: KindStrategy = {
  statusSubresource: true,
  applyDefaults: defaultService,
  initialStatus: () => ({ loadBalancer: {} }),
  prepareForCreate: (o, ctx) => allocateService(o, ctx),
  prepareForUpdate: prepareServiceUpdate,
  validateCreate: (o) => validateService(o),
  validateUpdate: (o, old) => [...validateService(o), ...validateServiceUpdate(o, old)],
};

const namespace: KindStrategy = {
  statusSubresource: true,
  applyDefaults: (o) => {
    // SetDefaults_Namespace: the immutable name label.
    if (o.metadata.name) o.metadata.labels = { ...(o.metadata.labels ?? {}), "kubernetes.io/metadata.name": o.metadata.name };
  },
  initialStatus: () => ({ phase: "Active" }),
  prepareForCreate: (o) => {
    o.spec = { ...(o.spec ?? {}), finalizers: ["kubernetes"] };
  },
  prepareForUpdate: (o, old) => {
    // spec.finalizers only change through the finalize subresource.
    o.spec = { ...(o.spec ?? {}), finalizers: old.spec?.finalizers ?? [] };
  },
  validateCreate: (o) => validateObjectMeta(o, isDNS1123Label),
  validateUpdate: () => [],
};

/** Base64 of a string's UTF-8 bytes, without Node's Buffer. */
function base64Utf8(s: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

const secret: KindStrategy = {
  applyDefaults: (o) => {
    o.type ??= "Opaque";
    // Conversion to the internal type folds stringData into data (stringData wins).
    if (o.stringData && typeof o.stringData === "object") {
      o.data = { ...(o.data ?? {}) };
      for (const [k, v] of Object.entries(o.stringData as Record<string, unknown>)) o.data[k] = base64Utf8(String(v));
      delete o.stringData;
    }
  },
  validateCreate: (o) => [...validateObjectMeta(o), ...validateSecretData(o)],
  validateUpdate: (o, old) => [
    ...validateSecretData(o),
    ...(o.type !== old.type ? [fieldError.invalid("type", o.type, "field is immutable")] : []),
    ...(old.immutable === true && (canonical(o.data) !== canonical(old.data) || o.immutable !== true) ? [fieldError.forbidden("data", "field is immutable when `immutable` is set")] : []),
  ],
};

function validateSecretData(o: KubeObject): FieldCause[] {
  const out: FieldCause[] = [];
  out.push(...validateDataKeys(o, ["data"]));
  for (const [k, v] of Object.entries((o.data ?? {}) as Record<string, unknown>)) {
    if (typeof v !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) out.push(fieldError.invalid(`data[${k}]`, "<secret contents redacted>", "illegal base64 data"));
  }
  if (o.type === "kubernetes.io/tls") {
    if (!o.data?.["tls.crt"]) out.push(fieldError.required("data[tls.crt]"));
    if (!o.data?.["tls.key"]) out.push(fieldError.required("data[tls.key]"));
  }
  return out;
}

function validateDataKeys(o: KubeObject, fields: string[]): FieldCause[] {
  const out: FieldCause[] = [];
  const seen = new Set<string>();
  for (const f of fields) {
    for (const k of Object.keys((o[f] ?? {}) as Record<string, unknown>)) {
      for (const m of isConfigMapKey(k)) out.push(fieldError.invalid(`${f}[${k}]`, k, m));
      if (seen.has(k) && f === "binaryData") out.push(fieldError.invalid(`binaryData[${k}]`, k, "duplicate of key present in data"));
      seen.add(k);
    }
  }
  return out;
}

const configMap: KindStrategy = {
  validateCreate: (o) => [...validateObjectMeta(o), ...validateDataKeys(o, ["data", "binaryData"])],
  validateUpdate: (o, old) => validateDataKeys(o, ["data", "binaryData"]).concat(old.immutable === true && (canonical(o.data) !== canonical(old.data) || o.immutable !== true) ? [fieldError.forbidden("data", "field is immutable when `immutable` is set")] : []),
};

const generic: KindStrategy = {
  validateCreate: (o) => validateObjectMeta(o),
};

const node: KindStrategy = {
  statusSubresource: true,
  // Nodes register with their status (nodeStrategy.PrepareForCreate keeps it).
  initialStatus: (o) => o.status,
  applyDefaults: (o) => {
    if (o.status?.capacity && !o.status.allocatable) o.status.allocatable = { ...o.status.capacity };
  },
  validateCreate: (o) => validateObjectMeta(o, isDNS1123Subdomain),
};

const endpointPorts = (o: KubeObject): void => {
  for (const s of o.subsets ?? []) for (const p of s?.ports ?? []) if (p) p.protocol ??= "TCP";
};

const endpoints: KindStrategy = { applyDefaults: endpointPorts, validateCreate: (o) => validateObjectMeta(o) };

const endpointSlice: KindStrategy = {
  applyDefaults: (o) => {
    for (const p of o.ports ?? []) if (p) p.protocol ??= "TCP";
  },
  validateCreate: (o) => [...validateObjectMeta(o), ...(o.addressType ? [] : [fieldError.required("addressType")])],
};

export const STRATEGIES: Record<string, KindStrategy> = {
  "/pods": pod,
  "/services": service,
  "/namespaces": namespace,
  "/secrets": secret,
  "/configmaps": configMap,
  "/serviceaccounts": generic,
  "/events": { validateCreate: (o) => validateObjectMeta(o) },
  "/nodes": node,
  "/endpoints": endpoints,
  "/replicationcontrollers": workload(defaultReplicationController, validateReplicationController, false),
  "apps/deployments": workload(defaultDeployment, (o) => validateAppsWorkload(o, "deployment"), true, true),
  "apps/replicasets": workload(defaultReplicaSet, (o) => validateAppsWorkload(o, "replicaset"), true),
  "apps/daemonsets": workload(defaultDaemonSet, (o) => validateAppsWorkload(o, "daemonset"), true),
  "discovery.k8s.io/endpointslices": endpointSlice,
  "autoscaling/horizontalpodautoscalers": hpaStrategy,
  "batch/jobs": jobStrategy,
  "batch/cronjobs": cronJobStrategy,
  // No quota controller or LimitRanger admission yet: the objects are stored as written.
  "/resourcequotas": { statusSubresource: true, initialStatus: () => ({}), validateCreate: (o) => validateObjectMeta(o) },
  "/limitranges": generic,
  "coordination.k8s.io/leases": generic,
};
