import { describe, expect, it } from "vitest";
import { Ids, uuidAt } from "./ids";
import { pack, unpack } from "./pack";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("derived ids", () => {
  it("look like random version-4 uuids and 64-hex container ids, all distinct", () => {
    const ids = Ids.forSeed(1);
    const uuids = Array.from({ length: 2000 }, () => ids.uuid());
    for (const u of uuids) expect(u).toMatch(UUID_V4);
    expect(new Set(uuids).size).toBe(uuids.length);
    // Random-looking: every hex digit shows up in the first group, not a visible counter.
    expect(new Set(uuids.slice(0, 50).map((u) => u[0])).size).toBeGreaterThan(10);
    expect(ids.hex64()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depend on the seed and continue from a restored state", () => {
    expect(Ids.forSeed(1).uuid()).not.toBe(Ids.forSeed(2).uuid());
    const a = Ids.forSeed(7);
    a.uuid();
    const b = new Ids(a.toJSON());
    expect(b.uuid()).toBe(a.uuid());
    expect(b.peek()).toBe(a.peek());
  });

  it("encode as short tokens only when this key derived them, and decode back exactly", () => {
    const ids = Ids.forSeed(3);
    const mine = ids.uuid();
    const container = ids.hex64();
    const other = Ids.forSeed(4).uuid();
    const digest = "b3192bbfbed33ae0756440bed1e6bd16ad0eb10d1af3697d1528e6721cbd01e8";
    const json = JSON.stringify({ uid: mine, ref: `x${mine}y`, containerID: `containerd://${container}`, other, digest, long: `${container}${container}ab` });
    const encoded = ids.encode(json);
    expect(encoded).not.toContain(mine);
    expect(encoded).not.toContain(container);
    expect(encoded).toContain(other);
    expect(encoded).toContain(digest);
    expect(encoded.length).toBeLessThan(json.length - 3 * 60);
    expect(ids.decode(encoded)).toBe(json);
  });

  it("encode every id the key derived, and no id that differs from one in any digit", () => {
    const ids = Ids.forSeed(9);
    const all = Array.from({ length: 300 }, (_, i) => (i % 3 ? ids.uuid() : ids.hex64()));
    expect(ids.encode(JSON.stringify(all))).not.toMatch(/[0-9a-f]{8}/);
    for (const id of all.slice(0, 30)) {
      for (let i = 0; i < id.length; i++) {
        if (id[i] === "-" || (id.length === 36 && (i === 14 || i === 19))) continue;
        const other = id.slice(0, i) + (id[i] === "0" ? "1" : "0") + id.slice(i + 1);
        expect(ids.encode(other)).toBe(other);
      }
    }
  });

  it("leave user text that looks like a token alone: JSON escapes control characters", () => {
    const ids = Ids.forSeed(3);
    const value = { a: "\u00011\u0003", b: "\u0002zz\u0003", uid: ids.uuid() };
    expect(unpack(pack(value, { ids }), { ids })).toEqual(value);
  });

  it("are pure functions of key and counter", () => {
    expect(uuidAt(5, 9)).toBe(uuidAt(5, 9));
    expect(uuidAt(5, 9)).not.toBe(uuidAt(5, 10));
  });
});
