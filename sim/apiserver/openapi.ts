// A minimal OpenAPI v3 surface: the index at /openapi/v3 and one document per group-version whose
// PATCH operations carry x-kubernetes-group-version-kind and the fieldValidation parameter. That is
// what kubectl's QueryParamVerifierV3 (cli-runtime/pkg/resource/query_param_verifier_v3.go) reads
// to choose server-side field validation instead of downloading schemas. No schemas are served,
// so `kubectl explain` against this server is not supported. /openapi/v2 stays 404.

import { groupVersion, KINDS, type KindInfo } from "../api/kinds";

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function hash(s: string): string {
  // A stable, content-derived tag (FNV-1a) so clients can cache documents by URL.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, "0");
}

function gvs(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const k of KINDS) seen.set(groupVersion(k), { group: k.group, version: k.version });
  return [...seen.values()];
}

function patchOperation(k: KindInfo): unknown {
  return {
    patch: {
      operationId: `patch${k.group ? "" : "Core"}${k.namespaced ? "Namespaced" : ""}${k.kind}`,
      parameters: ["dryRun", "fieldManager", "fieldValidation", "force"].map((name) => ({ name, in: "query", schema: { type: name === "force" ? "boolean" : "string", uniqueItems: true } })),
      "x-kubernetes-action": "patch",
      "x-kubernetes-group-version-kind": { group: k.group, version: k.version, kind: k.kind },
    },
  };
}

function gvDocument(group: string, version: string): unknown {
  const paths: Record<string, unknown> = {};
  for (const k of KINDS.filter((x) => x.group === group && x.version === version)) {
    const base = `/${gvPath(group, version)}${k.namespaced ? "/namespaces/{namespace}" : ""}/${k.resource}/{name}`;
    paths[base] = patchOperation(k);
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: "v1.32.5" }, paths, components: { schemas: {} } };
}

/** The OpenAPI document for `path`, or undefined when there is none (404). */
export function openApiDocument(path: string): unknown | undefined {
  const p = path.split("?")[0].replace(/\/+$/, "");
  if (p === "/openapi/v3") {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const gv of gvs()) {
      const rel = gvPath(gv.group, gv.version);
      paths[rel] = { serverRelativeURL: `/openapi/v3/${rel}?hash=${hash(JSON.stringify(gvDocument(gv.group, gv.version)))}` };
    }
    return { paths };
  }
  const m = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(p);
  if (!m) return undefined;
  const [group, version] = m[1] ? ["", m[1]] : [m[2], m[3]];
  if (!gvs().some((g) => g.group === group && g.version === version)) return undefined;
  return gvDocument(group, version);
}

export function isOpenApiPath(path: string): boolean {
  return path.split("?")[0].startsWith("/openapi/");
}
