// Compares our describers with the real kubectl v1.32 describing the same objects over HTTP.
// Skipped when the real binary is absent.

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { kindByKind } from "../../api/kinds";
import { hasRealKubectl, runRealKubectl, serveApi, type ServedApi } from "../../testing/http-adapter";
import { clusterObjects, fixtureApi } from "./fixtures.test-data";
import { describeObject } from "./index";

const NOW = Date.now();
const port = fixtureApi(clusterObjects(NOW), () => Date.now());
let served: ServedApi | undefined;

beforeAll(async () => {
  if (hasRealKubectl()) served = await serveApi((req) => port.handle(req));
});
afterAll(async () => {
  await served?.close();
});

const cases: [string, string, string, string, string | undefined][] = [
  ["a running pod of a deployment", "v1", "Pod", "web-7d4b9c8f5-x2x7q", "default"],
  ["a pod that cannot be scheduled", "v1", "Pod", "big", "default"],
  ["a deployment after a rollout", "apps/v1", "Deployment", "web", "default"],
  ["a replica set", "apps/v1", "ReplicaSet", "web-7d4b9c8f5", "default"],
  ["a NodePort service", "v1", "Service", "web", "default"],
  ["endpoints", "v1", "Endpoints", "web", "default"],
  ["an endpoint slice", "discovery.k8s.io/v1", "EndpointSlice", "web-8k2hd", "default"],
  ["a node with pods", "v1", "Node", "node01", undefined],
  ["a namespace", "v1", "Namespace", "default", undefined],
  ["a config map", "v1", "ConfigMap", "web-config", "default"],
  ["a secret", "v1", "Secret", "db", "default"],
  ["a service account", "v1", "ServiceAccount", "default", "default"],
];

describe.skipIf(!hasRealKubectl())("describe matches the real kubectl line for line", () => {
  test.each(cases)("%s", async (_title, apiVersion, kind, name, namespace) => {
    const k = kindByKind(apiVersion, kind)!;
    const real = await runRealKubectl(["describe", `${k.resource}.${k.group || ""}`.replace(/\.$/, ""), name, ...(namespace ? ["-n", namespace] : [])], { kubeconfig: served!.kubeconfig });
    const ours = describeObject(k, namespace, name, port, { showEvents: true });
    expect(real?.stderr).toBe("");
    expect(ours?.split("\n")).toEqual(real?.stdout.split("\n"));
  });
});
