// kubectl edit with a sed editor: our output against the real kubectl v1.32 driving the same kind
// of cluster through the HTTP adapter (its temp file names differ; they are normalized).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { hasRealKubectl, REAL_KUBECTL, serveApi, type ServedApi } from "../../testing/http-adapter";
import { editorSandbox } from "../../editor/test-sandbox";

const SCENARIOS: [string, string[], string][] = [
  ["valid", ["edit", "deploy", "web", "--output-patch"], "sed -i 's/replicas: 1/replicas: 4/'"],
  ["unchanged", ["edit", "deploy", "web"], "true"],
  ["split on spaces", ["edit", "deploy", "web"], "sed -i s/replicas: 1/replicas: 3/"],
  ["invalid", ["edit", "deploy", "web"], "sed -i 's/replicas: 4/replicas: -1/'"],
  ["immutable pod field", ["edit", "pod", "p"], "sed -i 's/restartPolicy: Always/restartPolicy: Never/'"],
  ["renamed", ["edit", "deploy", "web"], "sed -i 's/name: web$/name: web2/'"],
  ["missing", ["edit", "deploy", "nope"], "true"],
];

const normalize = (s: string) => s.replace(/"[^"]*kubectl[.0-9]*-edit-\d+\.yaml"/g, '"TMPFILE"').replace(/char \d+/, "char N");

describe.skipIf(!hasRealKubectl())("kubectl edit prints what the real kubectl prints", () => {
  let served: ServedApi;
  let dir: string;
  beforeAll(async () => {
    const cluster = createCluster({ seed: 1, topology: "default", now: Date.UTC(2026, 0, 1) });
    served = await serveApi((req) => cluster.request(req));
    dir = mkdtempSync(join(tmpdir(), "kubelings-edit-"));
  });
  afterAll(async () => {
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const real = (args: string[], editor: string): Promise<{ out: string; code: number }> =>
    new Promise((resolve) => {
      const env = { PATH: "/usr/bin:/bin", HOME: dir, KUBECONFIG: served.kubeconfig, KUBE_EDITOR: editor, TMPDIR: dir } as unknown as NodeJS.ProcessEnv;
      const c = spawn(REAL_KUBECTL, args, { env });
      let out = "";
      c.stdout.on("data", (d: Buffer) => (out += d.toString()));
      c.stderr.on("data", (d: Buffer) => (out += d.toString()));
      c.on("close", (code) => resolve({ out, code: code ?? 1 }));
    });

  test("for a valid edit, a cancel, a broken editor, an invalid object, an immutable field, a rename and a missing object", async () => {
    const ours = editorSandbox({ interactive: false });
    for (const setup of [["create", "deployment", "web", "--image=nginx"], ["run", "p", "--image=nginx"]]) {
      expect((await real(setup, "")).code).toBe(0);
      expect(ours.exec(`kubectl ${setup.join(" ")}`).code).toBe(0);
    }
    for (const [name, args, editor] of SCENARIOS) {
      const r = await real(args, editor);
      const o = ours.exec(`KUBE_EDITOR=${JSON.stringify(editor)} kubectl ${args.join(" ")}`);
      expect({ name, out: normalize(o.output), code: o.code }).toEqual({ name, out: normalize(r.out), code: r.code });
    }
  }, 60_000);
});
