// OpenAPI v3 as the v1.32 server publishes it: the index at /openapi/v3 and one document per
// group-version. Each document carries the PATCH operations (x-kubernetes-group-version-kind and
// the fieldValidation parameter) that kubectl's QueryParamVerifierV3
// (cli-runtime/pkg/resource/query_param_verifier_v3.go) and explain's template
// (kubectl/pkg/explain/v2/templates/plaintext.tmpl) look up, and components.schemas with the
// served kinds' definitions from sim/api/openapi (once loadApiSchemas() has run; before that the
// documents have no schemas). /openapi/v2 stays 404.

import { groupVersion, KINDS, type KindInfo } from "../api/kinds";
import { apiSchemas, groupVersionSchemas, gvPath, type ApiSchemas } from "../api/openapi/load";
import { alternateVersions } from "../api/versions";

/** The versions `k` is served at (its stored one first). */
function versionsOf(k: KindInfo): string[] {
  return [k.version, ...alternateVersions(k).map((c) => c.version)];
}

function hash(s: string): string {
  // A stable, content-derived tag (FNV-1a) so clients can cache documents by URL.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, "0");
}

function gvs(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const k of KINDS) for (const version of versionsOf(k)) seen.set(groupVersion({ group: k.group, version }), { group: k.group, version });
  return [...seen.values()];
}

function patchOperation(k: KindInfo, version: string): unknown {
  return {
    patch: {
      operationId: `patch${k.group ? "" : "Core"}${k.namespaced ? "Namespaced" : ""}${k.kind}`,
      parameters: ["dryRun", "fieldManager", "fieldValidation", "force"].map((name) => ({ name, in: "query", schema: { type: name === "force" ? "boolean" : "string", uniqueItems: true } })),
      "x-kubernetes-action": "patch",
      "x-kubernetes-group-version-kind": { group: k.group, version, kind: k.kind },
    },
  };
}

interface Served {
  document: unknown;
  hash: string;
}

// Documents are immutable per schema data (none, then loaded), so each is built and hashed once.
const cache = new Map<string, Served>();
let cachedFor: ApiSchemas | undefined;

function served(group: string, version: string): Served {
  const data = apiSchemas();
  if (cachedFor !== data) cache.clear();
  cachedFor = data;
  const rel = gvPath(group, version);
  let s = cache.get(rel);
  if (!s) {
    const paths: Record<string, unknown> = {};
    for (const k of KINDS.filter((x) => x.group === group && versionsOf(x).includes(version))) {
      const base = `/${rel}${k.namespaced ? "/namespaces/{namespace}" : ""}/${k.resource}/{name}`;
      paths[base] = patchOperation(k, version);
    }
    const schemas = data ? groupVersionSchemas(data, rel) : {};
    const document = { openapi: "3.0.0", info: { title: "Kubernetes", version: "v1.32.5" }, paths, components: { schemas } };
    s = { document, hash: hash(JSON.stringify(document)) };
    cache.set(rel, s);
  }
  return s;
}

/** The OpenAPI document for `path`, or undefined when there is none (404). */
export function openApiDocument(path: string): unknown | undefined {
  const p = path.split("?")[0].replace(/\/+$/, "");
  if (p === "/openapi/v3") {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const gv of gvs()) {
      const rel = gvPath(gv.group, gv.version);
      paths[rel] = { serverRelativeURL: `/openapi/v3/${rel}?hash=${served(gv.group, gv.version).hash}` };
    }
    return { paths };
  }
  const m = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(p);
  if (!m) return undefined;
  const [group, version] = m[1] ? ["", m[1]] : [m[2], m[3]];
  if (!gvs().some((g) => g.group === group && g.version === version)) return undefined;
  return served(group, version).document;
}

export function isOpenApiPath(path: string): boolean {
  return path.split("?")[0].startsWith("/openapi/");
}
