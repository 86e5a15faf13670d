// `kubectl describe` (the verb: matching, separators, errors) compared with the real kubectl v1.32.5.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import type { Cluster } from "../../cluster";
import { serveApi, type ServedApi } from "../../testing/http-adapter";
import { compareWithReal, hasRealKubectl } from "../testing/compare";

// The real kubectl ages events by its wall clock: start the cluster at the current second.
const NOW = Math.floor(Date.now() / 1000) * 1000;

describe.skipIf(!hasRealKubectl())("kubectl describe selects and separates objects as the real kubectl v1.32.5", () => {
  let cluster: Cluster;
  let api: ServedApi;
  beforeAll(async () => {
    cluster = createCluster({ seed: 7, topology: "default", now: NOW });
    api = await serveApi((req) => cluster.request(req));
  });
  afterAll(async () => api?.close());

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
  ])("%s", async (line) => {
    const c = await compareWithReal(cluster, api, line);
    if (!c) return;
    expect({ stdout: c.ours.stdout, stderr: c.ours.stderr, code: c.ours.code }).toEqual({ stdout: c.real.stdout, stderr: c.real.stderr, code: c.real.code });
  });
});
