// Compares our describers with the real kubectl v1.32 describing the same objects over HTTP
// (skipped when the real binary is absent), and replays transcripts recorded from it
// (testdata/describe-transcripts.json; re-record with RECORD_TRANSCRIPTS=1).

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
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
  ["a daemon set", "apps/v1", "DaemonSet", "logger", "default"],
  ["a pod stuck in an init container", "v1", "Pod", "logger-q8r7k", "default"],
  ["a completed job", "batch/v1", "Job", "pi", "default"],
  ["a completed job pod", "v1", "Pod", "pi-xk2p9", "default"],
  ["a cron job with an active job", "batch/v1", "CronJob", "hello", "default"],
  ["a replication controller", "v1", "ReplicationController", "legacy", "default"],
  ["a terminating pod with long annotations, host ports, probes and envFrom", "v1", "Pod", "old", "default"],
  ["a LoadBalancer service", "v1", "Service", "lb", "default"],
  ["a headless service", "v1", "Service", "db", "default"],
  ["an ExternalName service", "v1", "Service", "ext", "default"],
  ["a config map with binary data", "v1", "ConfigMap", "bin", "default"],
  ["a service account token secret", "v1", "Secret", "build-token", "default"],
  ["a service account with missing secrets", "v1", "ServiceAccount", "build", "default"],
  ["an event (generic describer)", "v1", "Event", "node01.starting", "default"],
];

// Kinds not served yet (Job, CronJob until the registry has them) are left out.
const served_ = cases.filter(([, apiVersion, kind]) => kindByKind(apiVersion, kind));

describe.skipIf(!hasRealKubectl())("describe matches the real kubectl line for line", () => {
  test.each(served_)("%s", async (_title, apiVersion, kind, name, namespace) => {
    const k = kindByKind(apiVersion, kind)!;
    const real = await runRealKubectl(["describe", `${k.resource}.${k.group || ""}`.replace(/\.$/, ""), name, ...(namespace ? ["-n", namespace] : [])], { kubeconfig: served!.kubeconfig });
    const ours = describeObject(k, namespace, name, port, { showEvents: true });
    expect(real?.stderr).toBe("");
    expect(ours?.split("\n")).toEqual(real?.stdout.split("\n"));
  });
});

const getCases: string[][] = [
  ["get", "pods", "-o", "wide"],
  ["get", "pods", "-A"],
  ["get", kindByKind("batch/v1", "Job") ? "deploy,rs,ds,rc,job,cronjob" : "deploy,rs,ds,rc", "-o", "wide"],
  ["get", "svc,ep,endpointslices", "-o", "wide"],
  ["get", "nodes", "-o", "wide"],
  ["get", "events"],
  ["get", "events", "-o", "wide"],
  ["get", "ns,cm,secret,sa"],
];

describe.skipIf(!hasRealKubectl())("the real kubectl prints our Tables", () => {
  test.each(getCases)("kubectl %s %s %s %s prints every row without errors", async (...args) => {
    const real = await runRealKubectl(args.filter(Boolean), { kubeconfig: served!.kubeconfig });
    expect(real?.stderr).toBe("");
    expect(real?.code).toBe(0);
    expect(real?.stdout.trim().split("\n").length).toBeGreaterThan(1);
  });
});

interface Transcript {
  now: number;
  cases: { title: string; apiVersion: string; kind: string; name: string; namespace?: string; stdout: string }[];
}

const TRANSCRIPTS = join(__dirname, "testdata", "describe-transcripts.json");

describe.skipIf(!process.env.RECORD_TRANSCRIPTS || !hasRealKubectl())("recording transcripts from the real kubectl", () => {
  test("writes testdata/describe-transcripts.json", async () => {
    const out: Transcript = { now: NOW, cases: [] };
    for (const [title, apiVersion, kind, name, namespace] of served_) {
      const k = kindByKind(apiVersion, kind)!;
      const real = await runRealKubectl(["describe", `${k.resource}.${k.group || ""}`.replace(/\.$/, ""), name, ...(namespace ? ["-n", namespace] : [])], { kubeconfig: served!.kubeconfig });
      out.cases.push({ title, apiVersion, kind, name, namespace, stdout: real!.stdout });
    }
    writeFileSync(TRANSCRIPTS, JSON.stringify(out, null, 1) + "\n");
  });
});

describe("describe matches transcripts recorded from the real kubectl", () => {
  const t: Transcript = existsSync(TRANSCRIPTS) ? JSON.parse(readFileSync(TRANSCRIPTS, "utf8")) : { now: 0, cases: [] };
  const replay = fixtureApi(clusterObjects(t.now), () => t.now);
  test.each(t.cases.map((c) => [c.title, c] as const))("%s", (_title, c) => {
    const k = kindByKind(c.apiVersion, c.kind);
    if (!k) return;
    expect(describeObject(k, c.namespace, c.name, replay, { showEvents: true })).toBe(c.stdout);
  });
});
