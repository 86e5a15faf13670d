// Smoke checks: the real kubectl v1.32 drives a sandbox's API through the HTTP adapter.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCluster } from "../world";
import { registerPodExec } from "../shell/container-exec";
import { groupVersion, KINDS } from "../api/kinds";
import { alternateVersions } from "../api/versions";
import "../sandbox"; // installs the kubelet's container contexts for exec
import type { Cluster } from "../cluster";
import { hasRealKubectl, REAL_KUBECTL, runRealKubectl, serveApi, type KubectlResult, type ServedApi } from "./http-adapter";

/** Spawning kubectl and building a cluster take a while on a busy machine. */
const TIMEOUT_MS = 60_000;

if (!hasRealKubectl()) console.warn(`real kubectl not found at ${REAL_KUBECTL}: real-kubectl smoke tests skipped`);

describe.skipIf(!hasRealKubectl())("the real kubectl against a sandbox", () => {
  let cluster: Cluster;
  let served: ServedApi;
  const kubectl = async (line: string, stdin?: string): Promise<KubectlResult> => {
    const r = await runRealKubectl(line.split(" "), { kubeconfig: served.kubeconfig, stdin });
    if (!r) throw new Error("kubectl vanished");
    return r;
  };

  beforeAll(async () => {
    cluster = createCluster({ seed: 3, topology: "default", now: Date.UTC(2026, 0, 1) });
    registerPodExec(cluster);
    // Watches (kubectl delete waiting, rollout status) see virtual time pass while they poll.
    served = await serveApi((req) => cluster.request(req), { onWatchPoll: () => cluster.advanceTo(cluster.now() + 1000) });
  }, TIMEOUT_MS);
  afterAll(async () => served?.close());

  test("discovery: api-versions and the node list", async () => {
    // Every kind's stored group/version plus the versions it is also served at (autoscaling/v1).
    const alternates = KINDS.flatMap((k) => alternateVersions(k).map((c) => (k.group ? `${k.group}/${c.version}` : c.version)));
    const versions = [...new Set([...KINDS.map(groupVersion), ...alternates])].sort();
    expect((await kubectl("api-versions")).stdout).toBe(versions.join("\n") + "\n");
    const nodes = await kubectl("get nodes");
    expect(nodes.code).toBe(0);
    expect(nodes.stdout.split("\n")[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(nodes.stdout).toMatch(/\nnode01\s+Ready\s+<none>/);
  }, TIMEOUT_MS);

  test("create -f, get -o yaml shows the server defaults, label and delete", async () => {
    const manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: smoke\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    expect((await kubectl("create -f -", manifest)).stdout).toBe("pod/smoke created\n");
    const yaml = (await kubectl("get pod smoke -o yaml")).stdout;
    expect(yaml).toContain("    imagePullPolicy: IfNotPresent\n");
    expect(yaml).toContain("  serviceAccountName: default\n");
    expect(yaml).toMatch(/- name: kube-api-access-[a-z0-9]{5}\n/);
    expect((await kubectl("label pod smoke tier=web")).stdout).toBe("pod/smoke labeled\n");
    expect((await kubectl("get pods -l tier=web -o name")).stdout).toBe("pod/smoke\n");
    const del = await kubectl("delete pod smoke");
    expect([del.code, del.stdout]).toEqual([0, 'pod "smoke" deleted\n']);
    expect((await kubectl("get pod smoke")).stderr).toBe('Error from server (NotFound): pods "smoke" not found\n');
  }, TIMEOUT_MS);

  test("create deployment (protobuf body), scale, and the server's validation message", async () => {
    expect((await kubectl("create deployment web --image=nginx --replicas=2")).stdout).toBe("deployment.apps/web created\n");
    expect((await kubectl("scale deployment web --replicas=3")).stdout).toBe("deployment.apps/web scaled\n");
    expect((await kubectl("get deployment web -o jsonpath={.spec.replicas}")).stdout).toBe("3");
    const bad = await kubectl("create -f -", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Foo\nspec:\n  containers:\n  - name: app\n    image: nginx\n");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `The Pod "Foo" is invalid: metadata.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
    const sel = await kubectl("get pods -l a#b");
    expect(sel.code).toBe(1);
    expect(sel.stderr).toContain("unable to parse requirement");
  }, TIMEOUT_MS);

  test("exec streams stdout and the exit code over the WebSocket bridge", async () => {
    await kubectl("run shell --image=nginx");
    expect((await kubectl("wait --for=condition=Ready pod/shell --timeout=60s")).code).toBe(0);
    const ok = await kubectl("exec shell -- hostname");
    expect([ok.code, ok.stdout]).toEqual([0, "shell\n"]);
    const missing = await kubectl("exec shell -- nope");
    expect(missing.code).toBe(126);
    expect(missing.stderr).toContain("command terminated with exit code 126");
  }, TIMEOUT_MS);
});
