// Volumes as the kubelet's volume manager sets them up (pkg/volume/configmap, secret,
// downwardapi, projected): a missing non-optional source blocks the pod in ContainerCreating
// with a FailedMount event; mounted files are what `cat` sees inside the container.

import type { KubeObject } from "../api/types";
import { fieldValue } from "./fields";
import type { PodRt } from "./state";
import { assignData } from "../core/objects";

export interface VolumeSources {
  pod: KubeObject;
  /** The pod's worker, when known: emptyDir contents written by other containers and by exec. */
  worker?: PodRt;
  /** The time files are read at (for scripts that write into shared volumes). */
  now?: number;
  hostIP: string;
  podIP: string;
  configMap(name: string): KubeObject | undefined;
  secret(name: string): KubeObject | undefined;
}

type Volume = { name: string; configMap?: any; secret?: any; projected?: any; downwardAPI?: any; emptyDir?: unknown; hostPath?: unknown };

// The service-account CA bundle is published by a controller; a cluster without it still mounts tokens.
const TOLERATED_CONFIGMAPS = new Set(["kube-root-ca.crt"]);

/** The first FailedMount message, or undefined when every volume can be set up. */
export function mountError(s: VolumeSources): string | undefined {
  for (const v of (s.pod.spec?.volumes ?? []) as Volume[]) {
    const why = volumeError(v, s);
    if (why) return `MountVolume.SetUp failed for volume "${v.name}" : ${why}`;
  }
  return undefined;
}

function volumeError(v: Volume, s: VolumeSources): string | undefined {
  if (v.configMap && !v.configMap.optional && !s.configMap(v.configMap.name)) return `configmap "${v.configMap.name}" not found`;
  if (v.secret && !v.secret.optional && !s.secret(v.secret.secretName)) return `secret "${v.secret.secretName}" not found`;
  for (const src of v.projected?.sources ?? []) {
    if (src.configMap && !src.configMap.optional && !TOLERATED_CONFIGMAPS.has(src.configMap.name) && !s.configMap(src.configMap.name)) return `configmap "${src.configMap.name}" not found`;
    if (src.secret && !src.secret.optional && !s.secret(src.secret.name)) return `secret "${src.secret.name}" not found`;
  }
  return undefined;
}

function decode(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  } catch {
    return b64;
  }
}

function keyed(data: Record<string, string>, items: { key: string; path: string }[] | undefined): Record<string, string> {
  if (!items) return { ...data };
  const out: Record<string, string> = {};
  for (const it of items) if (data[it.key] !== undefined) out[it.path] = data[it.key];
  return out;
}

const FAKE_CA = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubernetesSimulatedCAwDQYJKoZIhvcNAQELBQAwFTET\n-----END CERTIFICATE-----\n";

/** Relative path → content for one volume. */
function volumeFiles(v: Volume, s: VolumeSources): Record<string, string> {
  if (v.configMap) {
    const cm = s.configMap(v.configMap.name);
    return cm ? keyed(assignData({ ...(cm.data ?? {}) }, mapValues(cm.binaryData ?? {}, decode)), v.configMap.items) : {};
  }
  if (v.secret) {
    const sec = s.secret(v.secret.secretName);
    return sec ? keyed(mapValues(sec.data ?? {}, decode), v.secret.items) : {};
  }
  if (v.downwardAPI) return downward(v.downwardAPI.items ?? [], s);
  if (v.projected) {
    // assignData: as `out = { ...out, ...x }` (a second spread in a literal is slow).
    const out: Record<string, string> = {};
    for (const src of v.projected.sources ?? []) {
      if (src.configMap) {
        const cm = s.configMap(src.configMap.name);
        if (cm) assignData(out, keyed(cm.data ?? {}, src.configMap.items));
        else if (src.configMap.name === "kube-root-ca.crt") assignData(out, keyed({ "ca.crt": FAKE_CA }, src.configMap.items));
      }
      if (src.secret) {
        const sec = s.secret(src.secret.name);
        if (sec) assignData(out, keyed(mapValues(sec.data ?? {}, decode), src.secret.items));
      }
      if (src.downwardAPI) assignData(out, downward(src.downwardAPI.items ?? [], s));
      if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? "token"] = serviceAccountToken(s.pod);
    }
    return out;
  }
  return {};
}

function mapValues(o: Record<string, string>, f: (v: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

function downward(items: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: unknown }[], s: VolumeSources): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items) {
    if (!it.fieldRef) continue;
    const p = it.fieldRef.fieldPath;
    if (p === "metadata.labels" || p === "metadata.annotations") {
      const m = (s.pod.metadata[p.slice(9)] ?? {}) as Record<string, string>;
      // pkg/fieldpath FormatMap: sorted key="value" lines, no trailing newline.
      out[it.path] = Object.keys(m).sort().map((k) => `${k}=${JSON.stringify(m[k])}`).join("\n");
    } else out[it.path] = fieldValue(p, s.pod, s.hostIP, s.podIP);
  }
  return out;
}

const tokens = new Map<string, string>();

/** A JWT-shaped token whose claims name the pod's service account (not signed by anything real). */
export function serviceAccountToken(pod: KubeObject): string {
  const ns = pod.metadata.namespace ?? "default";
  const sa = pod.spec?.serviceAccountName ?? "default";
  // Every look at a container's files makes it again: remember the latest ones.
  const key = `${ns}\n${sa}\n${pod.metadata.name}\n${pod.metadata.uid}`;
  let token = tokens.get(key);
  if (token === undefined) {
    const b64url = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    token = `${b64url({ alg: "RS256", kid: "sim" })}.${b64url({ aud: ["https://kubernetes.default.svc.cluster.local"], iss: "https://kubernetes.default.svc.cluster.local", sub: `system:serviceaccount:${ns}:${sa}`, "kubernetes.io": { namespace: ns, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: sa } } })}.c2ltdWxhdGVk`;
    if (tokens.size >= 256) tokens.clear();
    tokens.set(key, token);
  }
  return token;
}

/**
 * The ConfigMaps and Secrets mountedFiles(container, s) reads (s.configMap / s.secret), in the
 * order it reads them: what its files are made from besides the pod.
 */
export function mountedObjects(container: { volumeMounts?: { name: string }[] }, pod: KubeObject): ["configMap" | "secret", string][] {
  const volumes = (pod.spec?.volumes ?? []) as Volume[];
  const out: ["configMap" | "secret", string][] = [];
  for (const m of container.volumeMounts ?? []) {
    let v: Volume | undefined;
    for (let i = volumes.length - 1; i >= 0 && !v; i--) if (volumes[i].name === m.name) v = volumes[i];
    if (!v) continue;
    // As volumeFiles tells the kinds apart.
    if (v.configMap) out.push(["configMap", v.configMap.name]);
    else if (v.secret) out.push(["secret", v.secret.secretName]);
    else if (!v.downwardAPI && v.projected) {
      for (const src of v.projected.sources ?? []) {
        if (src.configMap) out.push(["configMap", src.configMap.name]);
        if (src.secret) out.push(["secret", src.secret.name]);
      }
    }
  }
  return out;
}

/** Absolute path → content of every file a container sees through its volumeMounts. */
export function mountedFiles(container: { volumeMounts?: { name: string; mountPath: string; subPath?: string }[] }, s: VolumeSources): Record<string, string> {
  const volumes = (s.pod.spec?.volumes ?? []) as Volume[];
  const out: Record<string, string> = {};
  for (const m of container.volumeMounts ?? []) {
    // The last volume of that name (names are unique; as a map of them would find).
    let v: Volume | undefined;
    for (let i = volumes.length - 1; i >= 0 && !v; i--) if (volumes[i].name === m.name) v = volumes[i];
    if (!v) continue;
    const files = volumeFiles(v, s);
    const base = m.mountPath.endsWith("/") ? m.mountPath.replace(/\/+$/, "") : m.mountPath;
    if (m.subPath) {
      if (files[m.subPath] !== undefined) out[base] = files[m.subPath];
      continue;
    }
    for (const rel in files) out[`${base}/${rel}`] = files[rel];
  }
  return out;
}
