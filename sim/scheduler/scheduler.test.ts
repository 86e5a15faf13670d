import { describe, expect, test } from "vitest";
import { testCluster } from "../controllers/test-cluster";
import type { KubeObject } from "../api/types";

function pod(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: { containers: [{ name: "c", image: "nginx" }], ...spec } };
}

function failedScheduling(t: ReturnType<typeof testCluster>, name: string): string[] {
  return t.events().filter((e) => e.involvedObject.name === name && e.reason === "FailedScheduling").map((e) => e.message);
}

describe("default scheduler", () => {
  test("binds a plain pod to a worker and records the Scheduled event", () => {
    const t = testCluster();
    t.client.create(pod("nginx"));
    const p = t.client.get("pods", "default", "nginx")!;
    expect(["node01", "node02"]).toContain(p.spec.nodeName);
    const ev = t.events().find((e) => e.involvedObject.name === "nginx" && e.reason === "Scheduled")!;
    expect(ev.message).toBe(`Successfully assigned default/nginx to ${p.spec.nodeName}`);
    expect(ev.type).toBe("Normal");
    // Written by the events.k8s.io/v1 recorder: eventTime and reporter, no legacy source or timestamps.
    expect(ev).toMatchObject({ action: "Binding", reportingComponent: "default-scheduler", reportingInstance: "default-scheduler-controlplane", source: {}, firstTimestamp: null, lastTimestamp: null });
    expect(ev.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(ev.count).toBeUndefined();
  });

  test("repeated FailedScheduling for an unchanged pod becomes one event with a series", () => {
    const t = testCluster();
    t.client.create(pod("picky", { nodeSelector: { disktype: "ssd" } }));
    t.wait(16 * 60 * 1000); // retried every 5 min (podMaxInUnschedulablePodsDuration)
    const evs = t.events().filter((e) => e.involvedObject.name === "picky" && e.reason === "FailedScheduling");
    // The first attempt's status update moves the pod's resourceVersion, so the retries form a new series.
    expect(evs.length).toBe(2);
    const series = evs.find((e) => e.series)!;
    expect(series.series.count).toBeGreaterThanOrEqual(3);
    expect(Date.parse(series.series.lastObservedTime)).toBeGreaterThan(Date.parse(series.eventTime));
    expect(series.action).toBe("Scheduling");
  });

  test("spreads replicas of one owner across the workers", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web", namespace: "default" }, spec: { replicas: 4, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    const nodes = t.pods("default", "web-").map((p) => p.spec.nodeName).sort();
    expect(nodes).toEqual(["node01", "node01", "node02", "node02"]);
  });

  test("a nodeSelector that matches no node leaves the pod Pending with the v1.32 message", () => {
    const t = testCluster();
    t.client.create(pod("picky", { nodeSelector: { disktype: "ssd" } }));
    const p = t.client.get("pods", "default", "picky")!;
    expect(p.spec.nodeName).toBeUndefined();
    const msg = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..";
    expect(failedScheduling(t, "picky")).toEqual([msg]);
    const cond = p.status.conditions.find((c: { type: string }) => c.type === "PodScheduled");
    expect(cond).toMatchObject({ status: "False", reason: "Unschedulable", message: msg });
  });

  test("labelling a node makes the pending pod schedulable there", () => {
    const t = testCluster();
    t.client.create(pod("picky", { nodeSelector: { disktype: "ssd" } }));
    const n = t.client.get("nodes", undefined, "node02")!;
    t.client.update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disktype: "ssd" } } });
    expect(t.client.get("pods", "default", "picky")!.spec.nodeName).toBe("node02");
  });

  test("a pod that tolerates the control-plane taint and selects it lands on controlplane", () => {
    const t = testCluster();
    t.client.create(pod("cp", {
      nodeSelector: { "node-role.kubernetes.io/control-plane": "" },
      tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }],
    }));
    expect(t.client.get("pods", "default", "cp")!.spec.nodeName).toBe("controlplane");
  });

  test("requests larger than any node report Insufficient cpu and no preemption victims", () => {
    const t = testCluster();
    t.client.create(pod("big", { containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "3" } } }] }));
    expect(failedScheduling(t, "big")).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..",
    ]);
  });

  test("cordoned nodes are reported as unschedulable", () => {
    const t = testCluster();
    for (const name of ["node01", "node02"]) {
      const n = t.client.get("nodes", undefined, name)!;
      t.client.update({ ...n, spec: { ...n.spec, unschedulable: true } });
    }
    t.client.create(pod("p"));
    expect(failedScheduling(t, "p")[0]).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    );
  });

  test("two pods asking for the same hostPort cannot share a node", () => {
    const t = testCluster();
    const spec = { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    t.client.create(pod("a", spec));
    t.client.create(pod("b", spec));
    t.client.create(pod("c", spec));
    const nodes = ["a", "b"].map((n) => t.client.get("pods", "default", n)!.spec.nodeName).sort();
    expect(nodes).toEqual(["node01", "node02"]);
    expect(failedScheduling(t, "c")[0]).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..",
    );
  });

  test("an unschedulable pod is retried when room frees up", () => {
    const t = testCluster();
    const spec = { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    for (const n of ["a", "b", "c"]) t.client.create(pod(n, spec));
    expect(t.client.get("pods", "default", "c")!.spec.nodeName).toBeUndefined();
    t.client.delete("pods", "default", "a", { gracePeriodSeconds: 0 });
    t.wait(1000);
    expect(["node01", "node02"]).toContain(t.client.get("pods", "default", "c")!.spec.nodeName);
  });

  test("required pod anti-affinity keeps replicas on different nodes", () => {
    const t = testCluster();
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "db" } }, topologyKey: "kubernetes.io/hostname" }] } };
    for (const n of ["db-0", "db-1", "db-2"]) t.client.create({ ...pod(n, { affinity: anti }), metadata: { name: n, namespace: "default", labels: { app: "db" } } });
    const placed = ["db-0", "db-1"].map((n) => t.client.get("pods", "default", n)!.spec.nodeName).sort();
    expect(placed).toEqual(["node01", "node02"]);
    expect(failedScheduling(t, "db-2")[0]).toMatch(/^0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 2 node\(s\) didn't match pod anti-affinity rules\. preemption: /);
  });

  test("pods for another scheduler are left alone", () => {
    const t = testCluster();
    t.client.create(pod("custom", { schedulerName: "my-scheduler" }));
    expect(t.client.get("pods", "default", "custom")!.spec.nodeName).toBeUndefined();
    expect(failedScheduling(t, "custom")).toEqual([]);
  });
});

describe("pod topology spread", () => {
  const spread = (maxSkew: number) => ({
    topologySpreadConstraints: [{ maxSkew, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "s" } } }],
  });
  const labelled = (name: string, spec: Record<string, unknown>) => ({ ...pod(name, spec), metadata: { name, namespace: "default", labels: { app: "s" } } });

  test("DoNotSchedule keeps the skew within maxSkew", () => {
    const t = testCluster();
    const n1 = t.client.get("nodes", undefined, "node02")!;
    t.client.update({ ...n1, spec: { ...n1.spec, unschedulable: true } });
    t.client.create(labelled("s1", spread(1)));
    t.client.create(labelled("s2", spread(1)));
    expect(t.client.get("pods", "default", "s1")!.spec.nodeName).toBe("node01");
    // node02 is cordoned but still counts as a domain with 0 pods, so a second pod on node01 would skew by 2.
    expect(failedScheduling(t, "s2")[0]).toBe(
      "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    );
  });

  test("a constraint on a label no node has is unresolvable", () => {
    const t = testCluster();
    t.client.create(labelled("z", { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "s" } } }] }));
    expect(failedScheduling(t, "z")[0]).toMatch(/2 node\(s\) didn't match pod topology spread constraints \(missing required label\)\./);
  });
});

test("a pod with scheduling gates is not scheduled and gets no FailedScheduling event", () => {
  const t = testCluster();
  t.client.create(pod("gated", { schedulingGates: [{ name: "example.com/wait" }] }));
  t.wait(1000);
  expect(t.client.get("pods", "default", "gated")!.spec.nodeName).toBeUndefined();
  expect(t.events().filter((e) => e.involvedObject.name === "gated")).toEqual([]);
});
