// Regenerates sim/api/schema/fields.json, the field names and Go types of the served kinds, from
// the protobuf descriptors embedded in the real kubectl v1.32 binary (field names of the API are
// identical in JSON and protobuf). Run: npx tsx sim/testing/gen-api-schema.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { KINDS } from "../api/kinds";
import { loadDescriptors } from "./protobuf";
import { REAL_KUBECTL } from "./http-adapter";

const reg = loadDescriptors(REAL_KUBECTL);

const SPECIAL: Record<string, string> = {
  ".k8s.io.apimachinery.pkg.util.intstr.IntOrString": "intstr",
  ".k8s.io.apimachinery.pkg.api.resource.Quantity": "quantity",
  ".k8s.io.apimachinery.pkg.apis.meta.v1.Time": "time",
  ".k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime": "time",
  ".k8s.io.apimachinery.pkg.runtime.RawExtension": "raw",
  ".k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1": "raw",
  ".k8s.io.apimachinery.pkg.apis.meta.v1.Duration": "string",
};
const SCALARS: Record<number, string> = { 1: "float64", 2: "float32", 3: "int64", 4: "uint64", 5: "int32", 8: "bool", 9: "string", 12: "[]byte", 13: "uint32" };

const out: Record<string, Record<string, string>> = {};
const short = (full: string): string => full.split(".").pop()!;

function typeOf(typeName: string): string {
  if (SPECIAL[typeName]) return SPECIAL[typeName];
  const d = reg.get(typeName)!;
  if (d.isMapEntry) return `map[string]${fieldType(d.fields.get(2)!)}`;
  visit(typeName);
  return short(typeName);
}

function fieldType(f: { type: number; typeName: string; label: number }): string {
  const base = f.type === 11 ? typeOf(f.typeName) : (SCALARS[f.type] ?? "string");
  return f.label === 3 && !base.startsWith("map[") ? `[]${base}` : base;
}

/** Embedded Go structs (`json:",inline"`): their fields appear directly in the parent's JSON. */
const INLINE = new Set(["volumeSource", "persistentVolumeSource", "localObjectReference", "ephemeralContainerCommon", "handler"]);

function fieldsOf(typeName: string, into: Record<string, string>): void {
  const d = reg.get(typeName);
  if (!d) throw new Error(`missing ${typeName}`);
  for (const f of [...d.fields.values()].sort((a, b) => a.number - b.number)) {
    if (INLINE.has(f.name) && f.type === 11) fieldsOf(f.typeName, into);
    else into[f.name] = fieldType(f);
  }
}

function visit(typeName: string): void {
  const name = short(typeName);
  if (out[name]) return;
  out[name] = {};
  fieldsOf(typeName, out[name]);
}

function pkg(group: string, version: string): string {
  return group === "" ? `.k8s.io.api.core.${version}` : `.k8s.io.api.${group.replace(/\.k8s\.io$/, "").replace(/\./g, "")}.${version}`;
}

const roots: Record<string, string> = {};
for (const k of KINDS) {
  const full = `${pkg(k.group, k.version)}.${k.kind}`;
  visit(full);
  roots[k.kind] = short(full);
}
visit(".k8s.io.api.autoscaling.v1.Scale");
visit(".k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions");
const file = join(import.meta.dirname, "../api/schema/fields.json");
writeFileSync(file, JSON.stringify({ types: out }, null, 0) + "\n");
console.log(`wrote ${Object.keys(out).length} types to ${file}`);
