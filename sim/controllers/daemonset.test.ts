import { describe, expect, test } from "vitest";
import { testCluster } from "./test-cluster";
import type { KubeObject } from "../api/types";

function ds(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name, namespace: "default" }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }], ...spec } } } };
}

describe("daemonset controller", () => {
  test("runs one pod per untainted node, pinned by node affinity, with the daemon tolerations", () => {
    const t = testCluster();
    t.client.create(ds("agent"));
    const pods = t.pods("default", "agent-");
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(["node01", "node02"]);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
        { matchFields: [{ key: "metadata.name", operator: "In", values: [p.spec.nodeName] }] },
      ]);
      expect(p.spec.tolerations).toEqual(expect.arrayContaining([{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }]));
      expect(p.metadata.labels).toMatchObject({ app: "agent", "pod-template-generation": "1" });
      expect(p.metadata.labels?.["controller-revision-hash"]).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    }
    expect(t.client.get("daemonsets", "default", "agent")!.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, numberMisscheduled: 0 });
  });

  test("tolerating the control-plane taint adds a pod there too", () => {
    const t = testCluster();
    t.client.create(ds("agent", { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] }));
    expect(t.pods("default", "agent-").map((p) => p.spec.nodeName).sort()).toEqual(["controlplane", "node01", "node02"]);
  });

  test("a nodeSelector limits the nodes, and labelling a node adds one", () => {
    const t = testCluster();
    t.client.create(ds("agent", { nodeSelector: { role: "edge" } }));
    expect(t.pods("default", "agent-")).toHaveLength(0);
    const n = t.client.get("nodes", undefined, "node01")!;
    t.client.update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, role: "edge" } } });
    expect(t.pods("default", "agent-").map((p) => p.spec.nodeName)).toEqual(["node01"]);
  });

  test("a template change replaces pods one node at a time", () => {
    const t = testCluster({ readyAfterMs: 3000 });
    t.client.create(ds("agent"));
    t.wait(5000);
    const d = t.client.get("daemonsets", "default", "agent")!;
    d.spec.template.spec.containers[0].image = "busybox:1.36";
    t.client.update(d);
    const during = t.pods("default", "agent-");
    expect(during.filter((p) => p.spec.containers[0].image === "busybox:1.36").length).toBeLessThanOrEqual(1);
    t.wait(20_000);
    const after = t.pods("default", "agent-");
    expect(after.map((p) => p.spec.containers[0].image)).toEqual(["busybox:1.36", "busybox:1.36"]);
  });

  test("the kube-proxy DaemonSet of the topology runs on all three nodes", () => {
    const t = testCluster();
    const pods = t.pods("kube-system", "kube-proxy-");
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(["controlplane", "node01", "node02"]);
  });
});
