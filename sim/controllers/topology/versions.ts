// The component versions a fresh kubeadm v1.32 cluster (and minikube v1.35) runs.
// kubeadm v1.32 pins etcd 3.5.16-0, CoreDNS v1.11.3 and pause 3.10 (cmd/kubeadm/app/constants).

export const KUBERNETES_VERSION = "v1.32.5";
export const ETCD_IMAGE = "registry.k8s.io/etcd:3.5.16-0";
export const COREDNS_IMAGE = "registry.k8s.io/coredns/coredns:v1.11.3";
export const PAUSE_IMAGE = "registry.k8s.io/pause:3.10";
export const STORAGE_PROVISIONER_IMAGE = "gcr.io/k8s-minikube/storage-provisioner:v5";
export const CONTAINERD_VERSION = "containerd://1.7.24";
export const MINIKUBE_RUNTIME_VERSION = "docker://27.4.1";
export const MINIKUBE_VERSION = "v1.35.0";

export function componentImage(component: string): string {
  return `registry.k8s.io/${component}:${KUBERNETES_VERSION}`;
}

/** Images every node of the topology has already pulled (listed in node.status.images). */
export function preloadedImages(controlPlane: boolean, minikube: boolean): { image: string; sizeBytes: number }[] {
  const all = [
    { image: componentImage("kube-proxy"), sizeBytes: 30_907_858 },
    { image: PAUSE_IMAGE, sizeBytes: 320_368 },
    { image: COREDNS_IMAGE, sizeBytes: 18_562_039 },
  ];
  if (controlPlane) {
    all.push(
      { image: ETCD_IMAGE, sizeBytes: 57_680_541 },
      { image: componentImage("kube-apiserver"), sizeBytes: 28_668_734 },
      { image: componentImage("kube-controller-manager"), sizeBytes: 26_262_140 },
      { image: componentImage("kube-scheduler"), sizeBytes: 20_659_101 },
    );
  }
  if (minikube) all.push({ image: STORAGE_PROVISIONER_IMAGE, sizeBytes: 31_465_472 });
  return all.sort((a, b) => b.sizeBytes - a.sizeBytes);
}
