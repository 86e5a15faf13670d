import { describe, expect, test } from "vitest";
import { testCluster } from "./test-cluster";
import type { KubeObject } from "../api/types";

function rs(name: string, replicas: number): KubeObject {
  return { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name, namespace: "default" }, spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } };
}

describe("replicaset controller", () => {
  test("creates the missing pods with generated names, owner references and events", () => {
    const t = testCluster();
    const owner = t.client.create(rs("web", 3));
    const pods = t.pods("default", "web-");
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    const created = t.events().filter((e) => e.reason === "SuccessfulCreate").map((e) => e.message).sort();
    expect(created).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(t.client.get("replicasets", "default", "web")!.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  test("replaces a deleted pod", () => {
    const t = testCluster();
    t.client.create(rs("web", 2));
    const [first] = t.pods("default", "web-");
    t.client.delete("pods", "default", first.metadata.name!);
    t.wait(1000);
    const names = t.pods("default", "web-").map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(first.metadata.name);
  });

  test("scaling down deletes not-ready pods before ready ones", () => {
    const t = testCluster({ readyAfterMs: 5000 });
    t.client.create(rs("web", 2));
    t.wait(10_000);
    const r = t.client.get("replicasets", "default", "web")!;
    t.client.update({ ...r, spec: { ...r.spec, replicas: 3 } });
    const fresh = t.pods("default", "web-").find((p) => !p.status.conditions.some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True"))!;
    const r2 = t.client.get("replicasets", "default", "web")!;
    t.client.update({ ...r2, spec: { ...r2.spec, replicas: 2 } });
    t.wait(1000);
    expect(t.pods("default", "web-").map((p) => p.metadata.name)).not.toContain(fresh.metadata.name);
    expect(t.events().map((e) => e.message)).toContain(`Deleted pod: ${fresh.metadata.name}`);
  });

  test("adopts a matching orphan pod instead of creating one", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "stray", namespace: "default", labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    t.client.create(rs("web", 2));
    const pods = t.client.list("pods", "default");
    expect(pods).toHaveLength(2);
    expect(pods.find((p) => p.metadata.name === "stray")!.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", name: "web" });
  });

  test("adopts an orphan that starts matching after its last sync, and scales back down", () => {
    const t = testCluster();
    t.client.create(rs("web", 1));
    t.wait(1000);
    const [own] = t.pods("default", "web-");
    // Created and relabelled while the ReplicaSet has nothing else to do: only this pod's changes wake it.
    t.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "stray", namespace: "default", labels: { app: "other" } }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    t.wait(1000);
    expect(t.client.get("pods", "default", "stray")!.metadata.ownerReferences).toBeUndefined();
    const stray = t.client.get("pods", "default", "stray")!;
    t.client.update({ ...stray, metadata: { ...stray.metadata, labels: { app: "web" } } });
    t.wait(1000);
    // Adopted (two pods for one replica), then one of the two deleted.
    const live = t.client.list("pods", "default").filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(1);
    expect(live[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", name: "web" });
    const gone = live[0].metadata.name === "stray" ? own.metadata.name : "stray";
    expect(t.events().filter((e) => e.reason === "SuccessfulDelete").map((e) => e.message)).toEqual([`Deleted pod: ${gone}`]);
  });

    test("releases a pod whose labels stop matching and replaces it", () => {
    const t = testCluster();
    t.client.create(rs("web", 1));
    const [p] = t.pods("default", "web-");
    t.client.update({ ...p, metadata: { ...p.metadata, labels: { app: "debug" } } });
    t.wait(1000);
    const released = t.client.get("pods", "default", p.metadata.name!)!;
    expect(released.metadata.ownerReferences ?? []).toEqual([]);
    expect(t.client.list("pods", "default").filter((x) => x.metadata.labels?.app === "web")).toHaveLength(1);
  });

  test("a ReplicationController keeps its replicas like a ReplicaSet", () => {
    const t = testCluster();
    t.client.create({ apiVersion: "v1", kind: "ReplicationController", metadata: { name: "legacy", namespace: "default" }, spec: { replicas: 2, selector: { app: "legacy" }, template: { metadata: { labels: { app: "legacy" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    expect(t.pods("default", "legacy-")).toHaveLength(2);
    const ev = t.events().find((e) => e.reason === "SuccessfulCreate")!;
    expect(ev.source.component).toBe("replication-controller");
    expect(t.client.get("replicationcontrollers", "default", "legacy")!.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
  });
});

test("pods count as available only minReadySeconds after they became ready", () => {
  const t = testCluster();
  t.client.create({ ...rs("slow", 2), spec: { ...rs("slow", 2).spec, minReadySeconds: 10 } });
  expect(t.client.get("replicasets", "default", "slow")!.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
  expect(t.client.get("replicasets", "default", "slow")!.status.availableReplicas).toBeUndefined();
  t.wait(11_000);
  expect(t.client.get("replicasets", "default", "slow")!.status.availableReplicas).toBe(2);
});
