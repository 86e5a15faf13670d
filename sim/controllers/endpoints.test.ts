import { describe, expect, test } from "vitest";
import { testCluster } from "./test-cluster";
import type { KubeObject } from "../api/types";

function svc(name: string, selector: Record<string, string> | undefined, ports: unknown[]): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { ...(selector ? { selector } : {}), ports } };
}

function webPods(t: ReturnType<typeof testCluster>, n: number) {
  t.client.create({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web", namespace: "default" }, spec: { replicas: n, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx", ports: [{ name: "http", containerPort: 80 }] }] } } } });
}

describe("endpoints and endpointslice controllers", () => {
  test("a service lists its ready pods with the named target port resolved", () => {
    const t = testCluster();
    webPods(t, 2);
    t.client.create(svc("web", { app: "web" }, [{ name: "http", port: 8080, targetPort: "http" }]));
    const ep = t.client.get("endpoints", "default", "web")!;
    const pods = t.pods("default", "web-");
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].ports).toEqual([{ name: "http", port: 80, protocol: "TCP" }]);
    expect(ep.subsets[0].addresses.map((a: { ip: string }) => a.ip).sort()).toEqual(pods.map((p) => p.status.podIP).sort());
    expect(ep.subsets[0].addresses[0].targetRef).toMatchObject({ kind: "Pod", namespace: "default" });
    const slices = t.client.list("endpointslices", "default").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web");
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slices[0].metadata.labels?.["endpointslice.kubernetes.io/managed-by"]).toBe("endpointslice-controller.k8s.io");
    expect(slices[0].ports).toEqual([{ name: "http", port: 80, protocol: "TCP" }]);
    expect(slices[0].endpoints.map((e: { conditions: unknown }) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: true, serving: true, terminating: false },
    ]);
  });

  test("pods that are not ready go to notReadyAddresses", () => {
    const t = testCluster({ readyAfterMs: 60_000 });
    webPods(t, 1);
    t.client.create(svc("web", { app: "web" }, [{ port: 80 }]));
    const ep = t.client.get("endpoints", "default", "web")!;
    expect(ep.subsets[0].addresses).toBeUndefined();
    expect(ep.subsets[0].notReadyAddresses).toHaveLength(1);
    t.wait(61_000);
    expect(t.client.get("endpoints", "default", "web")!.subsets[0].addresses).toHaveLength(1);
  });

  test("a service that selects nothing has an Endpoints object without subsets", () => {
    const t = testCluster();
    t.client.create(svc("none", { app: "nothing" }, [{ port: 80 }]));
    const ep = t.client.get("endpoints", "default", "none")!;
    expect(ep.subsets).toBeUndefined();
  });

  test("a service without a selector is left alone", () => {
    const t = testCluster();
    t.client.create(svc("external", undefined, [{ port: 80 }]));
    expect(t.client.get("endpoints", "default", "external")).toBeUndefined();
  });

  test("deleting the service removes its Endpoints", () => {
    const t = testCluster();
    webPods(t, 1);
    t.client.create(svc("web", { app: "web" }, [{ port: 80 }]));
    t.client.delete("services", "default", "web");
    t.wait(1000);
    expect(t.client.get("endpoints", "default", "web")).toBeUndefined();
    expect(t.client.list("endpointslices", "default").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web")).toEqual([]);
  });

  test("kube-dns points at the CoreDNS pods", () => {
    const t = testCluster();
    const ep = t.client.get("endpoints", "kube-system", "kube-dns")!;
    expect(ep.subsets[0].addresses).toHaveLength(2);
    expect(ep.subsets[0].ports.map((p: { name: string }) => p.name).sort()).toEqual(["dns", "dns-tcp", "metrics"]);
  });
});
