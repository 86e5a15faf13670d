import { describe, expect, it } from "vitest";
import { Store } from "./store";
import { LIMITS } from "../core/limits";
import type { KubeObject } from "../api/types";

function pod(ns: string, name: string): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { namespace: ns, name }, spec: { containers: [{ name: "c", image: "nginx" }] } };
}

/** 26 pods (enough to be packed per namespace) in two namespaces, and a node. */
function filled(): Store {
  const s = new Store();
  for (const ns of ["default", "kube-system"]) for (const n of "abcdefghijklm") s.put("/pods", pod(ns, n), "ADDED");
  s.put("/nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "node01" } }, "ADDED");
  return s;
}

describe("Store", () => {
  it("hands out copies from get and list, and frozen stored objects from peek and listShared", () => {
    const s = filled();
    const copy = s.get("/pods", "default", "a")!;
    copy.metadata.labels = { changed: "yes" };
    expect(s.peek("/pods", "default", "a")!.metadata.labels).toBeUndefined();
    expect(Object.isFrozen(s.peek("/pods", "default", "a")!.spec)).toBe(true);
    expect(s.listShared("/pods", "kube-system").map((p) => p.metadata.name).join("")).toBe("abcdefghijklm");
    expect(s.list("/pods").map((p) => `${p.metadata.namespace}/${p.metadata.name}`).slice(12, 14)).toEqual(["default/m", "kube-system/a"]);
  });

  it("restores a compact snapshot with the same objects, unpacking only the namespaces read", () => {
    const s = filled();
    const snap = JSON.parse(JSON.stringify(s.toJSON({ compact: true })));
    expect(Object.keys(snap.packed).sort()).toEqual(["/nodes/", "/pods/default/", "/pods/kube-system/"]);
    const r = new Store(snap);
    expect(r.size).toBe(27);
    expect(r.listShared("/pods", "kube-system").length).toBe(13);
    // default/ was not read: it goes back into the next snapshot as it came.
    const again = r.toJSON();
    expect(again.packed?.["/pods/default/"]).toEqual(snap.packed["/pods/default/"]);
    expect(Object.keys(again.objects).length).toBe(13);
    expect(Object.keys(again.objects).every((k) => k.startsWith("/pods/kube-system/"))).toBe(true);
    expect(r.list("/pods")).toEqual(s.list("/pods"));
    expect(r.get("/nodes", undefined, "node01")).toEqual(s.get("/nodes", undefined, "node01"));
  });

  it("re-packs only the chunks written since the last compact snapshot", () => {
    const s = filled();
    const first = s.toJSON({ compact: true }).packed!;
    s.put("/pods", { ...pod("default", "a"), metadata: { namespace: "default", name: "a", labels: { x: "1" } } }, "MODIFIED");
    const second = s.toJSON({ compact: true }).packed!;
    expect(second["/pods/kube-system/"]).toBe(first["/pods/kube-system/"]);
    expect(second["/pods/default/"]).not.toEqual(first["/pods/default/"]);
    const r = new Store(JSON.parse(JSON.stringify({ rv: s.currentRv(), objects: {}, packed: second })));
    expect(r.get("/pods", "default", "a")!.metadata.labels).toEqual({ x: "1" });
  });

  it("keeps watch events after a resourceVersion in order and answers 410 (undefined) for a restored store", () => {
    const s = filled();
    const rv = s.currentRv();
    s.remove("/pods", "default", "b");
    s.put("/pods", pod("default", "z"), "ADDED");
    expect(s.eventsSince("/pods", rv)!.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["DELETED b", "ADDED z"]);
    expect(s.eventsSince("/nodes", rv)).toEqual([]);
    expect(new Store(s.toJSON({ compact: true })).eventsSince("/pods", rv)).toBeUndefined();
  });

  it("keeps the last watchEvents changes watchable and expires older resourceVersions, however long it runs", () => {
    const s = new Store();
    const first = s.currentRv();
    const writes = LIMITS.watchEvents * 2 + 7;
    for (let i = 0; i < writes; i++) s.put("/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: `c${i % 3}` } }, i < 3 ? "ADDED" : "MODIFIED");
    const oldest = s.currentRv() - LIMITS.watchEvents;
    expect(s.oldestWatchableRv()).toBe(oldest);
    expect(s.eventsSince("/configmaps", first)).toBeUndefined();
    expect(s.eventsSince("/configmaps", oldest - 1)).toBeUndefined();
    const all = s.eventsSince("/configmaps", oldest)!;
    expect(all.length).toBe(LIMITS.watchEvents);
    expect(all[0].rv).toBe(oldest + 1);
    expect(s.eventsSince("/configmaps", s.currentRv() - 2)!.map((e) => e.rv)).toEqual([s.currentRv() - 1, s.currentRv()]);
  });
});
