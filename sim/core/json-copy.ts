// Copying and freezing plain JSON data (the store's objects, the reconcilers' states).

/**
 * A deep copy of plain JSON data, except the values `share(key, value)` keeps as they are
 * (immutable parts a copy may hold in common with its original).
 */
export function copyJson<T>(v: T, share: (key: string, value: unknown) => boolean): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => (share("", x) ? x : copyJson(x, share))) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    const c = share(k, x) ? x : copyJson(x, share);
    if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out as T;
}

/** Freezes plain JSON data in place, skipping parts already frozen. */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== "object" || v === null || Object.isFrozen(v)) return v;
  if (Array.isArray(v)) for (const x of v) deepFreeze(x);
  else for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  return Object.freeze(v);
}
