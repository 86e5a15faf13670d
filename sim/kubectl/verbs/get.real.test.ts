// `kubectl get` compared line by line with the real kubectl v1.32.5 over the HTTP adapter.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import type { Cluster } from "../../cluster";
import { serveApi, type ServedApi } from "../../testing/http-adapter";
import { compareWithReal, hasRealKubectl } from "../testing/compare";

// The real kubectl ages events by its wall clock: start the cluster at the current second.
const NOW = Math.floor(Date.now() / 1000) * 1000;

describe.skipIf(!hasRealKubectl())("kubectl get prints what the real kubectl v1.32.5 prints", () => {
  let cluster: Cluster;
  let api: ServedApi;
  beforeAll(async () => {
    cluster = createCluster({ seed: 7, topology: "default", now: NOW });
    api = await serveApi((req) => cluster.request(req));
  });
  afterAll(async () => api?.close());

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
    // (--raw of an object: the HTTP adapter omits the newline a real API server's JSON encoder ends with.)
    "kubectl get --raw /api -o yaml",
    "kubectl get pods --raw /api",
    "kubectl get --raw /api/v1/namespaces/default/pods/nope",
  ])("%s", async (line) => {
    const c = await compareWithReal(cluster, api, line);
    if (!c) return;
    expect({ stdout: c.ours.stdout, stderr: c.ours.stderr, code: c.ours.code }).toEqual({ stdout: c.real.stdout, stderr: c.real.stderr, code: c.real.code });
  });
});
