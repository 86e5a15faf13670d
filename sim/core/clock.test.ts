import { describe, expect, test } from "vitest";
import { Clock } from "./clock";
import { humanDuration, parseGoDuration, rfc3339 } from "./duration";
import { Prng } from "./prng";

describe("clock", () => {
  test("pops wake-ups in time order, equal times in insertion order, and moves time with them", () => {
    const c = new Clock(1000);
    c.after(50, "b", "x");
    c.after(10, "a", "y");
    c.after(10, "c", "z");
    expect(c.popDue(1005)).toBeUndefined();
    expect(c.popDue(2000)).toMatchObject({ target: "a", at: 1010 });
    expect(c.now()).toBe(1010);
    expect(c.popDue(2000)).toMatchObject({ target: "c" });
    expect(c.popDue(2000)).toMatchObject({ target: "b", at: 1050 });
    expect(c.popDue(2000)).toBeUndefined();
  });

  test("a restored clock continues identically", () => {
    const c = new Clock(0);
    for (let i = 0; i < 20; i++) c.after((i * 7919) % 101, "t", String(i));
    const d = Clock.fromJSON(JSON.parse(JSON.stringify(c.toJSON())));
    const drain = (x: Clock) => { const out: string[] = []; for (let t = x.popDue(1e9); t; t = x.popDue(1e9)) out.push(`${t.at}:${t.key}`); return out; };
    expect(drain(d)).toEqual(drain(c));
  });
});

describe("prng", () => {
  test("the same seed gives the same sequence, and a restored state continues it", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect(a.string(5)).toBe(b.string(5));
    const c = new Prng(a.toJSON());
    expect(c.uuid()).toBe(a.uuid());
    expect(new Prng(43).string(10)).not.toBe(new Prng(42).string(10));
  });

  test("uuids look like version-4 uuids", () => {
    expect(new Prng(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("durations", () => {
  test.each([
    [0, "0s"], [59_000, "59s"], [119_000, "119s"], [120_000, "2m"], [150_000, "2m30s"], [600_000, "10m"],
    [179 * 60_000, "179m"], [3 * 3600_000, "3h"], [3 * 3600_000 + 5 * 60_000, "3h5m"], [8 * 3600_000, "8h"],
    [47 * 3600_000, "47h"], [48 * 3600_000, "2d"], [50 * 3600_000, "2d2h"], [8 * 86400_000, "8d"],
    [730 * 86400_000, "2y"], [731 * 86400_000, "2y1d"], [-1500, "0s"], [-2500, "<invalid>"],
  ])("HumanDuration(%i ms) is %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  test("Go durations parse as kubectl flags take them", () => {
    expect(parseGoDuration("1m30s")).toBe(90_000);
    expect(parseGoDuration("500ms")).toBe(500);
    expect(parseGoDuration("2h")).toBe(7_200_000);
    expect(parseGoDuration("10")).toBeUndefined();
    expect(parseGoDuration("abc")).toBeUndefined();
  });

  test("timestamps print with second precision", () => {
    expect(rfc3339(Date.UTC(2026, 10, 25, 22, 21, 12, 999))).toBe("2026-11-25T22:21:12Z");
  });
});
