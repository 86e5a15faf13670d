// Discovery as the v1.32 API server serves it: /version, /api, /apis, /api/v1 and
// /apis/<group>/<version> (k8s.io/apimachinery/pkg/apis/meta/v1 APIVersions, APIGroupList,
// APIResourceList). Aggregated-discovery Accept headers (apidiscovery.k8s.io/v2) get the legacy
// documents with Content-Type application/json, which client-go takes as "fall back to legacy".

import { groupVersion, KINDS, type KindInfo } from "../api/kinds";
import { alternateVersions } from "../api/versions";

export const SERVER_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.5",
  gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
  gitTreeState: "clean",
  buildDate: "2025-05-15T09:05:29Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
};

export interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** Subresources as the real server lists them: kind, verbs and (for scale/eviction/token) another group. */
const SUBRESOURCE_SHAPES: Record<string, { kind?: string; group?: string; version?: string; verbs: string[] }> = {
  status: { verbs: ["get", "patch", "update"] },
  scale: { kind: "Scale", group: "autoscaling", version: "v1", verbs: ["get", "patch", "update"] },
  log: { verbs: ["get"] },
  exec: { kind: "PodExecOptions", verbs: ["create", "get"] },
  attach: { kind: "PodAttachOptions", verbs: ["create", "get"] },
  portforward: { kind: "PodPortForwardOptions", verbs: ["create", "get"] },
  proxy: { kind: "PodProxyOptions", verbs: ["create", "delete", "get", "patch", "update"] },
  binding: { kind: "Binding", verbs: ["create"] },
  eviction: { kind: "Eviction", group: "policy", version: "v1", verbs: ["create"] },
  ephemeralcontainers: { verbs: ["get", "patch", "update"] },
  finalize: { verbs: ["update"] },
  token: { kind: "TokenRequest", group: "authentication.k8s.io", version: "v1", verbs: ["create"] },
};

function proxyKind(k: KindInfo): string {
  return k.kind === "Node" ? "NodeProxyOptions" : k.kind === "Service" ? "ServiceProxyOptions" : "PodProxyOptions";
}

function resourcesOf(k: KindInfo): ApiResource[] {
  const main: ApiResource = {
    name: k.resource,
    singularName: k.singular,
    namespaced: k.namespaced,
    kind: k.kind,
    verbs: [...k.verbs],
  };
  if (k.shortNames.length) main.shortNames = [...k.shortNames];
  if (k.categories.length) main.categories = [...k.categories];
  const subs = k.subresources.map((s): ApiResource => {
    const shape = SUBRESOURCE_SHAPES[s] ?? { verbs: ["get"] };
    const r: ApiResource = {
      name: `${k.resource}/${s}`,
      singularName: "",
      namespaced: k.namespaced,
      kind: s === "proxy" ? proxyKind(k) : (shape.kind ?? k.kind),
      verbs: [...shape.verbs],
    };
    if (shape.group) {
      r.group = shape.group;
      r.version = shape.version;
    }
    return r;
  });
  return [main, ...subs];
}

/** Groups other than core, in the order the real server lists them (apps first), with their
 *  versions, the preferred (stored) one first. */
function groups(): { name: string; versions: string[] }[] {
  const seen = new Map<string, string[]>();
  for (const k of KINDS) {
    if (!k.group) continue;
    const versions = seen.get(k.group) ?? [];
    for (const v of [k.version, ...alternateVersions(k).map((c) => c.version)]) if (!versions.includes(v)) versions.push(v);
    seen.set(k.group, versions);
  }
  return [...seen].map(([name, versions]) => ({ name, versions }));
}

function apiGroup(g: { name: string; versions: string[] }): { name: string; versions: unknown[]; preferredVersion: unknown } {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

function apiResourceList(group: string, version: string): unknown | undefined {
  const kinds = KINDS.filter((k) => k.group === group && (k.version === version || alternateVersions(k).some((c) => c.version === version)));
  if (kinds.length === 0) return undefined;
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: group ? `${group}/${version}` : version,
    // k8s.io/apiserver/pkg/endpoints/installer.go (APIInstaller.Install) registers the storage
    // paths after sort.Strings: by name, byte order, so "pods/log" sits before "podtemplates".
    resources: kinds.flatMap(resourcesOf).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** The discovery document for `path`, or undefined when the path is not a discovery path. */
export function discoveryDocument(path: string): unknown | undefined {
  const p = path.split("?")[0].replace(/\/+$/, "") || "/";
  if (p === "/version") return SERVER_VERSION;
  if (p === "/api") {
    return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "192.168.49.2:8443" }] };
  }
  if (p === "/apis") {
    return {
      kind: "APIGroupList",
      apiVersion: "v1",
      groups: groups().map(apiGroup),
    };
  }
  const parts = p.split("/").filter(Boolean);
  if (parts[0] === "api" && parts.length === 2) return apiResourceList("", parts[1]);
  if (parts[0] === "apis" && parts.length === 2) {
    const g = groups().find((x) => x.name === parts[1]);
    if (!g) return undefined;
    return { kind: "APIGroup", apiVersion: "v1", ...apiGroup(g) };
  }
  if (parts[0] === "apis" && parts.length === 3) return apiResourceList(parts[1], parts[2]);
  return undefined;
}

/** Whether `path` is one of the discovery endpoints (for routing before resource paths). */
export function isDiscoveryPath(path: string): boolean {
  const parts = path.split("?")[0].split("/").filter(Boolean);
  if (parts.length === 0) return false;
  if (parts[0] === "version") return parts.length === 1;
  if (parts[0] === "api") return parts.length <= 2;
  if (parts[0] === "apis") return parts.length <= 3;
  return false;
}

export { groupVersion };
