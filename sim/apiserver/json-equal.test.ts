import { describe, expect, it } from "vitest";
import { jsonEqual } from "./store";
import { canonical } from "../api/validation/canonical";
import { Prng } from "../core/prng";

/** Random JSON-ish values with the awkward cases: undefined members, NaN, -0, index-like keys. */
function randomValue(r: Prng, depth: number): unknown {
  const pick = r.int(depth > 2 ? 7 : 10);
  switch (pick) {
    case 0: return r.int(3) - 1;
    case 1: return ["a", "b", "1", ""][r.int(4)];
    case 2: return r.int(2) === 0;
    case 3: return null;
    case 4: return undefined;
    case 5: return [NaN, Infinity, -0, 0][r.int(4)];
    case 6: return r.int(2) ? "x" : 1;
    case 7:
    case 8: return Array.from({ length: r.int(3) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i--) o[["a", "b", "c", "0", "10"][r.int(5)]] = randomValue(r, depth + 1);
      return o;
    }
  }
}

describe("jsonEqual", () => {
  it("agrees with comparing canonical JSON strings on random values", () => {
    const r = new Prng(7);
    let equal = 0;
    for (let i = 0; i < 20000; i++) {
      const a = randomValue(r, 0);
      const b = r.int(3) === 0 ? structuredClone(a) : randomValue(r, 0);
      const want = canonical(a) === canonical(b);
      if (want) equal++;
      expect(jsonEqual(a, b), `${canonical(a)} vs ${canonical(b)}`).toBe(want);
    }
    expect(equal).toBeGreaterThan(1000);
  });

  it("ignores key order and undefined members but not arrays versus objects", () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1, d: undefined })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual([undefined], [null])).toBe(true);
    expect(jsonEqual({ a: "1" }, { a: 1 })).toBe(false);
  });
});
