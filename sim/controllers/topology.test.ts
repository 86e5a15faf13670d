import { describe, expect, test } from "vitest";
import { createCluster } from "../world";
import { Client } from "../apiserver/client";

const NOW = Date.parse("2026-01-15T10:00:00Z");

function boot(topology: "default" | "minikube", seed = 7) {
  const cluster = createCluster({ seed, topology, now: NOW });
  return { cluster, client: new Client(cluster) };
}

describe("default topology", () => {
  test("has a tainted control plane and two workers with kubeadm labels and pod CIDRs", () => {
    const { client } = boot("default");
    const nodes = client.list("nodes");
    expect(nodes.map((n) => n.metadata.name)).toEqual(["controlplane", "node01", "node02"]);
    const [cp, n1] = nodes;
    expect(cp.metadata.labels).toMatchObject({ "node-role.kubernetes.io/control-plane": "", "kubernetes.io/hostname": "controlplane", "kubernetes.io/os": "linux" });
    expect(cp.spec.taints).toEqual([{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]);
    expect(n1.spec.taints).toBeUndefined();
    expect(nodes.map((n) => n.spec.podCIDR)).toEqual(["10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"]);
    const ready = cp.status.conditions.find((c: { type: string }) => c.type === "Ready");
    expect(ready).toMatchObject({ status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" });
    expect(cp.status.nodeInfo.kubeletVersion).toMatch(/^v1\.32\.\d+$/);
  });

  test("has the four namespaces and the kubernetes and kube-dns services", () => {
    const { client } = boot("default");
    expect(client.list("namespaces").map((n) => n.metadata.name)).toEqual(["default", "kube-node-lease", "kube-public", "kube-system"]);
    expect(client.get("services", "default", "kubernetes")?.spec.clusterIP).toBe("10.96.0.1");
    const dns = client.get("services", "kube-system", "kube-dns")!;
    expect(dns.spec.clusterIP).toBe("10.96.0.10");
    expect(dns.spec.ports.map((p: { name: string }) => p.name)).toEqual(["dns", "dns-tcp", "metrics"]);
  });

  test("runs the control-plane mirror pods on controlplane, owned by the node", () => {
    const { client } = boot("default");
    const etcd = client.get("pods", "kube-system", "etcd-controlplane")!;
    expect(etcd.spec.nodeName).toBe("controlplane");
    expect(etcd.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Node", name: "controlplane" });
    expect(etcd.metadata.annotations?.["kubernetes.io/config.source"]).toBe("file");
    expect(etcd.spec.priorityClassName).toBe("system-node-critical");
    for (const c of ["kube-apiserver", "kube-controller-manager", "kube-scheduler"]) {
      expect(client.get("pods", "kube-system", `${c}-controlplane`)?.spec.containers[0].image).toMatch(new RegExp(`^registry.k8s.io/${c}:v1\\.32\\.`));
    }
  });

  test("the same seed boots an identical cluster", () => {
    const a = boot("default", 42).cluster.toJSON();
    const b = boot("default", 42).cluster.toJSON();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe("minikube topology", () => {
  test("has one untainted control-plane node and a storage-provisioner", () => {
    const { client } = boot("minikube");
    const nodes = client.list("nodes");
    expect(nodes.map((n) => n.metadata.name)).toEqual(["minikube"]);
    expect(nodes[0].spec.taints).toBeUndefined();
    expect(nodes[0].status.addresses[0]).toEqual({ address: "192.168.49.2", type: "InternalIP" });
    expect(client.get("pods", "kube-system", "storage-provisioner")?.spec.nodeName).toBe("minikube");
    expect(client.get("pods", "kube-system", "etcd-minikube")).toBeDefined();
    expect(client.get("deployments", "kube-system", "coredns")?.spec.replicas).toBe(1);
  });
});
