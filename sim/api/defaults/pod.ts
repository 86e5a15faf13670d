// Pod and pod-template defaulting (pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec,
// SetDefaults_Container, SetDefaults_Pod, SetDefaults_Probe, SetDefaults_Volume, ...).

/* eslint-disable @typescript-eslint/no-explicit-any */

import { canonicalQuantity, canonicalResourceList } from "./quantity";

/** The tag kubelet and the API server see in an image reference ("" for a digest). */
export function imageTag(image: string): string {
  const at = image.indexOf("@");
  if (at >= 0) return "";
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash ? image.slice(colon + 1) : "latest";
}

function defaultProbe(p: any): void {
  if (!p || typeof p !== "object") return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= "/";
    p.httpGet.scheme ??= "HTTP";
  }
  if (p.grpc) p.grpc.service ??= "";
}

function defaultLifecycleHandler(h: any): void {
  if (h?.httpGet) {
    h.httpGet.path ??= "/";
    h.httpGet.scheme ??= "HTTP";
  }
}

function defaultEnv(env: any[] | undefined): void {
  for (const e of env ?? []) if (e?.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= "v1";
}

export function defaultContainer(c: any, hostNetwork: boolean): void {
  if (!c || typeof c !== "object") return;
  if (!c.imagePullPolicy && typeof c.image === "string") c.imagePullPolicy = imageTag(c.image) === "latest" ? "Always" : "IfNotPresent";
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= {};
  for (const p of c.ports ?? []) {
    if (!p || typeof p !== "object") continue;
    p.protocol ??= "TCP";
    if (hostNetwork && p.hostPort === undefined) p.hostPort = p.containerPort;
  }
  defaultEnv(c.env);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultLifecycleHandler(c.lifecycle?.postStart);
  defaultLifecycleHandler(c.lifecycle?.preStop);
  // SetDefaults_Pod: limits without requests make requests equal to the limits.
  const r = c.resources;
  if (r && r.limits && typeof r.limits === "object") {
    r.requests = { ...r.limits, ...(r.requests ?? {}) };
  }
  canonicalResourceList(r?.limits);
  canonicalResourceList(r?.requests);
}

const DEFAULT_MODE = 420; // 0644

function defaultVolume(v: any): void {
  if (!v || typeof v !== "object") return;
  const sources = ["emptyDir", "hostPath", "configMap", "secret", "persistentVolumeClaim", "projected", "downwardAPI", "nfs", "csi", "ephemeral", "image", "iscsi", "awsElasticBlockStore", "gcePersistentDisk"];
  if (!sources.some((s) => v[s] !== undefined)) v.emptyDir = {};
  if (v.hostPath) v.hostPath.type ??= "";
  if (v.emptyDir?.sizeLimit !== undefined) v.emptyDir.sizeLimit = canonicalQuantity(v.emptyDir.sizeLimit);
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    for (const i of v.downwardAPI.items ?? []) if (i?.fieldRef) i.fieldRef.apiVersion ??= "v1";
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_MODE;
    for (const s of v.projected.sources ?? []) {
      if (s?.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
      for (const i of s?.downwardAPI?.items ?? []) if (i?.fieldRef) i.fieldRef.apiVersion ??= "v1";
    }
  }
  if (v.iscsi) v.iscsi.iscsiInterface ??= "default";
}

/** Defaults shared by Pods and pod templates inside workloads. */
export function defaultPodSpec(spec: any): void {
  if (!spec || typeof spec !== "object") return;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  spec.enableServiceLinks ??= true;
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c, hostNetwork);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/** The pod's QoS class (pkg/apis/core/helper/qos GetPodQOS), for status.qosClass. */
export function podQOS(spec: any): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c?.resources?.requests ?? {};
    const lim = c?.resources?.limits ?? {};
    for (const r of ["cpu", "memory"]) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
