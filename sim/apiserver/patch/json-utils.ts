// Helpers for handling untrusted JSON safely: own-property reads and writes only, so keys such as
// `__proto__` or `constructor` in a body are plain data and never reach Object.prototype.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function isObject(x: unknown): x is JsonObject {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function own(o: object, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined;
}

export function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

export function setOwn(o: object, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

/** A deep copy of decoded JSON that drops `__proto__` keys and rejects nesting deeper than `maxDepth`. */
export function sanitizeJson(x: unknown, maxDepth = 100, depth = 0): unknown {
  if (depth > maxDepth) throw new RangeError("nesting too deep");
  if (Array.isArray(x)) return x.map((v) => sanitizeJson(v, maxDepth, depth + 1));
  if (isObject(x)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) {
      if (k === "__proto__") continue;
      // A plain assignment is an own-property write for every key but `__proto__` (the only
      // setter on Object.prototype), and much cheaper than defineProperty on every request body.
      out[k] = sanitizeJson(x[k], maxDepth, depth + 1);
    }
    return out;
  }
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean" || x === null) return x;
  return undefined;
}
