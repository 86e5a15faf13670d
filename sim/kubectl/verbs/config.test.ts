// kubectl config reads and writes the kubeconfig in the virtual filesystem; compared with the
// real kubectl v1.32.5 working on the same file (config commands never reach a server).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { MemoryFs } from "../../core/vfs";
import { defaultKubeconfigYaml } from "../framework/kubeconfig";
import { hasRealKubectl, REAL_KUBECTL } from "../../testing/http-adapter";
import { fakePort, runKubectl, words } from "../testing/harness";

function ourMachine(config = defaultKubeconfigYaml("default")): MemoryFs {
  const fs = new MemoryFs();
  fs.mkdir("/root/.kube", { parents: true });
  fs.write("/root/.kube/config", config);
  return fs;
}

/** Runs the same config commands on both sides; returns outputs and the final files. */
function both(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "kubeconfig-"));
  const file = join(dir, "config");
  writeFileSync(file, defaultKubeconfigYaml("default"));
  const fs = ourMachine();
  const out: { line: string; ours: unknown; real: unknown }[] = [];
  for (const line of lines) {
    const r = spawnSync(REAL_KUBECTL, words(line).slice(1), { env: { KUBECONFIG: file, HOME: dir, PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv, encoding: "utf8" });
    const o = runKubectl(line, fakePort(() => ({ status: 404, body: {} })), { fs });
    out.push({ line, ours: { stdout: o.stdout, stderr: o.stderr, code: o.code }, real: { stdout: r.stdout.split(file).join("/root/.kube/config"), stderr: r.stderr.split(file).join("/root/.kube/config"), code: r.status } });
  }
  return { out, ourFile: fs.read("/root/.kube/config"), realFile: readFileSync(file, "utf8") };
}

describe("kubectl config", () => {
  test("the default kubeadm kubeconfig names cluster kubernetes, user kubernetes-admin and context kubernetes-admin@kubernetes", () => {
    const r = runKubectl("kubectl config get-contexts", fakePort(() => ({ status: 404, body: {} })), { fs: ourMachine() });
    expect(r.stdout).toBe("CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n");
  });

  test("minikube's kubeconfig has one context named minikube with namespace default", () => {
    const r = runKubectl("kubectl config current-context", fakePort(() => ({ status: 404, body: {} })), { fs: ourMachine(defaultKubeconfigYaml("minikube")) });
    expect(r.stdout).toBe("minikube\n");
  });

  test("set-context --current --namespace changes the namespace later commands use", () => {
    const port = fakePort(() => ({ status: 200, body: { kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: {}, columnDefinitions: [], rows: [] } }));
    const fs = ourMachine();
    expect(runKubectl("kubectl config set-context --current --namespace=dev", port, { fs }).stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(runKubectl("kubectl get pods", port, { fs }).stderr).toBe("No resources found in dev namespace.\n");
    expect(port.requests.at(-1)?.path).toBe("/api/v1/namespaces/dev/pods");
  });

  test.skipIf(!hasRealKubectl())("views, switches and edits contexts exactly as the real kubectl does, file included", () => {
    const r = both([
      "kubectl config view",
      "kubectl config view --raw",
      "kubectl config view -o json",
      "kubectl config view --minify -o jsonpath={.contexts[0].context.cluster}",
      "kubectl config set-context --current --namespace=dev",
      "kubectl config set-context other --cluster=kubernetes --user=kubernetes-admin",
      "kubectl config get-contexts",
      "kubectl config use-context other",
      "kubectl config current-context",
      "kubectl config use-context nope",
      "kubectl config rename-context other renamed",
      "kubectl config get-contexts -o name",
      "kubectl config delete-context renamed",
      "kubectl config get-clusters",
      "kubectl config get-users",
    ]);
    for (const x of r.out) expect({ line: x.line, ...(x.ours as object) }).toEqual({ line: x.line, ...(x.real as object) });
    expect(r.ourFile).toBe(r.realFile);
  });
});
