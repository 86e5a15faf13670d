// Whether two JSON values are the same data, without serializing them (sim/api/validation/
// canonical.ts builds the strings): used wherever an update compares an old and a new object.

const hasOwn = Object.prototype.hasOwnProperty;

/** What a value serializes as in JSON: toJSON applied, non-finite numbers null, functions/symbols absent (undefined). */
function jsonValue(v: unknown): unknown {
  if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON(): unknown }).toJSON();
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "function" || typeof v === "symbol") return undefined;
  return v;
}

/**
 * Whether two values serialize to the same sorted-key JSON (canonical(a) === canonical(b), see
 * sim/api/validation/canonical.ts) without building the strings: every update compares the old
 * and new object this way, and most controllers their desired and current status. Parts shared
 * by both (a status update keeps the stored spec) compare at once.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (stringFieldDiffers(a, b)) return false;
  return serializedEqual(jsonValue(a), jsonValue(b));
}

/**
 * Whether two plain objects have a top-level field that is a different string in each: then they
 * serialize differently, found without walking the fields before it (an update of an Event's
 * lastTimestamp would otherwise compare its metadata first).
 */
function stringFieldDiffers(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (typeof x.toJSON === "function" || typeof y.toJSON === "function") return false;
  for (const k in x) {
    const u = x[k];
    if (typeof u !== "string") continue;
    const v = y[k];
    if (typeof v === "string" && u !== v && hasOwn.call(y, k)) return true;
  }
  return false;
}

/** jsonEqual of two values jsonValue() has been applied to. */
function serializedEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const u = x[i];
      const v = y[i];
      // In an array, what does not serialize (undefined, functions) serializes as null.
      if (u !== v && !serializedEqual(jsonValue(u) ?? null, jsonValue(v) ?? null)) return false;
    }
    return true;
  }
  if (Array.isArray(y)) return false;
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  // n: the keys of x that serialize (each found in y, serializing equally).
  let n = 0;
  for (const k in xo) {
    const u = xo[k];
    const ju = jsonValue(u);
    if (ju === undefined) continue;
    n++;
    if (!hasOwn.call(yo, k)) return false;
    const v = yo[k];
    if (u === v) continue;
    const jv = jsonValue(v);
    if (jv === undefined || !serializedEqual(ju, jv)) return false;
  }
  // y's keys that serialize must be exactly those n.
  for (const k in yo) if (jsonValue(yo[k]) !== undefined && --n < 0) return false;
  return n === 0;
}
