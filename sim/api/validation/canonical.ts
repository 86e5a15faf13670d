// Sorted-key JSON, for comparisons that must ignore key order.
//
// Hand-written rather than JSON.stringify with a sorting replacer: every update compares old and
// new objects with it, and the replacer (a fresh object per level built with defineProperty) made
// it a large share of a write. The output is the same string the replacer version gives: keys
// sorted, integer-like keys first in numeric order (JSON.stringify's own-property order), toJSON
// honoured, undefined/functions dropped from objects and null in arrays.

export function canonical(v: unknown): string {
  return serialize(v, "") ?? "undefined";
}

const INDEX = /^(?:0|[1-9]\d*)$/;

function isIndex(k: string): boolean {
  return INDEX.test(k) && Number(k) < 4294967295;
}

function sortedKeys(o: object): string[] {
  const keys = Object.keys(o).sort();
  if (!keys.some(isIndex)) return keys;
  const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((k) => !isIndex(k))];
}

function serialize(value: unknown, key: string): string | undefined {
  let v = value;
  if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON(k: string): unknown }).toJSON(key);
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return JSON.stringify(v); // throws, as JSON.stringify does
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) return `[${v.map((x, i) => serialize(x, String(i)) ?? "null").join(",")}]`;
      const parts: string[] = [];
      for (const k of sortedKeys(v)) {
        const s = serialize((v as Record<string, unknown>)[k], k);
        if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      return undefined;
  }
}
