// --template as its own flag (cli-runtime template_flags.go / jsonpath_flags.go, print_flags.go),
// as the kubernetes.io "Learn Kubernetes Basics" tutorial types it. Expected texts were printed by
// the real kubectl v1.32.5 offline; when the binary is installed they are checked against it again.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { realKubectlAvailable, runOurs, runReal } from "../verbs/mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const DEPLOY = ["create", "deployment", "x", "--image=nginx", "--dry-run=client"];
const PRINT_FLAGS_FORMATS = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

const offline: { args: string[]; stdout: string; stderr: string; code: number }[] = [
  { args: [...DEPLOY, "-o", "go-template", "--template", "{{.metadata.name}}"], stdout: "x", stderr: "", code: 0 },
  { args: [...DEPLOY, "-o", "jsonpath", "--template={.metadata.name}"], stdout: "x", stderr: "", code: 0 },
  { args: [...DEPLOY, "-o", "template", "--template", "{{.kind}}"], stdout: "Deployment", stderr: "", code: 0 },
  { args: [...DEPLOY, "--template", "{{.kind}}"], stdout: "Deployment", stderr: "", code: 0 },
  { args: [...DEPLOY, "-o", "go-template={{.kind}}", "--template", "{{.metadata.name}}"], stdout: "", stderr: `error: unable to match a printer suitable for the output format "go-template={{.kind}}", allowed formats are: ${PRINT_FLAGS_FORMATS}\n`, code: 1 },
  { args: [...DEPLOY, "-o", "go-template"], stdout: "", stderr: "error: template format specified but no template given\n", code: 1 },
  { args: [...DEPLOY, "-o", "foo"], stdout: "", stderr: `error: unable to match a printer suitable for the output format "foo", allowed formats are: ${PRINT_FLAGS_FORMATS}\n`, code: 1 },
  { args: ["config", "view", "--template", "{{.kind}}"], stdout: "Config", stderr: "", code: 0 },
];

describe("--template given apart from -o", () => {
  test.each(offline.map((c) => [c.args.join(" "), c] as const))("kubectl %s prints what the real kubectl prints", (_line, c) => {
    expect(runOurs(c.args)).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
  });

  test("kubectl get pods -o go-template --template lists each pod name on its own line", () => {
    const cluster = createCluster({ seed: 7, topology: "default", now: NOW });
    const k = (...args: string[]) => runOurs(args, { cluster });
    k("run", "a", "--image=nginx");
    k("run", "b", "--image=nginx");
    expect(k("get", "pods", "-o", "go-template", "--template", '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}')).toEqual({ stdout: "a\nb\n", stderr: "", code: 0 });
    expect(k("get", "pod", "a", "-o", "jsonpath", "--template={.spec.containers[0].image}").stdout).toBe("nginx");
    expect(k("get", "pod", "a", "--template={{.metadata.name}}").stdout).toBe("a");
  });
});

describe.skipIf(!realKubectlAvailable())("the expected texts still match the installed real kubectl", () => {
  test("offline cases", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubelings-template-"));
    const kubeconfig = join(dir, "kubeconfig");
    writeFileSync(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: 'http://127.0.0.1:1'}\n  name: k\ncontexts:\n- context: {cluster: k, user: u}\n  name: k\ncurrent-context: k\nusers:\n- name: u\n  user: {}\n");
    for (const c of offline.filter((x) => x.args[0] !== "config")) {
      expect(runReal(c.args, { cwd: dir, kubeconfig }), c.args.join(" ")).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    }
  });
});
