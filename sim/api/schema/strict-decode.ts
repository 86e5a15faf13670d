// What the API server's JSON decoding reports about a body (sigs.k8s.io/json, the apiserver's
// strict decoding): a wrong JSON type for a field (always an error) and, with
// fieldValidation=Strict (kubectl's default), unknown fields. Field names and Go types come from
// fields.json (generated from the kubectl v1.32 binary by sim/testing/gen-api-schema.ts).

import schema from "./fields.json";

const TYPES = (schema as { types: Record<string, Record<string, string>> }).types;

/** The Go struct a kind decodes into. */
export function hasSchema(kind: string): boolean {
  return TYPES[kind] !== undefined;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "object") return "object";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  return "string";
}

interface Ctx {
  unknown: string[];
  typeError?: string;
}

const INT_TYPES = new Set(["int32", "int64", "uint32", "uint64"]);

/** Go's "json: cannot unmarshal X into Go struct field S.path of type T". */
function typeError(ctx: Ctx, v: unknown, struct: string, goPath: string, goType: string): void {
  if (ctx.typeError) return;
  const k = jsonKind(v);
  const what = k === "number" ? `number ${String(v)}` : k;
  ctx.typeError = `json: cannot unmarshal ${k === "number" && INT_TYPES.has(goType) ? what : k} into Go struct field ${struct}.${goPath} of type ${goType}`;
}

function checkValue(ctx: Ctx, v: unknown, type: string, path: string, struct: string, goPath: string): void {
  if (v === null || v === undefined) return;
  if (type.startsWith("[]") && type !== "[]byte") {
    if (!Array.isArray(v)) return typeError(ctx, v, struct, goPath, type.replace(/^\[\](\w+)$/, (_m, t) => (TYPES[t] ? `[]v1.${t}` : `[]${t}`)));
    const inner = type.slice(2);
    v.forEach((x, i) => checkValue(ctx, x, inner, `${path}[${i}]`, struct, goPath));
    return;
  }
  if (type.startsWith("map[string]")) {
    if (typeof v !== "object" || Array.isArray(v)) return typeError(ctx, v, struct, goPath, type);
    const inner = type.slice("map[string]".length);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) checkValue(ctx, x, inner, `${path}[${k}]`, struct, goPath);
    return;
  }
  switch (type) {
    case "string":
    case "[]byte":
    case "time":
      if (typeof v !== "string") typeError(ctx, v, struct, goPath, type === "time" ? "v1.Time" : type);
      return;
    case "bool":
      if (typeof v !== "boolean") typeError(ctx, v, struct, goPath, "bool");
      return;
    case "int32":
    case "int64":
    case "uint32":
    case "uint64":
      if (typeof v !== "number" || !Number.isInteger(v)) typeError(ctx, v, struct, goPath, type);
      return;
    case "float32":
    case "float64":
      if (typeof v !== "number") typeError(ctx, v, struct, goPath, type);
      return;
    case "intstr":
    case "quantity":
    case "raw":
      return;
    default: {
      const fields = TYPES[type];
      if (!fields) return;
      if (typeof v !== "object" || Array.isArray(v)) return typeError(ctx, v, struct, goPath, `v1.${type}`);
      checkObject(ctx, v as Record<string, unknown>, type, path, goPath);
    }
  }
}

function checkObject(ctx: Ctx, o: Record<string, unknown>, type: string, path: string, goPath: string, top = false): void {
  const fields = TYPES[type];
  for (const [k, v] of Object.entries(o)) {
    const p = path ? `${path}.${k}` : k;
    if (top && (k === "apiVersion" || k === "kind")) continue;
    const ft = fields[k];
    if (ft === undefined) {
      ctx.unknown.push(p);
      continue;
    }
    checkValue(ctx, v, ft, p, type, goPath ? `${goPath}.${k}` : k);
  }
}

/**
 * The decode error the API server would return for `body` as `kind`, or undefined. The caller
 * wraps it as `<Kind> in version "<v>" cannot be handled as a <Kind>: <error>`.
 */
export function decodeError(kind: string, body: unknown, strict: boolean): string | undefined {
  if (!TYPES[kind] || typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const ctx: Ctx = { unknown: [] };
  checkObject(ctx, body as Record<string, unknown>, kind, "", "", true);
  if (ctx.typeError) return ctx.typeError;
  if (strict && ctx.unknown.length) return `strict decoding error: ${ctx.unknown.map((u) => `unknown field "${u}"`).join(", ")}`;
  return undefined;
}

function pruneValue(v: unknown, type: string): unknown {
  if (v === null || typeof v !== "object") return v;
  if (type.startsWith("[]") && Array.isArray(v)) return v.map((x) => pruneValue(x, type.slice(2)));
  if (type.startsWith("map[string]") && !Array.isArray(v)) {
    const inner = type.slice("map[string]".length);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) (v as Record<string, unknown>)[k] = pruneValue(x, inner);
    return v;
  }
  const fields = TYPES[type];
  if (!fields || Array.isArray(v)) return v;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (fields[k] === undefined) delete (v as Record<string, unknown>)[k];
    else (v as Record<string, unknown>)[k] = pruneValue(x, fields[k]);
  }
  return v;
}

/** Drops fields the Go types do not have, as decoding with fieldValidation Ignore/Warn does. */
export function pruneUnknownFields(kind: string, body: Record<string, unknown>): void {
  const fields = TYPES[kind];
  if (!fields) return;
  for (const [k, v] of Object.entries(body)) {
    if (k === "apiVersion" || k === "kind") continue;
    if (fields[k] === undefined) delete body[k];
    else body[k] = pruneValue(v, fields[k]);
  }
}
