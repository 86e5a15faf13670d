import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";
import { INSTALL_METRICS_SERVER } from "../../testing/metrics-server";

const T0 = Date.parse("2026-03-01T10:00:00Z");

function session() {
  const s = createSandbox({ seed: 2, now: T0 });
  return (line: string) => s.exec(line, { now: s.now() });
}

function installMetricsServer(run: (l: string) => unknown): void {
  run(INSTALL_METRICS_SERVER);
  run("sleep 60");
}

describe("kubectl top", () => {
  test("without metrics-server the Metrics API is not available, as on a fresh kubeadm cluster", () => {
    const run = session();
    expect(run("kubectl top nodes")).toMatchObject({ output: "error: Metrics API not available\n", exitCode: 1 });
    expect(run("kubectl top pods")).toMatchObject({ output: "error: Metrics API not available\n", exitCode: 1 });
  });

  test("with metrics-server running, nodes and pods show usage in kubectl's columns, stable across calls", () => {
    const run = session();
    installMetricsServer(run);
    run("kubectl run cache --image=redis");
    run("sleep 30");
    const nodes = run("kubectl top nodes").output;
    expect(nodes.split("\n")[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)$/);
    expect(nodes).toMatch(/\nnode01\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\n/);
    const pods = run("kubectl top pods").output;
    expect(pods).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\ncache\s+\d+m\s+\d+Mi\n$/);
    expect(run("kubectl top pods").output).toBe(pods);
    expect(run("kubectl top pods -A --sort-by=cpu").output.split("\n")[1]).toMatch(/^kube-system\s+kube-apiserver-controlplane/);
  });

  test("a pod that is not running has no metrics yet", () => {
    const run = session();
    installMetricsServer(run);
    run("kubectl run broken --image=nosuchimage999");
    expect(run("kubectl top pod broken").output).toMatch(/^error: Metrics not available for pod default\/broken, age: \d+s\n$/);
  });
});
