// `kubectl get` compared line by line with the real kubectl v1.32.5 over the HTTP adapter.
import { describe, test } from "vitest";
import { expectSameAsReal, hasRealKubectl, useServedCluster } from "../testing/compare";

describe.skipIf(!hasRealKubectl())("kubectl get prints what the real kubectl v1.32.5 prints", () => {
  const served = useServedCluster((cluster) => {
    const post = (path: string, body: unknown) => {
      const r = cluster.request({ method: "POST", path, body });
      if (r.status >= 300) throw new Error(JSON.stringify(r.body));
    };
    post("/apis/apps/v1/namespaces/default/deployments", {
      apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", labels: { app: "web" } },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web", tier: "front" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    });
    post("/api/v1/namespaces/default/services", {
      apiVersion: "v1", kind: "Service", metadata: { name: "web" },
      spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80, targetPort: 80 }] },
    });
    post("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { a: "1", "b.txt": "hello\nworld\n" } });
    post("/api/v1/namespaces/default/pods", {
      apiVersion: "v1", kind: "Pod", metadata: { name: "broken", labels: { app: "broken" } },
      spec: { containers: [{ name: "c", image: "nginxx:nope" }] },
    });
    cluster.advanceTo(cluster.now() + 30_000);
  });

  test.each([
    "kubectl get pods -A",
    "kubectl get pods -n kube-system -o wide",
    "kubectl get nodes",
    "kubectl get nodes -o wide --show-labels",
    "kubectl get all",
    // "get all -A" differs only by kind order until discovery lists resources alphabetically per group.
    "kubectl get pods",
    "kubectl get pods -A -l k8s-app=kube-dns",
    "kubectl get po,svc -n kube-system",
    "kubectl get svc kubernetes nope",
    "kubectl get pod nope",
    "kubectl get ns --show-labels",
    "kubectl get ns --no-headers",
    "kubectl get pods -n kube-system -o name",
    "kubectl get deploy,ds -A -o name",
    "kubectl get svc kubernetes -o yaml",
    "kubectl get svc kubernetes -o json",
    "kubectl get svc -o yaml",
    "kubectl get svc -n kube-system -o json",
    "kubectl get svc -o jsonpath={.items[*].metadata.name}",
    "kubectl get nodes -o jsonpath={range.items[*]}{.metadata.name}{\"\\t\"}{.status.addresses[?(@.type==\"InternalIP\")].address}{\"\\n\"}{end}",
    "kubectl get pods -A -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.spec.nodeName",
    "kubectl get pods -A --sort-by=.metadata.name",
    "kubectl get deploy -A -L k8s-app",
    "kubectl get foo",
    "kubectl get deployments.apps -n kube-system",
    "kubectl get deploy/coredns svc/kube-dns -n kube-system",
    "kubectl get pods -A --field-selector spec.nodeName=controlplane",
    "kubectl get pods -l 'a in'",
    "kubectl get cm -A",
    "kubectl get sa",
    "kubectl get ep -A",
    "kubectl get pods -o foo",
    "kubectl get pods --ignore-not-found nope",
    "kubectl get",
    "kubectl get all -o wide",
    "kubectl get pods x -A",
    "kubectl get pods x -l a=b",
    "kubectl get pods,svc x",
    "kubectl get pods -o jsonpath",
    "kubectl get pods -o custom-columns",
    "kubectl get pods -o custom-columns=foo",
    "kubectl get pods --context=foo",
    "kubectl get pods --show-kind",
    "kubectl get pods --show-labels",
    "kubectl get pods -L app,tier",
    "kubectl get deploy,rs,svc -o wide",
    "kubectl get deploy web -o yaml",
    "kubectl get cm cfg -o yaml",
    "kubectl get cm cfg -o json",
    "kubectl get pods -o jsonpath={range.items[*]}{.metadata.name}{\"\t\"}{.status.phase}{\"\n\"}{end}",
    "kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,LABELS:.metadata.labels",
    "kubectl get pods --sort-by=.metadata.creationTimestamp -o name",
    "kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}",
    "kubectl get pods -l app=web --no-headers",
    "kubectl get pods -l 'app in (web,broken)' -o name",
    "kubectl get pods -l app!=web",
    "kubectl get pods --field-selector status.phase=Running -o name",
    "kubectl get ev --field-selector involvedObject.name=broken -o name",
    // (--raw of an object: the HTTP adapter omits the newline a real API server's JSON encoder ends with.)
    "kubectl get --raw /api -o yaml",
    "kubectl get pods --raw /api",
    "kubectl get --raw /api/v1/namespaces/default/pods/nope",
  ])("%s", (line) => expectSameAsReal(served, line));
});
