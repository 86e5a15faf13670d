import { describe, expect, test } from "vitest";
import { createSandbox } from "../sandbox";

const START = Date.UTC(2026, 10, 25, 12, 0, 0);

function sandbox() {
  const sb = createSandbox({ seed: 3, topology: "default", now: START });
  let now = START;
  const run = (line: string, wait = 1000) => {
    now += wait;
    return sb.exec(line, { now });
  };
  return { run };
}

describe("curl and wget inside kubectl exec", () => {
  test("the bootcamp tutorial's curl to localhost:8080 reaches the app in the same pod", () => {
    const { run } = sandbox();
    run("kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1");
    run("export POD_NAME=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')", 60_000);
    const pod = run("echo $POD_NAME").output.trim();
    expect(run("kubectl exec $POD_NAME -- curl -s http://localhost:8080")).toMatchObject({ output: `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`, exitCode: 0 });
  });

  test("wget in busybox reaches another pod through its Service name", () => {
    const { run } = sandbox();
    run("kubectl run web --image=nginx --port=80 --expose");
    run("kubectl run bb --image=busybox -- sleep 3600");
    const r = run("kubectl exec bb -- wget -qO- web", 60_000);
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain("<title>Welcome to nginx!</title>");
  });

  test("an image without curl still fails as runc does", () => {
    const { run } = sandbox();
    run("kubectl run bb --image=busybox -- sleep 3600");
    expect(run("kubectl exec bb -- curl -s web", 60_000)).toMatchObject({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
      exitCode: 126,
    });
  });
});
