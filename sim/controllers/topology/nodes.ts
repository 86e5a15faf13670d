// Node objects as a kubeadm-joined kubelet registers them (pkg/kubelet/kubelet_node_status.go,
// pkg/kubelet/nodestatus/setters.go) and kubeadm labels/taints the control plane.

import type { KubeObject } from "../../api/types";
import type { Prng } from "../../core/prng";
import { rfc3339 } from "../../core/duration";
import { fakeDigest } from "../../core/ids";
import { CONTAINERD_VERSION, KUBERNETES_VERSION, MINIKUBE_RUNTIME_VERSION, MINIKUBE_VERSION, preloadedImages } from "./versions";

export interface NodeSpec {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
  /** kubeadm taints the control plane; minikube does not. */
  tainted: boolean;
  minikube?: boolean;
  cpu: string;
  memoryKi: number;
}

export const CONTROL_PLANE_TAINT = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

function nodeLabels(n: NodeSpec, nowMs: number): Record<string, string> {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": n.name,
    "kubernetes.io/os": "linux",
  };
  if (n.minikube) {
    Object.assign(labels, {
      "minikube.k8s.io/commit": "dd5d320e41b5451cdf3c01891bc4e13d189586ed-dirty",
      "minikube.k8s.io/name": "minikube",
      "minikube.k8s.io/primary": "true",
      "minikube.k8s.io/updated_at": rfc3339(nowMs).replace(/[-:]/g, "_").replace("T", "T").replace("Z", "_0700"),
      "minikube.k8s.io/version": MINIKUBE_VERSION,
    });
  }
  if (n.controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  return labels;
}

function conditions(nowMs: number): unknown[] {
  const t = rfc3339(nowMs);
  const c = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: t, lastTransitionTime: t, message, reason, status, type });
  return [
    c("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
    c("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
    c("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
    c("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
  ];
}

export function buildNode(n: NodeSpec, prng: Prng, nowMs: number): KubeObject {
  const ephemeralKi = 20_134_592;
  // Allocatable = capacity minus the default hard eviction thresholds (memory.available<100Mi,
  // nodefs.available<10%), as the kubelet's container manager reports them.
  const allocatableMemoryKi = n.memoryKi - 102_400;
  const allocatableEphemeral = String(Math.floor(ephemeralKi * 1024 * 0.9));
  const images = preloadedImages(n.controlPlane, !!n.minikube).map((i) => ({
    // The repo digest of the image, as the kubelet reports it for containers (sim/images resolveImage).
    names: [`${i.image.split(":")[0]}@${fakeDigest(i.image)}`, i.image],
    sizeBytes: i.sizeBytes,
  }));
  const annotations: Record<string, string> = {
    "node.alpha.kubernetes.io/ttl": "0",
    "volumes.kubernetes.io/controller-managed-attach-detach": "true",
  };
  if (!n.minikube) annotations["kubeadm.alpha.kubernetes.io/cri-socket"] = "unix:///var/run/containerd/containerd.sock";
  else annotations["kubeadm.alpha.kubernetes.io/cri-socket"] = "unix:///var/run/cri-dockerd.sock";
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: n.name, labels: nodeLabels(n, nowMs), annotations },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      ...(n.tainted ? { taints: [CONTROL_PLANE_TAINT] } : {}),
    },
    status: {
      addresses: [
        { address: n.ip, type: "InternalIP" },
        { address: n.name, type: "Hostname" },
      ],
      allocatable: { cpu: n.cpu, "ephemeral-storage": allocatableEphemeral, "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${allocatableMemoryKi}Ki`, pods: "110" },
      capacity: { cpu: n.cpu, "ephemeral-storage": `${ephemeralKi}Ki`, "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${n.memoryKi}Ki`, pods: "110" },
      conditions: conditions(nowMs),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images,
      nodeInfo: {
        architecture: "amd64",
        bootID: prng.uuid(),
        containerRuntimeVersion: n.minikube ? MINIKUBE_RUNTIME_VERSION : CONTAINERD_VERSION,
        kernelVersion: n.minikube ? "5.15.0-1074-gcp" : "5.15.0-130-generic",
        kubeProxyVersion: "",
        kubeletVersion: KUBERNETES_VERSION,
        machineID: prng.hex(32),
        operatingSystem: "linux",
        osImage: "Ubuntu 22.04.5 LTS",
        systemUUID: prng.uuid(),
      },
      runtimeHandlers: [
        { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: "runc" },
        { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: "" },
      ],
    },
  };
}
