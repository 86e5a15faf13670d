// kubectl run --overrides / --override-type. testdata/run-overrides.json was printed by the real
// kubectl v1.32.5 (it needs discovery, so it ran against a served sandbox); when the binary is
// installed the cases run through it again.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { runRealKubectl, serveApi } from "../../testing/http-adapter";
import { realKubectlAvailable, runOurs } from "./mutating-test-kit";

interface Recorded {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const cases = JSON.parse(readFileSync(join(__dirname, "testdata/run-overrides.json"), "utf8")) as Recorded[];
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

describe("kubectl run --overrides prints what the real kubectl prints", () => {
  test.each(cases.map((c) => [c.args.join(" "), c] as const))("kubectl %s", (_line, c) => {
    expect(runOurs(c.args)).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
  });
});

describe("kubectl run --overrides against a cluster", () => {
  test("a nodeName override creates the pod bound to that node, bypassing the scheduler", () => {
    const cluster = createCluster({ seed: 41, topology: "default", now: NOW });
    const node = cluster.api.store.list("/nodes").find((n) => !(n.metadata.name ?? "").includes("control"))!.metadata.name!;
    const r = runOurs(["run", "pinned", "--image=nginx", `--overrides={"apiVersion":"v1","spec":{"nodeName":"${node}"}}`], { cluster });
    expect(r).toEqual({ stdout: "pod/pinned created\n", stderr: "", code: 0 });
    expect(cluster.api.store.get("/pods", "default", "pinned")!.spec.nodeName).toBe(node);
  });

  test("--expose keeps the service selector from the flags when the override changes the pod labels", () => {
    const cluster = createCluster({ seed: 41, topology: "default", now: NOW });
    runOurs(["run", "web", "--image=nginx", "--port=80", "--expose", '--overrides={"metadata":{"labels":{"tier":"front"}}}'], { cluster });
    expect(cluster.api.store.get("/services", "default", "web")!.spec.selector).toEqual({ run: "web" });
    expect(cluster.api.store.get("/pods", "default", "web")!.metadata.labels).toEqual({ run: "web", tier: "front" });
  });
});

describe.skipIf(!realKubectlAvailable())("the recorded cases still match the installed real kubectl", () => {
  test("every case", async () => {
    const cluster = createCluster({ seed: 7, topology: "default", now: NOW });
    const api = await serveApi((req) => cluster.request(req));
    try {
      for (const c of cases) {
        const real = await runRealKubectl(c.args, { kubeconfig: api.kubeconfig });
        expect(real, c.args.join(" ")).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
      }
    } finally {
      await api.close();
    }
  }, 60_000);
});
