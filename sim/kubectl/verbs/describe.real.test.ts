// `kubectl describe` (the verb: matching, separators, errors) compared with the real kubectl v1.32.5.
import { describe, test } from "vitest";
import { expectSameAsReal, hasRealKubectl, useServedCluster } from "../testing/compare";

describe.skipIf(!hasRealKubectl())("kubectl describe selects and separates objects as the real kubectl v1.32.5", () => {
  const served = useServedCluster();

  test.each([
    "kubectl describe svc kubernetes",
    "kubectl describe svc -A",
    "kubectl describe pods -n kube-system -l k8s-app=kube-dns",
    "kubectl describe pod coredns -n kube-system",
    "kubectl describe pod nope",
    "kubectl describe pods",
    "kubectl describe deploy/coredns -n kube-system",
    "kubectl describe sa default nope",
    "kubectl describe cm kube-root-ca.crt",
    "kubectl describe",
    "kubectl describe foo",
  ])("%s", (line) => expectSameAsReal(served, line));
});
