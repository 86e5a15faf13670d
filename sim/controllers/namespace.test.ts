import { describe, expect, test } from "vitest";
import { testCluster } from "./test-cluster";

describe("namespace-scoped controllers", () => {
  test("every namespace gets a default ServiceAccount and the kube-root-ca.crt ConfigMap", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
    for (const ns of ["default", "kube-system", "kube-public", "kube-node-lease", "dev"]) {
      expect(t.client.get("serviceaccounts", ns, "default")).toBeDefined();
      const cm = t.client.get("configmaps", ns, "kube-root-ca.crt")!;
      expect(cm.data["ca.crt"]).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/]{64}\n/);
      expect(cm.metadata.annotations?.["kubernetes.io/description"]).toMatch(/^Contains a CA bundle/);
    }
    const a = t.client.get("configmaps", "dev", "kube-root-ca.crt")!.data["ca.crt"];
    expect(t.client.get("configmaps", "default", "kube-root-ca.crt")!.data["ca.crt"]).toBe(a);
  });

  test("a deleted default ServiceAccount comes back", () => {
    const t = testCluster();
    t.client.delete("serviceaccounts", "default", "default");
    expect(t.client.get("serviceaccounts", "default", "default")).toBeDefined();
  });

  test("deleting a namespace removes its content and then the namespace", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
    t.client.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "dev" }, data: { a: "1" } });
    t.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "dev" }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    t.client.delete("namespaces", undefined, "dev");
    t.wait(40_000);
    expect(t.client.get("configmaps", "dev", "cfg")).toBeUndefined();
    expect(t.client.list("pods", "dev")).toEqual([]);
    expect(t.client.get("namespaces", undefined, "dev")).toBeUndefined();
  });
});

describe("garbage collector", () => {
  test("deleting a Deployment in the background removes its ReplicaSets and pods", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    t.wait(1000);
    t.client.delete("deployments", "default", "web", { propagationPolicy: "Background" });
    t.wait(40_000);
    expect(t.client.list("replicasets", "default")).toEqual([]);
    expect(t.client.list("pods", "default")).toEqual([]);
  });

  test("orphan deletion keeps the pods and drops their owner reference", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web", namespace: "default" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    t.client.delete("replicasets", "default", "web", { propagationPolicy: "Orphan" });
    t.wait(1000);
    expect(t.client.get("replicasets", "default", "web")).toBeUndefined();
    const pods = t.pods("default", "web-");
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.ownerReferences ?? []).toEqual([]);
  });

  test("foreground deletion removes the dependents before the owner", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web", namespace: "default" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    t.client.delete("replicasets", "default", "web", { propagationPolicy: "Foreground" });
    t.wait(40_000);
    expect(t.pods("default", "web-")).toEqual([]);
    expect(t.client.get("replicasets", "default", "web")).toBeUndefined();
  });
});

describe("namespace deletion with workloads", () => {
  test("a namespace with a Deployment is emptied and removed without errors", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } });
    t.client.create({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "team-a" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    t.client.create({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "team-a" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
    t.wait(5000);
    t.client.delete("namespaces", undefined, "team-a");
    t.wait(60_000);
    expect(t.client.get("namespaces", undefined, "team-a")).toBeUndefined();
    expect(t.client.list("pods", "team-a")).toEqual([]);
  });
});

describe("garbage collector and unknown owners", () => {
  test("a pod whose owner no longer exists is deleted, one owned by an unserved kind is kept", () => {
    const t = testCluster();
    const ref = (kind: string, apiVersion: string) => [{ apiVersion, kind, name: "gone", uid: "00000000-0000-4000-8000-000000000000" }];
    t.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "orphan", namespace: "default", ownerReferences: ref("ReplicaSet", "apps/v1") }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    t.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "custom", namespace: "default", ownerReferences: ref("Widget", "example.com/v1") }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    t.wait(40_000);
    expect(t.client.get("pods", "default", "orphan")).toBeUndefined();
    expect(t.client.get("pods", "default", "custom")).toBeDefined();
  });
});
