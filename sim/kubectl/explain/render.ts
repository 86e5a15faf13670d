// kubectl explain's plaintext output, rendered from an OpenAPI v3 group-version document the way
// kubectl v1.32's template does it (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/
// plaintext.tmpl with the helpers of explain/v2/funcs.go): follow the field path through
// properties, array items, map values and allOf; print FIELD, DESCRIPTION and FIELDS.

import { goWordWrap, indent } from "./wrap";

type Schema = Record<string, unknown>;
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** The template's `throw`: kubectl prints the message as the error. */
export class ExplainError extends Error {}

type History = ReadonlySet<string>;

/** Go template truthiness of a JSON value: empty maps, lists and strings, 0 and null are false. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return true;
}

function obj(v: unknown): Schema | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Schema) : undefined;
}

/** additionalProperties when it is a schema (not the boolean form). */
function mapValues(s: Schema): Schema | undefined {
  const ap = s.additionalProperties;
  return truthy(ap) && typeof ap !== "boolean" ? obj(ap) : undefined;
}

function refOf(s: Schema): string {
  return typeof s.$ref === "string" ? s.$ref : "";
}

/** Sorted keys: Go templates range over maps in key order. */
function sortedKeys(m: Schema): string[] {
  return Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export class ExplainRenderer {
  constructor(private readonly doc: OpenApiDocument, private readonly recursive: boolean) {}

  /** funcs.go resolveRef: a "#/..." pointer into the document, else undefined. */
  private resolveRef(ref: string): Schema | undefined {
    if (!ref.startsWith("#")) return undefined;
    let cur: Schema | undefined = this.doc as Schema;
    for (const part of ref.slice(1).split("/")) {
      if (!part) continue;
      cur = obj(cur?.[part]);
      if (!cur) return undefined;
    }
    return cur;
  }

  private resolved(s: Schema): Schema {
    return this.resolveRef(refOf(s)) ?? s;
  }

  /** The GVK the document's operations give for a resource path (the template's path search). */
  findGvk(prefix: string, version: string, resource: string): Gvk | undefined {
    const bases = [`${prefix}/${version}/${resource}`, `${prefix}/${version}/namespaces/{namespace}/${resource}`];
    for (const path of bases.flatMap((b) => [b, `${b}/{name}`]).sort((a, b) => order(a) - order(b))) {
      const item = this.doc.paths?.[path];
      if (!item) continue;
      for (const method of ["get", "post", "put", "patch", "delete"]) {
        const gvk = obj(obj(item[method])?.["x-kubernetes-group-version-kind"]);
        if (gvk) return gvk as unknown as Gvk;
      }
    }
    return undefined;
    function order(p: string): number {
      return (p.includes("{namespace}") ? 2 : 0) + (p.endsWith("{name}") ? 1 : 0);
    }
  }

  /** The text after the GROUP/KIND/VERSION header, or throws the template's errors. */
  render(gvk: Gvk, fieldPath: string[]): string {
    const schemas = this.doc.components?.schemas ?? {};
    for (const name of sortedKeys(schemas)) {
      const s = schemas[name];
      const gvks = (s["x-kubernetes-group-version-kind"] ?? []) as Gvk[];
      if (!gvks.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind && Object.keys(g).length === 3)) continue;
      const out = this.output(s, fieldPath, new Set());
      if (!out) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`);
      return out;
    }
    throw new ExplainError(`error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema`);
  }

  private output(schema: Schema, path: string[], history: History): string {
    const ref = refOf(schema);
    const next = new Set(history).add(ref);
    const resolved = this.resolved(schema);
    if (path.length === 0) {
      let out = `DESCRIPTION:\n${indent(4, goWordWrap(this.description(resolved) || "<empty>", 76))}\n`;
      const docs = this.externalDocs(resolved, 0);
      if (docs) out += `\n${docs}`;
      const fields = this.fieldList(resolved, 1, undefined);
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history.has(ref)) return "";
    const props = obj(resolved.properties);
    const sub = props && truthy(props[path[0]]) ? obj(props[path[0]]) : undefined;
    if (sub) {
      let out = "";
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumText(sub, true, -1, 0)}\n\n`;
      return out + this.output(sub, path.slice(1), new Set());
    }
    const items = obj(resolved.items);
    if (truthy(items)) return this.output(items!, path, next);
    const values = mapValues(resolved);
    if (values) return this.output(values, path, next);
    for (const alt of (resolved.allOf ?? []) as Schema[]) {
      const out = this.output(alt, path, next);
      if (out) return out;
    }
    return "";
  }

  private fieldList(schema: Schema, level: number, history: History | undefined): string {
    const ref = refOf(schema);
    if (ref && history?.has(ref)) return "";
    const next = new Set(history ?? []).add(ref);
    const resolved = this.resolved(schema);
    let out = "";
    const props = obj(resolved.properties) ?? {};
    for (const name of sortedKeys(props)) {
      out += this.fieldDetail(name, resolved, level);
      if (this.recursive) out += this.fieldList(obj(props[name]) ?? {}, level + 1, next);
    }
    for (const alt of (resolved.allOf ?? []) as Schema[]) out += this.fieldList(alt, level, next);
    const items = obj(resolved.items);
    if (truthy(items)) out += this.fieldList(items!, level, next);
    const values = mapValues(resolved);
    if (values) out += this.fieldList(values, level, next);
    return out;
  }

  private fieldDetail(name: string, parent: Schema, level: number): string {
    const pad = level * 2;
    const field = obj(obj(parent.properties)?.[name]) ?? {};
    const required = ((parent.required ?? []) as string[]).includes(name) ? " -required-" : "";
    let out = `${indent(pad, name)}\t<${this.typeGuess(field)}>${required}${this.enumText(field, false, 4, pad)}\n`;
    if (this.recursive) return out;
    const description = typeof field.description === "string" && field.description ? field.description : "<no description>";
    out += `${indent(pad + 2, goWordWrap(description, 78 - pad))}\n`;
    const docs = this.externalDocs(field, pad);
    if (docs) out += `\n${docs}`;
    return `${out}\n`;
  }

  private description(schema: Schema): string {
    const s = this.resolved(schema);
    if (!truthy(s)) return "";
    let out = truthy(s.description) ? `${s.description as string}\n` : "";
    for (const alt of (s.allOf ?? []) as Schema[]) out += this.description(alt);
    if (truthy(s.items)) out += this.description(obj(s.items)!);
    const values = mapValues(s);
    if (values) out += this.description(values);
    return out;
  }

  private externalDocs(schema: Schema, pad: number): string {
    const docs = obj(schema.externalDocs);
    if (!truthy(docs)) return "";
    let out = `${indent(pad === 0 ? 0 : pad + 2, "EXTERNAL DOCS:")}\n`;
    if (truthy(docs!.description)) out += `${indent(pad + 4, goWordWrap(docs!.description as string, 76 - pad))}\n`;
    if (truthy(docs!.url)) out += `${indent(pad + 4, `URL: ${docs!.url as string}`)}\n`;
    return out;
  }

  private typeGuess(schema: Schema): string {
    if (!truthy(schema)) throw new ExplainError("expected schema argument to subtemplate 'typeguess'");
    if (truthy(schema.items)) return `[]${this.typeGuess(obj(schema.items)!)}`;
    const values = mapValues(schema);
    if (values) return `map[string]${this.typeGuess(values)}`;
    const allOf = (schema.allOf ?? []) as Schema[];
    if (allOf.length === 1 && !truthy(schema.properties)) return this.typeGuess(allOf[0]);
    const ref = refOf(schema);
    if (ref) {
      const target = this.resolveRef(ref);
      if (!target || !truthy(target.type) || target.type === "object") return ref.split("/").pop()!.split(".").pop() || "Object";
      return target.type as string;
    }
    if (schema.type === "object") return "Object";
    return truthy(schema.type) ? (schema.type as string) : "Object";
  }

  /** The template's extractEnum: "ENUM:" lines for one field, "enum: a, b" in field lists. */
  private enumText(schema: Schema, long: boolean, limit: number, pad: number): string {
    const values = schema.enum;
    if (!Array.isArray(values) || values.length === 0) return "";
    let out = long ? "ENUM:" : `\n${" ".repeat(pad)}enum: `;
    for (let i = 0; i < values.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ", ....";
        break;
      }
      if (!long && i > 0) out += ", ";
      else if (long) out += "\n    ";
      out += values[i] === "" ? `""` : String(values[i]);
    }
    return out;
  }
}
