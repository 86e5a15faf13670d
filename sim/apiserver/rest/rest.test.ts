import { describe, expect, test } from "vitest";
import { apiFixture, deployment, pod, T0 } from "../../testing/api-fixture";
import type { KubeObject } from "../../api/types";

const PODS = "/api/v1/namespaces/default/pods";

describe("DELETE", () => {
  test("a pod never bound to a node is removed at once", () => {
    const f = apiFixture();
    f.ok("POST", PODS, pod("p"));
    f.ok("DELETE", `${PODS}/p`);
    expect(f.req("GET", `${PODS}/p`).status).toBe(404);
  });

  test("a bound pod is deleted gracefully; the kubelet completes it with grace 0", () => {
    const f = apiFixture();
    f.ok("POST", PODS, pod("p"));
    f.ok("POST", `${PODS}/p/binding`, { target: { kind: "Node", name: "node01" } });
    const marked = f.ok("DELETE", `${PODS}/p`);
    expect(marked.metadata.deletionTimestamp).toBe("2026-01-01T00:00:30Z");
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(f.ok("GET", `${PODS}/p`).metadata.deletionTimestamp).toBe("2026-01-01T00:00:30Z");
    f.ok("DELETE", `${PODS}/p`, { gracePeriodSeconds: 0 });
    expect(f.req("GET", `${PODS}/p`).status).toBe(404);
  });

  test("binding an already bound pod is a Conflict with the scheduler's wording", () => {
    const f = apiFixture();
    f.ok("POST", PODS, pod("p"));
    const bound = f.req("POST", `${PODS}/p/binding`, { target: { name: "node01" } });
    expect(bound.status).toBe(201);
    expect(f.ok("GET", `${PODS}/p`).spec.nodeName).toBe("node01");
    const again = f.fail("POST", `${PODS}/p/binding`, { target: { name: "node02" } });
    expect([again.code, again.message]).toEqual([409, 'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node01"']);
  });

  test("foreground deletion leaves the object with a finalizer until it is removed", () => {
    const f = apiFixture();
    const path = "/apis/apps/v1/namespaces/default/deployments/web";
    f.ok("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("web"));
    const marked = f.ok("DELETE", path, { propagationPolicy: "Foreground" });
    expect(marked.metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(marked.metadata.deletionTimestamp).toBe("2026-01-01T00:00:00Z");
    expect(marked.metadata.generation).toBe(2);
    f.ok("PATCH", path, { metadata: { finalizers: null } }, { contentType: "application/merge-patch+json" });
    expect(f.req("GET", path).status).toBe(404);
  });

  test("preconditions on uid are checked", () => {
    const f = apiFixture();
    const p = f.ok("POST", PODS, pod("p"));
    const s = f.fail("DELETE", `${PODS}/p`, { preconditions: { uid: "nope" } });
    expect(s.message).toBe(`Operation cannot be fulfilled on pods "p": Precondition failed: UID in precondition: nope, UID in object meta: ${p.metadata.uid}`);
  });

  test("a namespace turns Terminating and goes when the finalize subresource empties its finalizers", () => {
    const f = apiFixture({ namespaces: ["default", "team"] });
    const ns = f.ok("DELETE", "/api/v1/namespaces/team");
    expect(ns.status.phase).toBe("Terminating");
    expect(ns.metadata.deletionTimestamp).toBe("2026-01-01T00:00:00Z");
    expect(f.fail("DELETE", "/api/v1/namespaces/team").message).toBe(
      'Operation cannot be fulfilled on namespaces "team": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    );
    f.ok("PUT", "/api/v1/namespaces/team/finalize", { ...ns, spec: { finalizers: [] } });
    expect(f.req("GET", "/api/v1/namespaces/team").status).toBe(404);
    expect(f.fail("DELETE", "/api/v1/namespaces/default").message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  test("deletecollection removes what the selector selects", () => {
    const f = apiFixture();
    f.ok("POST", PODS, pod("a", { metadata: { name: "a", labels: { app: "x" } } }));
    f.ok("POST", PODS, pod("b", { metadata: { name: "b", labels: { app: "y" } } }));
    f.ok("DELETE", PODS, undefined, { query: { labelSelector: "app=x" } });
    expect(f.ok<{ items: KubeObject[] }>("GET", PODS).items.map((p) => p.metadata.name)).toEqual(["b"]);
  });
});

describe("scale subresource", () => {
  test("GET, PUT and PATCH go through autoscaling/v1 Scale", () => {
    const f = apiFixture();
    f.ok("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("web"));
    const path = "/apis/apps/v1/namespaces/default/deployments/web/scale";
    const scale = f.ok("GET", path);
    expect(scale).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", spec: { replicas: 1 }, status: { replicas: 0, selector: "app=web" } });
    expect(f.ok("PATCH", path, { spec: { replicas: 3 } }, { contentType: "application/merge-patch+json" }).spec.replicas).toBe(3);
    expect(f.ok("GET", "/apis/apps/v1/namespaces/default/deployments/web").spec.replicas).toBe(3);
    const neg = f.fail("PUT", path, { ...scale, metadata: { name: "web" }, spec: { replicas: -1 } });
    expect(neg.message).toBe('Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    const big = f.fail("PATCH", path, { spec: { replicas: 1000 } }, { contentType: "application/merge-patch+json" });
    expect(big.message).toBe('deployments.apps "web" is forbidden: sandbox limit reached: at most 100 replicas per workload');
  });
});

describe("robustness", () => {
  test("malformed bodies and unknown patch types are Status errors, never exceptions", () => {
    const f = apiFixture();
    f.ok("POST", PODS, pod("p"));
    expect(f.fail("POST", PODS, "not an object").code).toBe(400);
    expect(f.fail("POST", PODS, [1, 2]).code).toBe(400);
    expect(f.fail("PATCH", `${PODS}/p`, { a: 1 }, { contentType: "text/plain" }).code).toBe(415);
    expect(f.fail("PATCH", `${PODS}/p`, [{ op: "replace", path: "/spec/nope/x", value: 1 }], { contentType: "application/json-patch+json" }).code).toBe(422);
    let deep: unknown = {};
    for (let i = 0; i < 500; i++) deep = { a: deep };
    expect(f.fail("POST", PODS, { metadata: { name: "d" }, spec: deep }).code).toBe(400);
    expect(f.fail("GET", "/api/v1/namespaces/default/widgets").code).toBe(404);
    const huge = f.fail("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: "big" }, data: { a: "x".repeat(2_000_000) } });
    expect([huge.code, huge.message]).toEqual([413, "sandbox limit reached: a manifest may be at most 1048576 bytes"]);
  });

  test("a body with __proto__ keys creates the object without polluting Object.prototype", () => {
    const f = apiFixture();
    const body = JSON.parse('{"metadata":{"name":"p","labels":{"__proto__":{"x":"1"},"constructor":"c"}},"spec":{"containers":[{"name":"a","image":"nginx"}]}}');
    const r = f.req("POST", PODS, body);
    expect(r.status).toBe(201);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("list, watch and Table", () => {
  test("field selectors filter pods and unsupported ones get the real error", () => {
    const f = apiFixture();
    f.ok("POST", PODS, pod("a"));
    f.ok("POST", PODS, pod("b"));
    f.ok("POST", `${PODS}/b/binding`, { target: { name: "node01" } });
    const list = f.ok<{ items: KubeObject[] }>("GET", PODS, undefined, { query: { fieldSelector: "spec.nodeName=node01" } });
    expect(list.items.map((p) => p.metadata.name)).toEqual(["b"]);
    expect(f.fail("GET", PODS, undefined, { query: { fieldSelector: "spec.bogus=1" } }).message).toBe("field label not supported: spec.bogus");
  });

  test("label selectors: set-based requirements and apimachinery's parse errors", () => {
    const f = apiFixture();
    for (const [n, tier] of [["a", "fe"], ["b", "be"], ["c", undefined]] as const) f.ok("POST", PODS, pod(n, { metadata: { name: n, labels: tier ? { tier } : {} } }));
    const names = (sel: string) => f.ok<{ items: KubeObject[] }>("GET", PODS, undefined, { query: { labelSelector: sel } }).items.map((p) => p.metadata.name);
    expect(names("tier in (fe,be)")).toEqual(["a", "b"]);
    expect(names("tier notin (fe)")).toEqual(["b", "c"]);
    expect(names("!tier")).toEqual(["c"]);
    expect(names("tier!=be")).toEqual(["a", "c"]);
    expect(f.fail("GET", PODS, undefined, { query: { labelSelector: "a b" } }).message).toBe("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(f.fail("GET", PODS, undefined, { query: { labelSelector: "a=b," } }).message).toBe("found '', expected: identifier after ','");
  });

  test("a watch from a resourceVersion returns the later events; from none, the current objects as ADDED", () => {
    const f = apiFixture();
    const a = f.ok("POST", PODS, pod("a"));
    f.ok("POST", PODS, pod("b"));
    f.ok("DELETE", `${PODS}/a`);
    const w = f.ok<{ kind: string; events: { type: string; object: KubeObject }[]; resourceVersion: string }>("GET", PODS, undefined, { query: { watch: "true", resourceVersion: a.metadata.resourceVersion! } });
    expect(w.kind).toBe("WatchEventList");
    expect(w.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED b", "DELETED a"]);
    const fresh = f.ok<{ events: { type: string; object: KubeObject }[] }>("GET", PODS, undefined, { query: { watch: "true" } });
    expect(fresh.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED b"]);
    const again = f.ok<{ events: unknown[] }>("GET", PODS, undefined, { query: { watch: "true", resourceVersion: w.resourceVersion } });
    expect(again.events).toEqual([]);
  });

  test("a label change that leaves a watch's selection looks like DELETED to that watcher", () => {
    const f = apiFixture();
    const p = f.ok("POST", PODS, pod("a", { metadata: { name: "a", labels: { app: "x" } } }));
    f.ok("PATCH", `${PODS}/a`, { metadata: { labels: { app: "y" } } }, { contentType: "application/merge-patch+json" });
    const w = f.ok<{ events: { type: string }[] }>("GET", PODS, undefined, { query: { watch: "true", labelSelector: "app=x", resourceVersion: p.metadata.resourceVersion! } });
    expect(w.events.map((e) => e.type)).toEqual(["DELETED"]);
  });

  test("Table responses carry PartialObjectMetadata by default and the object with includeObject=Object", () => {
    const f = apiFixture();
    f.clock.set(T0);
    f.ok("POST", PODS, pod("a"));
    const accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    const t = f.ok<{ kind: string; rows: { cells: unknown[]; object: KubeObject }[] }>("GET", PODS, undefined, { accept });
    expect(t.kind).toBe("Table");
    expect(t.rows[0].cells[0]).toBe("a");
    expect(t.rows[0].object.kind).toBe("PartialObjectMetadata");
    const o = f.ok<{ rows: { object: KubeObject }[] }>("GET", PODS, undefined, { accept, query: { includeObject: "Object" } });
    expect(o.rows[0].object.kind).toBe("Pod");
  });
});

describe("serviceaccounts/token", () => {
  test("issues a JWT for an existing service account, bound to its uid, valid an hour by default", () => {
    const f = apiFixture();
    const sa = f.ok("POST", "/api/v1/namespaces/default/serviceaccounts", { metadata: { name: "robot" } });
    const r = f.req("POST", "/api/v1/namespaces/default/serviceaccounts/robot/token", { spec: {} });
    expect(r.status).toBe(201);
    const tr = r.body as KubeObject;
    expect(tr.status.expirationTimestamp).toBe("2026-01-01T01:00:00Z");
    const payload = JSON.parse(atob(tr.status.token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    expect(payload.sub).toBe("system:serviceaccount:default:robot");
    expect(payload["kubernetes.io"].serviceaccount.uid).toBe(sa.metadata.uid);
    expect(f.fail("POST", "/api/v1/namespaces/default/serviceaccounts/nope/token", {}).message).toBe('serviceaccounts "nope" not found');
  });
});

describe("verbs, access reviews and health", () => {
  test("a verb the resource does not serve is MethodNotAllowed", () => {
    const f = apiFixture();
    expect(f.fail("DELETE", "/api/v1/namespaces").code).toBe(405); // namespaces have no deletecollection
    expect(f.fail("GET", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").message).toBe("the server does not allow this method on the requested resource");
  });

  test("a SelfSubjectAccessReview is answered allowed and never stored", () => {
    const f = apiFixture();
    const r = f.req("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { spec: { resourceAttributes: { verb: "create", resource: "pods", namespace: "default" } } });
    expect(r.status).toBe(201);
    expect((r.body as KubeObject).status.allowed).toBe(true);
    expect(f.api.store.size).toBe(1); // only the default namespace
  });

  test("/healthz, /livez and /readyz say ok", () => {
    const f = apiFixture();
    for (const p of ["/healthz", "/livez", "/readyz"]) expect(f.req("GET", p)).toEqual({ status: 200, body: "ok", contentType: "text/plain; charset=utf-8" });
  });
});
