import { describe, expect, it } from "vitest";
import { fromBase64, pack, toBase64, unpack } from "./pack";

describe("pack", () => {
  it("round-trips JSON data, including unicode and the __proto__ key", () => {
    const value = JSON.parse('{"a":[1,2,{"b":"ü → 🚀"}],"__proto__":{"x":1},"n":null}');
    const back = unpack<Record<string, unknown>>(pack(value));
    expect(back).toEqual(value);
    expect(Object.keys(back)).toEqual(["a", "__proto__", "n"]);
  });

  it("is deterministic and much smaller than repetitive JSON", () => {
    const objs = Array.from({ length: 200 }, (_, i) => ({ apiVersion: "v1", kind: "Event", metadata: { name: `pod-${i}`, namespace: "default" }, reason: "Pulled" }));
    const a = pack(objs);
    expect(pack(objs)).toBe(a);
    expect(a.length * 5).toBeLessThan(JSON.stringify(objs).length);
  });

  it("encodes base64 as the standard alphabet with padding", () => {
    const bytes = new TextEncoder().encode("any carnal pleas");
    for (let n = 0; n <= bytes.length; n++) {
      const sub = bytes.slice(0, n);
      const b64 = toBase64(sub);
      expect(b64).toBe(btoa(String.fromCharCode(...sub)));
      expect([...fromBase64(b64)]).toEqual([...sub]);
    }
  });
});
