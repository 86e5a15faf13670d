import { describe, expect, it, vi } from "vitest";
import type { Sandbox } from "./sim";

// Next.js loads route handlers and pages through separate bundler runtimes, i.e. as separate copies
// of this module; they must still share one cache and one lock per sandbox.
describe("the process-wide sandbox cache", () => {
  it("is shared by two copies of the module (a page and a route handler in one server)", async () => {
    const a = await import("./sandbox-cache");
    vi.resetModules();
    const b = await import("./sandbox-cache");
    expect(b).not.toBe(a);
    const sandbox = {} as Sandbox;
    a.remember("s1", 4, sandbox, "u1", 2);
    expect(b.cachedAt("s1", 4)).toMatchObject({ sandbox, version: 4, snapshotVersion: 2 });
    expect(b.cachedAt("s1", 5)).toBeUndefined(); // a stale version is dropped, for both
    expect(a.peek("s1")).toBeUndefined();
  });

  it("serialises work on one sandbox across the copies", async () => {
    const a = await import("./sandbox-cache");
    vi.resetModules();
    const b = await import("./sandbox-cache");
    const order: string[] = [];
    let release!: () => void;
    const first = a.withSandboxLock("s2", () => new Promise<void>((r) => (release = () => (order.push("first"), r()))));
    const second = b.withSandboxLock("s2", async () => void order.push("second"));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
  });

  it("gives an isolated copy a cache of its own (a second app instance in tests)", async () => {
    const a = await import("./sandbox-cache");
    vi.resetModules();
    const b = await import("./sandbox-cache");
    b.isolateInstance();
    a.remember("s3", 1, {} as Sandbox, "u1", 0);
    expect(b.cachedAt("s3", 1)).toBeUndefined();
    expect(a.cachedAt("s3", 1)).toBeDefined();
  });
});
