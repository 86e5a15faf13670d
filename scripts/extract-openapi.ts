// Extracts sim/api/openapi/v1.32.json, the OpenAPI v3 schemas the sandbox serves at
// /openapi/v3/<group-version> (and kubectl explain renders), from Kubernetes v1.32's published
// specs: api/openapi-spec/v3/*.json on the release-1.32 branch of kubernetes/kubernetes
// (Apache-2.0). Only the served kinds and the definitions they reference are kept, unchanged.
//
// Run: npx tsx scripts/extract-openapi.ts DIR
// where DIR holds the upstream files, either as named in kubernetes/kubernetes
// (api__v1_openapi.json, apis__apps__v1_openapi.json, ...) or laid out as api/v1.json,
// apis/apps/v1.json (the copy kubernetes-sigs/kubectl-validate embeds for 1.32).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { groupVersion, KINDS } from "../sim/api/kinds";
import { gvPath } from "../sim/api/openapi/load";

type Schema = Record<string, unknown>;
interface Document {
  components: { schemas: Record<string, Schema> };
}

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npx tsx scripts/extract-openapi.ts DIR");
  process.exit(2);
}

function readDocument(gv: string): Document {
  const candidates = [join(dir, `${gv.replace(/\//g, "__")}_openapi.json`), join(dir, `${gv}.json`)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`no OpenAPI document for ${gv} in ${dir}`);
  return JSON.parse(readFileSync(file, "utf8")) as Document;
}

/** Every `$ref` target reachable from `name`, the schema itself included. */
function closure(schemas: Record<string, Schema>, name: string, into: Set<string>): void {
  if (into.has(name)) return;
  if (!schemas[name]) throw new Error(`missing schema ${name}`);
  into.add(name);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") closure(schemas, x.replace("#/components/schemas/", ""), into);
      else walk(x);
    }
  };
  walk(schemas[name]);
}

function isKindSchema(s: Schema, group: string, version: string, kinds: Set<string>): boolean {
  const gvks = (s["x-kubernetes-group-version-kind"] ?? []) as { group: string; version: string; kind: string }[];
  return gvks.some((g) => g.group === group && g.version === version && kinds.has(g.kind));
}

// HorizontalPodAutoscaler is served as autoscaling/v2 and, as the real server also lists it, v1.
const EXTRA_KINDS = [
  { group: "autoscaling", version: "v1", kind: "HorizontalPodAutoscaler" },
  { group: "autoscaling", version: "v2", kind: "HorizontalPodAutoscaler" },
];
const served = [...KINDS, ...EXTRA_KINDS];
// Definitions are stored once (the same name is the same definition in every group-version's
// document; checked) and each group-version lists the names its document holds.
const definitions: Record<string, Schema> = {};
const groupVersions: Record<string, string[]> = {};
for (const gv of [...new Set(served.map((k) => groupVersion(k)))].sort()) {
  const [group, version] = gv.includes("/") ? gv.split("/") : ["", gv];
  const kinds = new Set(served.filter((k) => groupVersion(k) === gv).map((k) => k.kind));
  const schemas = readDocument(gvPath(group, version)).components.schemas;
  const keep = new Set<string>();
  for (const [name, s] of Object.entries(schemas)) if (isKindSchema(s, group, version, kinds)) closure(schemas, name, keep);
  const found = new Set(Object.values(schemas).filter((s) => isKindSchema(s, group, version, kinds)).flatMap((s) => (s["x-kubernetes-group-version-kind"] as { kind: string }[]).map((g) => g.kind)));
  for (const k of kinds) if (!found.has(k)) throw new Error(`${gv} has no schema for ${k}`);
  for (const n of keep) {
    if (definitions[n] && JSON.stringify(definitions[n]) !== JSON.stringify(schemas[n])) throw new Error(`${n} differs between group-versions`);
    definitions[n] = schemas[n];
  }
  groupVersions[gvPath(group, version)] = [...keep].sort();
}
const out = { origin: "kubernetes/kubernetes release-1.32 api/openapi-spec/v3 (Apache-2.0)", groupVersions, definitions: Object.fromEntries(Object.keys(definitions).sort().map((n) => [n, definitions[n]])) };
const file = join(import.meta.dirname, "../sim/api/openapi/v1.32.json");
writeFileSync(file, JSON.stringify(out) + "\n");
console.log(`wrote ${Object.keys(definitions).length} definitions for ${Object.keys(groupVersions).length} group-versions to ${file}`);
