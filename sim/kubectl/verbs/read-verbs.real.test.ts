// version, cluster-info, api-resources, api-versions, config, logs and exec errors compared with
// the real kubectl v1.32.5 over the HTTP adapter (same kubeconfig on both sides).
import { describe, test } from "vitest";
import { expectSameAsReal, hasRealKubectl, useServedCluster } from "../testing/compare";

describe.skipIf(!hasRealKubectl())("read-side verbs print what the real kubectl v1.32.5 prints", () => {
  const served = useServedCluster();

  test.each([
    "kubectl version",
    "kubectl version --client",
    "kubectl version -o yaml",
    "kubectl version -o json",
    "kubectl version -o foo",
    "kubectl cluster-info",
    "kubectl api-resources",
    "kubectl api-resources --namespaced=false",
    "kubectl api-resources -o name",
    "kubectl api-resources -o wide",
    "kubectl api-resources --api-group=apps --no-headers",
    "kubectl api-versions",
    "kubectl config view",
    "kubectl config view -o json",
    "kubectl config view --minify",
    "kubectl config current-context",
    "kubectl config get-contexts",
    "kubectl config get-contexts -o name",
    "kubectl config get-contexts nope",
    "kubectl config get-clusters",
    "kubectl config get-users",
    "kubectl config use-context nope",
    "kubectl config view -o jsonpath={.contexts[*].name}",
    "kubectl logs",
    "kubectl logs -n kube-system deploy/coredns --tail=3",
    "kubectl logs -n kube-system etcd-controlplane --tail=2 --timestamps",
    "kubectl logs -n kube-system etcd-controlplane -c nope",
    "kubectl logs -n kube-system etcd-controlplane --previous",
    "kubectl logs -n kube-system etcd-controlplane --all-containers --tail=1",
    "kubectl logs -n kube-system ds/kube-proxy --tail=1 --limit-bytes=20",
    "kubectl logs nope",
    "kubectl logs -n kube-system deploy/nope",
    "kubectl exec",
    "kubectl exec nope",
    "kubectl exec nope ls",
    "kubectl exec nope -- ls",
  ])("%s", (line) => expectSameAsReal(served, line));

  // kubectl logs.go keeps one request per pod in a map, so pods come in Go's random map order.
  test.each(["kubectl logs -n kube-system -l k8s-app=kube-dns", "kubectl logs -n kube-system -l k8s-app=kube-dns --prefix --tail=1"])(
    "%s (pods in any order)",
    (line) => expectSameAsReal(served, line, { unordered: true }),
  );
});
