import { describe, expect, test } from "vitest";
import { createCluster } from "../world";
import { Client } from "../apiserver/client";
import { setKubeletRunning } from "../node/index";
import { microTime } from "./node-lease";
import { createSandbox, restoreSandbox } from "../index";

const NOW = Date.parse("2026-01-15T10:00:00Z");

describe("node leases", () => {
  test("every node has a kube-node-lease Lease held by its name for 40 s, owned by the Node", () => {
    const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
    const client = new Client({ request: (r) => cluster.api.handle(r) });
    const leases = client.list("leases", "kube-node-lease");
    expect(leases.map((l) => l.metadata.name).sort()).toEqual(["controlplane", "node01", "node02"]);
    const lease = leases.find((l) => l.metadata.name === "node01")!;
    const node = client.get("nodes", undefined, "node01")!;
    expect(lease.spec).toMatchObject({ holderIdentity: "node01", leaseDurationSeconds: 40 });
    expect(lease.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Node", name: "node01", uid: node.metadata.uid }]);
  });

  test("a running kubelet renews its lease every 10 s; a stopped one lets it go stale", () => {
    const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
    const client = new Client(cluster);
    const renewed = () => Date.parse(client.get("leases", "kube-node-lease", "node01")!.spec.renewTime);
    for (const t of [60_000, 125_000, 300_000]) {
      cluster.advanceTo(NOW + t);
      expect(cluster.now() - renewed()).toBeLessThan(10_000);
    }
    setKubeletRunning(cluster, "node01", false);
    const last = renewed();
    cluster.advanceTo(NOW + 400_000);
    expect(renewed()).toBe(last);
    expect(Date.parse(client.get("leases", "kube-node-lease", "node02")!.spec.renewTime)).toBeGreaterThan(NOW + 390_000);
  });

  test("an idle hour writes no renewals; the next read sees the latest one, a watch every one", () => {
    const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
    const client = new Client(cluster);
    const before = client.get("leases", "kube-node-lease", "node01")!;
    const stored = () => cluster.api.store.peek("coordination.k8s.io/leases", "kube-node-lease", "node01")!;
    cluster.advanceTo(NOW + 3_600_000);
    expect(stored().metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(stored().spec.renewTime).toBe(before.spec.renewTime);
    const rv = cluster.api.store.currentRv();
    const after = client.get("leases", "kube-node-lease", "node01")!;
    expect(Date.parse(after.spec.renewTime)).toBe(Date.parse(before.spec.renewTime) + 360 * 10_000);
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(rv);
    expect(client.get("leases", "kube-node-lease", "node01")!.metadata.resourceVersion).toBe(after.metadata.resourceVersion);
    cluster.advanceTo(NOW + 3_600_000 + 35_000);
    const res = cluster.request({ method: "GET", path: "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases", query: { watch: "true", resourceVersion: String(cluster.api.store.currentRv()), fieldSelector: "metadata.name=node01" } });
    const events = (res.body as { events: { type: string; object: { spec: { renewTime: string } } }[] }).events;
    expect(events.map((e) => `${e.type} ${e.object.spec.renewTime}`)).toEqual([1, 2, 3].map((i) => `MODIFIED ${microTime(Date.parse(after.spec.renewTime) + i * 10_000)}`));
  });

  test("a lease stops at the kubelet's last renewal before it stopped, even read long after", () => {
    const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
    const client = new Client(cluster);
    const start = Date.parse(client.get("leases", "kube-node-lease", "node01")!.spec.renewTime);
    cluster.advanceTo(NOW + 95_000);
    setKubeletRunning(cluster, "node01", false);
    cluster.advanceTo(NOW + 3_600_000);
    expect(Date.parse(client.get("leases", "kube-node-lease", "node01")!.spec.renewTime)).toBe(start + Math.floor((NOW + 95_000 - start) / 10_000) * 10_000);
  });

  test("a lease whose renew time was removed by hand is renewed within 10 s", () => {
    const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
    const client = new Client(cluster);
    cluster.advanceTo(NOW + 60_000);
    cluster.request({ method: "PATCH", path: "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node01", contentType: "application/merge-patch+json", body: { spec: { renewTime: null } } });
    expect(client.get("leases", "kube-node-lease", "node01")!.spec.renewTime).toBeUndefined();
    cluster.advanceTo(NOW + 70_000);
    expect(NOW + 70_000 - Date.parse(client.get("leases", "kube-node-lease", "node01")!.spec.renewTime)).toBeLessThan(10_000);
  });

  test("a sandbox restored from a compact snapshot derives the renewals from its packed kubelet state", () => {
    const s = createSandbox({ seed: 3, now: NOW });
    s.exec("kubectl run crash --image=busybox -- false", { now: NOW + 1000 });
    s.advanceTo(NOW + 95_000);
    const r = restoreSandbox(JSON.parse(JSON.stringify(s.snapshot())));
    // At the snapshot's own time: nothing else unpacks the kubelet's state first.
    const line = (sb: typeof s) => sb.exec("kubectl get lease node01 -n kube-node-lease -o jsonpath={.spec.renewTime}", { now: NOW + 95_000 });
    expect(line(r)).toEqual(line(s));
    expect(line(r).exitCode).toBe(0);
  });

  test("renew times are MicroTime: RFC 3339 with six fractional digits", () => {
    expect(microTime(Date.parse("2026-01-15T10:00:05.123Z"))).toBe("2026-01-15T10:00:05.123000Z");
  });
});
