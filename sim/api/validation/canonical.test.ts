import { describe, expect, it } from "vitest";
import { canonical } from "./canonical";

/** The definition canonical() must match: JSON.stringify with a key-sorting replacer. */
function reference(v: unknown): string {
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

describe("canonical", () => {
  it("gives the same string as JSON.stringify with sorted keys, whatever the key order", () => {
    const cases: unknown[] = [
      { b: 1, a: [3, { d: null, c: "x\n\"y\"" }], e: true },
      { "10": 1, "2": 2, b: 3, a: 4, "-1": 5, "01": 6, "4294967295": 7 },
      [undefined, () => 1, Symbol("s"), NaN, -0, 1e21, 5e-7, Infinity],
      { u: undefined, f: () => 1, n: null, nested: { z: { y: { x: [] } } }, empty: {} },
      JSON.parse('{"__proto__":{"b":1,"a":2},"ü":"→"}'),
      { when: new Date(0) },
      "plain",
      42,
      null,
      undefined,
    ];
    for (const c of cases) expect(canonical(c)).toBe(reference(c));
    expect(canonical({ a: 1, b: 2 })).toBe(canonical({ b: 2, a: 1 }));
  });
});
