// Sorted-key JSON, for comparisons that must ignore key order.

export function canonical(v: unknown): string {
  return (
    JSON.stringify(v, (_k, x) => {
      if (x && typeof x === "object" && !Array.isArray(x)) {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(x).sort()) Object.defineProperty(out, key, { value: (x as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
        return out;
      }
      return x;
    }) ?? "undefined"
  );
}
