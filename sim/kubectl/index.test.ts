// The kubectl program: command lookup, flag errors, help and unknown commands, compared with the
// real kubectl v1.32.5 where it can answer offline (flag errors and help never reach a server).
import { describe, expect, test } from "vitest";
import { runRealKubectlOffline } from "../testing/http-adapter";
import { fakePort, runKubectl, words } from "./testing/harness";

const notFound = () => ({ status: 404, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "not found", reason: "NotFound", code: 404 } });

function compareOffline(line: string): void {
  const real = runRealKubectlOffline(words(line).slice(1));
  if (!real) return;
  const ours = runKubectl(line, fakePort(notFound));
  expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual({ stdout: real.stdout, stderr: real.stderr, code: real.code });
}

describe("kubectl's command line", () => {
  test.each([
    "kubectl",
    "kubectl --help",
    "kubectl get --help",
    "kubectl describe -h",
    "kubectl logs --help",
    "kubectl config --help",
    "kubectl config view --help",
    "kubectl foo",
    "kubectl gt pods",
    "kubectl desribe pod x",
    "kubectl lgos",
    "kubectl xyzzy",
    "kubectl --foo",
    "kubectl -n",
    "kubectl get pods --foo",
    "kubectl get pods -z",
    "kubectl get pods -n",
    "kubectl get pods -o",
    "kubectl get pods --sort-by",
    "kubectl get pods -w=x",
    "kubectl get pods --chunk-size=x",
    "kubectl logs -n kube-system --tail=abc x",
    "kubectl logs",
    "kubectl logs a b c",
    "kubectl exec",
    "kubectl exec x",
    "kubectl exec -it",
    "kubectl config",
    "kubectl config foo",
    "kubectl config view --foo",
    "kubectl config get-context",
    "kubectl version --client",
    "kubectl version --client -o yaml",
    "kubectl version --client -o json",
    "kubectl version -o foo --client",
  ])("%s prints what the real kubectl prints", (line) => compareOffline(line));

  test("kubectl options lists the global flags with the learner's home as cache directory", () => {
    const r = runKubectl("kubectl options", fakePort(notFound));
    expect(r.stdout).toContain("    --cache-dir='/root/.kube/cache':\n");
    expect(r.stdout).toContain("    -n, --namespace='':\n");
  });

  test("flags and global flags may come before the command word", () => {
    const port = fakePort(() => ({ status: 200, body: { kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: {}, columnDefinitions: [{ name: "Name", type: "string", format: "name", description: "", priority: 0 }], rows: [{ cells: ["web"], object: { metadata: { name: "web", namespace: "dev" } } }] } }));
    const r = runKubectl("kubectl -n dev --v=6 get pods", port);
    expect(r.stdout).toBe("NAME\nweb\n");
    expect(port.requests[0].path).toBe("/api/v1/namespaces/dev/pods");
  });

  test("the namespace comes from the current context when -n is absent", () => {
    const port = fakePort(() => ({ status: 200, body: { kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: {}, columnDefinitions: [], rows: [] } }));
    const r = runKubectl("kubectl get pods", port);
    expect(r.stderr).toBe("No resources found in default namespace.\n");
    expect(port.requests[0].path).toBe("/api/v1/namespaces/default/pods");
  });

  test("a command kubectl has but the simulator lacks says so instead of pretending it is unknown", () => {
    const r = runKubectl("kubectl port-forward pod/x 8080:80", fakePort(notFound));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("port-forward");
    expect(r.stderr).not.toContain("unknown command");
  });
});
