import { describe, expect, test } from "vitest";
import { testCluster } from "./test-cluster";
import type { KubeObject } from "../api/types";

function deployment(name: string, replicas: number, image = "nginx", extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image }] } }, ...extra },
  };
}

describe("deployment controller", () => {
  // pkg/registry/apps/deployment/strategy.go: spec and annotation changes bump generation on the
  // main resource; the controller writes the revision annotation through UpdateStatus (sync.go).
  test("a new deployment keeps generation 1 after the controller writes its revision annotation; a scale or an annotation edit bumps it", () => {
    const t = testCluster();
    t.client.create(deployment("gen", 2));
    t.wait(1000);
    let d = t.client.get("deployments", "default", "gen")!;
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d.metadata.generation).toBe(1);
    expect(d.status.observedGeneration).toBe(1);
    t.client.update({ ...d, spec: { ...d.spec, replicas: 3 } });
    t.wait(1000);
    d = t.client.get("deployments", "default", "gen")!;
    expect(d.metadata.generation).toBe(2);
    t.client.update({ ...d, metadata: { ...d.metadata, annotations: { ...d.metadata.annotations, note: "x" } } });
    t.wait(1000);
    d = t.client.get("deployments", "default", "gen")!;
    expect([d.metadata.generation, d.status.observedGeneration]).toEqual([3, 3]);
  });

  test("a new deployment creates a hashed ReplicaSet and its pods, then reports itself available", () => {
    const t = testCluster();
    t.client.create(deployment("web", 3));
    t.wait(1000);
    const rss = t.client.list("replicasets", "default");
    expect(rss).toHaveLength(1);
    const rs = rss[0];
    const hash = rs.metadata.labels!["pod-template-hash"];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.annotations).toMatchObject({ "deployment.kubernetes.io/revision": "1", "deployment.kubernetes.io/desired-replicas": "3", "deployment.kubernetes.io/max-replicas": "4" });
    const pods = t.pods("default", `web-${hash}-`);
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    const d = t.client.get("deployments", "default", "web")!;
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const conds = Object.fromEntries(d.status.conditions.map((c: { type: string; reason: string; message: string }) => [c.type, `${c.reason}: ${c.message}`]));
    expect(conds.Available).toBe("MinimumReplicasAvailable: Deployment has minimum availability.");
    expect(conds.Progressing).toBe(`NewReplicaSetAvailable: ReplicaSet "web-${hash}" has successfully progressed.`);
    const msgs = t.events().filter((e) => e.involvedObject.name === "web").map((e) => e.message);
    expect(msgs).toContain(`Scaled up replica set web-${hash} from 0 to 3`);
  });

  test("changing the image rolls out a second ReplicaSet and scales the first to zero", () => {
    const t = testCluster({ readyAfterMs: 2000 });
    t.client.create(deployment("web", 4));
    t.wait(5000);
    const d = t.client.get("deployments", "default", "web")!;
    d.spec.template.spec.containers[0].image = "nginx:1.27";
    t.client.update(d);
    t.wait(60_000);
    const rss = t.client.list("replicasets", "default").sort((a, b) => Number(a.metadata.annotations!["deployment.kubernetes.io/revision"]) - Number(b.metadata.annotations!["deployment.kubernetes.io/revision"]));
    expect(rss.map((r) => r.spec.replicas)).toEqual([0, 4]);
    expect(rss[1].metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(t.pods().filter((p) => p.spec.containers[0].image === "nginx:1.27")).toHaveLength(4);
    const after = t.client.get("deployments", "default", "web")!;
    expect(after.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
    const msgs = t.events().filter((e) => e.involvedObject.name === "web").map((e) => e.message);
    expect(msgs.some((m) => /^Scaled down replica set web-\w+ from \d to \d$/.test(m))).toBe(true);
    expect(after.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
  });

  test("rolling back to the old template reuses the old ReplicaSet with the next revision", () => {
    const t = testCluster();
    t.client.create(deployment("web", 2));
    t.wait(1000);
    const first = t.client.list("replicasets", "default")[0];
    const d = t.client.get("deployments", "default", "web")!;
    d.spec.template.spec.containers[0].image = "nginx:1.27";
    t.client.update(d);
    t.wait(10_000);
    const d2 = t.client.get("deployments", "default", "web")!;
    d2.spec.template.spec.containers[0].image = "nginx";
    t.client.update(d2);
    t.wait(10_000);
    const old = t.client.get("replicasets", "default", first.metadata.name!)!;
    expect(old.spec.replicas).toBe(2);
    expect(old.metadata.annotations).toMatchObject({ "deployment.kubernetes.io/revision": "3", "deployment.kubernetes.io/revision-history": "1" });
  });

  test("scaling a deployment scales its ReplicaSet and records the event", () => {
    const t = testCluster();
    t.client.create(deployment("web", 2));
    t.wait(1000);
    const d = t.client.get("deployments", "default", "web")!;
    t.client.update({ ...d, spec: { ...d.spec, replicas: 5 } });
    t.wait(1000);
    const rs = t.client.list("replicasets", "default")[0];
    expect(rs.spec.replicas).toBe(5);
    expect(rs.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    expect(t.pods()).toHaveLength(5);
    expect(t.events().map((e) => e.message)).toContain(`Scaled up replica set ${rs.metadata.name} from 2 to 5`);
  });

  test("Recreate scales the old ReplicaSet to zero before creating the new one", () => {
    const t = testCluster();
    t.client.create(deployment("db", 2, "redis", { strategy: { type: "Recreate" } }));
    t.wait(1000);
    const d = t.client.get("deployments", "default", "db")!;
    d.spec.template.spec.containers[0].image = "redis:7";
    t.client.update(d);
    t.wait(5000);
    const msgs = t.events().filter((e) => e.involvedObject.name === "db").map((e) => e.message);
    const down = msgs.findIndex((m) => /^Scaled down replica set db-\w+ from 2 to 0$/.test(m));
    const up = msgs.findIndex((m) => /^Scaled up replica set db-\w+ from 0 to 2$/.test(m));
    expect(down).toBeGreaterThanOrEqual(0);
    expect(up).toBeGreaterThanOrEqual(0);
    expect(t.pods().map((p) => p.spec.containers[0].image)).toEqual(["redis:7", "redis:7"]);
  });

  test("a rollout that never becomes ready exceeds its progress deadline", () => {
    const t = testCluster({ readyAfterMs: 10 * 60_000 });
    t.client.create(deployment("slow", 1, "nginx", { progressDeadlineSeconds: 30 }));
    t.wait(40_000);
    const d = t.client.get("deployments", "default", "slow")!;
    const p = d.status.conditions.find((c: { type: string }) => c.type === "Progressing");
    expect(p).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    expect(p.message).toMatch(/^ReplicaSet "slow-\w+" has timed out progressing\.$/);
  });

  test("a paused deployment does not roll out a template change", () => {
    const t = testCluster();
    t.client.create(deployment("web", 2));
    t.wait(1000);
    const d = t.client.get("deployments", "default", "web")!;
    d.spec.paused = true;
    d.spec.template.spec.containers[0].image = "nginx:1.27";
    t.client.update(d);
    t.wait(5000);
    expect(t.client.list("replicasets", "default")).toHaveLength(1);
    const cond = t.client.get("deployments", "default", "web")!.status.conditions.find((c: { type: string }) => c.type === "Progressing");
    expect(cond).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" });
  });
});

describe("rolling update arithmetic", () => {
  test("3 replicas with the default 25%/25% surge one new pod at a time and never go below 3 available", () => {
    const t = testCluster({ readyAfterMs: 2000 });
    t.client.create(deployment("web", 3));
    t.wait(5000);
    const oldName = t.client.list("replicasets", "default")[0].metadata.name!;
    const d = t.client.get("deployments", "default", "web")!;
    d.spec.template.spec.containers[0].image = "nginx:1.27";
    t.client.update(d);
    let minAvailable = 3;
    for (let i = 0; i < 30; i++) {
      t.wait(500);
      minAvailable = Math.min(minAvailable, t.client.get("deployments", "default", "web")!.status.availableReplicas ?? 0);
    }
    expect(minAvailable).toBeGreaterThanOrEqual(3);
    const newName = t.client.list("replicasets", "default").find((r) => r.metadata.name !== oldName)!.metadata.name!;
    const seq = t.events().filter((e) => e.involvedObject.name === "web" && e.reason === "ScalingReplicaSet").map((e) => e.message);
    expect(seq).toEqual(expect.arrayContaining([
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 3 to 2`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 2 to 1`,
      `Scaled up replica set ${newName} from 2 to 3`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]));
  });

  test("maxSurge 0 and maxUnavailable 1 replace pods by scaling down first", () => {
    const t = testCluster({ readyAfterMs: 2000 });
    t.client.create(deployment("web", 2, "nginx", { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }));
    t.wait(5000);
    const oldName = t.client.list("replicasets", "default")[0].metadata.name!;
    expect(t.client.list("replicasets", "default")[0].metadata.annotations?.["deployment.kubernetes.io/max-replicas"]).toBe("2");
    const d = t.client.get("deployments", "default", "web")!;
    d.spec.template.spec.containers[0].image = "nginx:1.27";
    t.client.update(d);
    expect(t.client.get("replicasets", "default", oldName)!.spec.replicas).toBe(1);
    t.wait(20_000);
    const msgs = t.events().filter((e) => e.involvedObject.name === "web" && e.reason === "ScalingReplicaSet").map((e) => e.message);
    expect(msgs).toContain(`Scaled down replica set ${oldName} from 2 to 1`);
    expect(t.client.get("replicasets", "default", oldName)!.spec.replicas).toBe(0);
  });

  test("scaling during a rollout splits the new replicas proportionally (the documented 10 → 15 example)", () => {
    const t = testCluster({ readyAfterMs: 60_000 });
    t.client.create(deployment("web", 10, "nginx", { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    t.wait(61_000);
    const oldName = t.client.list("replicasets", "default")[0].metadata.name!;
    const d = t.client.get("deployments", "default", "web")!;
    d.spec.template.spec.containers[0].image = "nginx:1.27";
    t.client.update(d);
    t.wait(1000);
    const size = (n: string) => t.client.get("replicasets", "default", n)!.spec.replicas;
    const newName = t.client.list("replicasets", "default").find((r) => r.metadata.name !== oldName)!.metadata.name!;
    expect([size(oldName), size(newName)]).toEqual([8, 5]);
    const d2 = t.client.get("deployments", "default", "web")!;
    t.client.update({ ...d2, spec: { ...d2.spec, replicas: 15 } });
    t.wait(100);
    expect([size(oldName), size(newName)]).toEqual([11, 7]);
  });
});
