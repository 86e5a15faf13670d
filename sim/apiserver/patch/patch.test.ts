import { describe, expect, test } from "vitest";
import { applyMergePatch } from "./merge-patch";
import { applyJsonPatch, JsonPatchError } from "./json-patch";
import { applyStrategicMergePatch } from "./strategic-merge-patch";
import { sanitizeJson } from "./json-utils";

const podSpec = () => ({
  spec: {
    containers: [
      { name: "a", image: "nginx", ports: [{ containerPort: 80, protocol: "TCP" }], env: [{ name: "X", value: "1" }] },
      { name: "b", image: "busybox" },
    ],
    tolerations: [{ key: "k", operator: "Exists" }],
  },
});

describe("JSON merge patch (RFC 7386)", () => {
  test("merges maps recursively, null deletes a key, lists are replaced", () => {
    const out = applyMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [9] });
    expect(out).toEqual({ a: { c: 2, d: 3 }, l: [9] });
  });
});

describe("strategic merge patch", () => {
  test("containers merge by name: a patch of one container's image keeps the other container", () => {
    const out = applyStrategicMergePatch("Pod", podSpec(), { spec: { containers: [{ name: "b", image: "busybox:1.36" }] } }) as ReturnType<typeof podSpec>;
    expect(out.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(["a=nginx", "b=busybox:1.36"]);
  });

  test("a new container is appended; $patch: delete removes one by its merge key", () => {
    const added = applyStrategicMergePatch("Pod", podSpec(), { spec: { containers: [{ name: "c", image: "redis" }] } }) as ReturnType<typeof podSpec>;
    expect(added.spec.containers.map((c) => c.name)).toEqual(["a", "b", "c"]);
    const removed = applyStrategicMergePatch("Pod", podSpec(), { spec: { containers: [{ name: "a", $patch: "delete" }] } }) as ReturnType<typeof podSpec>;
    expect(removed.spec.containers.map((c) => c.name)).toEqual(["b"]);
  });

  test("container ports merge by containerPort and env by name", () => {
    const out = applyStrategicMergePatch("Pod", podSpec(), {
      spec: { containers: [{ name: "a", ports: [{ containerPort: 443 }], env: [{ name: "X", value: "2" }, { name: "Y", value: "3" }] }] },
    }) as { spec: { containers: { ports: { containerPort: number }[]; env: { name: string; value: string }[] }[] } };
    expect(out.spec.containers[0].ports.map((p) => p.containerPort)).toEqual([80, 443]);
    expect(out.spec.containers[0].env).toEqual([{ name: "X", value: "2" }, { name: "Y", value: "3" }]);
  });

  test("tolerations have no merge key, so a patch replaces the list", () => {
    const out = applyStrategicMergePatch("Pod", podSpec(), { spec: { tolerations: [{ key: "z", operator: "Exists" }] } }) as ReturnType<typeof podSpec>;
    expect(out.spec.tolerations).toEqual([{ key: "z", operator: "Exists" }]);
  });

  test("service ports merge by port; finalizers union; $retainKeys drops unlisted keys", () => {
    const svc = { metadata: { finalizers: ["a"] }, spec: { ports: [{ port: 80, targetPort: 8080 }], strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } } };
    const out = applyStrategicMergePatch("Service", svc, { metadata: { finalizers: ["b"] }, spec: { ports: [{ port: 80, targetPort: 9090 }] } }) as typeof svc;
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 9090 }]);
    expect(out.metadata.finalizers).toEqual(["a", "b"]);
    const retained = applyStrategicMergePatch("Deployment", svc, { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } }) as typeof svc;
    expect(retained.spec.strategy).toEqual({ type: "Recreate" });
  });

  test("$patch: replace replaces a map wholesale and $setElementOrder is accepted", () => {
    const out = applyStrategicMergePatch("Pod", { metadata: { labels: { a: "1", b: "2" } } }, { metadata: { labels: { $patch: "replace", c: "3" } }, "$setElementOrder/x": [] });
    expect(out).toEqual({ metadata: { labels: { c: "3" } } });
  });
});

describe("JSON patch (RFC 6902)", () => {
  test("add, replace, remove, move, copy and test apply in order", () => {
    const out = applyJsonPatch({ a: 1, l: [1, 2] }, [
      { op: "add", path: "/b", value: 2 },
      { op: "replace", path: "/a", value: 5 },
      { op: "add", path: "/l/-", value: 3 },
      { op: "remove", path: "/l/0" },
      { op: "copy", from: "/a", path: "/c" },
      { op: "move", from: "/b", path: "/d" },
      { op: "test", path: "/d", value: 2 },
    ]);
    expect(out).toEqual({ a: 5, l: [2, 3], c: 5, d: 2 });
  });

  test("a path that does not exist fails and leaves the input untouched", () => {
    const doc = { a: 1 };
    expect(() => applyJsonPatch(doc, [{ op: "replace", path: "/spec/x", value: 1 }])).toThrow(JsonPatchError);
    expect(doc).toEqual({ a: 1 });
  });
});

describe("untrusted bodies", () => {
  test("__proto__ and constructor keys never reach Object.prototype", () => {
    const evil = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "metadata": {"__proto__": {"x": 1}}}');
    applyMergePatch({}, evil);
    applyStrategicMergePatch("Pod", {}, evil);
    expect(() => applyJsonPatch({}, [{ op: "add", path: "/__proto__/polluted", value: 3 }])).toThrow(JsonPatchError);
    applyJsonPatch({}, [{ op: "add", path: "/__proto__", value: { polluted: 4 } }]);
    const clean = sanitizeJson(evil) as Record<string, unknown>;
    expect(Object.keys(clean)).toEqual(["constructor", "metadata"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
