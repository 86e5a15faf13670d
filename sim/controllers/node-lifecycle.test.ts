import { describe, expect, test } from "vitest";
import { createCluster } from "../world";
import { Client } from "../apiserver/client";
import { setKubeletRunning } from "../node/index";
import { testCluster } from "./test-cluster";

const NOW = Date.parse("2026-01-15T10:00:00Z");

describe("node lifecycle", () => {
  test("cordoning a node adds the unschedulable taint and uncordoning removes it", () => {
    const t = testCluster();
    const n = t.client.get("nodes", undefined, "node01")!;
    t.client.update({ ...n, spec: { ...n.spec, unschedulable: true } });
    expect(t.client.get("nodes", undefined, "node01")!.spec.taints).toEqual([{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }]);
    const c = t.client.get("nodes", undefined, "node01")!;
    t.client.update({ ...c, spec: { ...c.spec, unschedulable: false } });
    expect(t.client.get("nodes", undefined, "node01")!.spec.taints).toBeUndefined();
  });

  test("a NoExecute taint evicts pods that do not tolerate it", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: { nodeName: "node01", containers: [{ name: "c", image: "nginx" }] } });
    const n = t.client.get("nodes", undefined, "node01")!;
    t.client.update({ ...n, spec: { ...n.spec, taints: [{ key: "maintenance", value: "true", effect: "NoExecute" }] } });
    t.wait(1000);
    expect(t.client.get("pods", "default", "p")).toBeUndefined();
    const ev = t.events().find((e) => e.reason === "TaintManagerEviction")!;
    expect(ev.message).toBe("Marking for deletion Pod default/p");
  });

  test("the node monitor rests while every kubelet runs and ticks from a kubelet's stop until all is well again", () => {
    const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
    const monitorTicks = () => cluster.toJSON().clock.timers.filter((t) => t.target === "node-controller" && t.key === "monitor").length;
    cluster.advanceTo(NOW + 60_000);
    expect(monitorTicks()).toBe(0);
    setKubeletRunning(cluster, "node01", false);
    expect(monitorTicks()).toBe(1);
    cluster.advanceTo(NOW + 200_000);
    setKubeletRunning(cluster, "node01", true);
    cluster.advanceTo(NOW + 210_000);
    expect(new Client(cluster).get("nodes", undefined, "node01")!.status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("True");
    // Until the kubelet's lease renewal and heartbeat after its return are written.
    cluster.advanceTo(NOW + 520_000);
    expect(monitorTicks()).toBe(0);
  });

  test("a stopped kubelet makes its node Unknown after the grace period, taints it and evicts after 300 s", () => {
    const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
    const client = new Client(cluster);
    client.create({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    cluster.advanceTo(NOW + 30_000);
    const victim = client.list("pods", "default").find((p) => p.spec.nodeName === "node01")!;
    setKubeletRunning(cluster, "node01", false);
    cluster.advanceTo(NOW + 60_000);
    expect(client.get("nodes", undefined, "node01")!.status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("True");
    cluster.advanceTo(NOW + 100_000);
    const node = client.get("nodes", undefined, "node01")!;
    expect(node.status.conditions.find((c: { type: string }) => c.type === "Ready")).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(node.spec.taints.map((x: { key: string; effect: string }) => `${x.key}:${x.effect}`)).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
    cluster.advanceTo(NOW + 100_000 + 310_000);
    expect(client.get("pods", "default", victim.metadata.name!)?.metadata.deletionTimestamp).toBeDefined();
    const running = client.list("pods", "default").filter((p) => !p.metadata.deletionTimestamp);
    expect(running.map((p) => p.spec.nodeName)).toEqual(["node02", "node02"]);
    setKubeletRunning(cluster, "node01", true);
    cluster.advanceTo(NOW + 420_000);
    expect(client.get("nodes", undefined, "node01")!.status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("True");
    expect(client.get("nodes", undefined, "node01")!.spec.taints).toBeUndefined();
  });
});

describe("pod garbage collector", () => {
  test("pods of a deleted node are removed after the quarantine and their ReplicaSet replaces them", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web", namespace: "default" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    const onNode01 = t.pods("default", "web-").filter((p) => p.spec.nodeName === "node01").map((p) => p.metadata.name);
    expect(onNode01.length).toBeGreaterThan(0);
    t.client.delete("nodes", undefined, "node01");
    t.wait(10_000);
    expect(t.pods("default", "web-").map((p) => p.metadata.name)).toEqual(expect.arrayContaining(onNode01));
    t.wait(40_000);
    const after = t.pods("default", "web-");
    expect(after.map((p) => p.metadata.name)).not.toEqual(expect.arrayContaining(onNode01));
    expect(after.map((p) => p.spec.nodeName)).toEqual(["node02", "node02"]);
  });
});
