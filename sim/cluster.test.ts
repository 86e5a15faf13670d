import { describe, expect, it } from "vitest";
import { Cluster, type Reconciler, type ResourceChange } from "./cluster";
import { STRATEGIES } from "./api/strategies";

function recorder(seen: (ResourceChange[] | undefined)[]): Reconciler {
  return { name: "rec", watches: ["/configmaps", "/secrets"], sync: (ctx) => void seen.push(ctx.changes()) };
}

function cm(name: string, data: Record<string, string>) {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" }, data };
}

function cluster(seen: (ResourceChange[] | undefined)[]): Cluster {
  const c = new Cluster({ reconcilers: [recorder(seen)], strategies: STRATEGIES, seed: 1, now: 0 });
  c.request({ method: "POST", path: "/api/v1/namespaces", body: { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } } });
  return c;
}

describe("Cluster", () => {
  it("tells a syncing reconciler which watched objects changed since its previous sync, in order", () => {
    const seen: (ResourceChange[] | undefined)[] = [];
    const c = cluster(seen);
    expect(seen).toEqual([undefined]); // the first sync cannot say: look at everything
    c.request({ method: "POST", path: "/api/v1/namespaces/default/configmaps", body: cm("a", { x: "1" }) });
    c.request({ method: "POST", path: "/api/v1/namespaces/default/secrets", body: { apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "default" } } });
    c.request({ method: "PUT", path: "/api/v1/namespaces/default/configmaps/a", body: cm("a", { x: "2" }) });
    c.request({ method: "DELETE", path: "/api/v1/namespaces/default/configmaps/a" });
    const tail = seen.slice(1).map((cs) => cs?.map((x) => `${x.type} ${x.resource} ${x.namespace}/${x.name}`));
    expect(tail).toEqual([["ADDED /configmaps default/a"], ["ADDED /secrets default/s"], ["MODIFIED /configmaps default/a"], ["DELETED /configmaps default/a"]]);
    expect(seen[3]![0].object.data).toEqual({ x: "2" });
  });

  it("reports the changes made after a restore (the restored cluster was quiescent)", () => {
    const seen: (ResourceChange[] | undefined)[] = [];
    const c = cluster(seen);
    c.request({ method: "POST", path: "/api/v1/namespaces/default/configmaps", body: cm("a", {}) });
    const restored = new Cluster({ reconcilers: [recorder(seen)], strategies: STRATEGIES, state: JSON.parse(JSON.stringify(c.toJSON())) });
    restored.request({ method: "POST", path: "/api/v1/namespaces/default/configmaps", body: cm("b", {}) });
    expect(seen[seen.length - 1]?.map((x) => x.name)).toEqual(["b"]);
    restored.request({ method: "POST", path: "/api/v1/namespaces/default/configmaps", body: cm("c", {}) });
    expect(seen[seen.length - 1]?.map((x) => x.name)).toEqual(["c"]);
  });
});
