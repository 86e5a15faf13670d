import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";

const T0 = Date.parse("2026-03-01T10:00:00Z");

function session() {
  const s = createSandbox({ seed: 11, now: T0 });
  return (line: string) => s.exec(line, { now: s.now() });
}

describe("cordon and uncordon", () => {
  test("cordon marks the node unschedulable once, and uncordon reverses it", () => {
    const run = session();
    expect(run("kubectl cordon node01").output).toBe("node/node01 cordoned\n");
    expect(run("kubectl cordon node01").output).toBe("node/node01 already cordoned\n");
    expect(run("kubectl get node node01")).toMatchObject({ output: expect.stringMatching(/node01\s+Ready,SchedulingDisabled/) });
    expect(run("kubectl uncordon node01").output).toBe("node/node01 uncordoned\n");
    expect(run("kubectl get node node01 -o jsonpath={.spec.unschedulable}").output).toBe("");
  });

  test("without a node name the usage error is printed", () => {
    const run = session();
    expect(run("kubectl cordon")).toMatchObject({ output: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", exitCode: 1 });
  });
});

describe("drain", () => {
  test("refuses DaemonSet-managed and unmanaged pods with the real messages and leaves the node cordoned", () => {
    const run = session();
    run(`cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: {name: lonely}
spec:
  nodeName: node01
  containers: [{name: c, image: nginx}]
EOF`);
    run("sleep 10");
    const r = run("kubectl drain node01");
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^node\/node01 cordoned\nerror: unable to drain node "node01" due to error: \[/);
    expect(r.output).toContain("cannot delete cannot delete Pods that declare no controller (use --force to override): default/lonely");
    expect(r.output).toMatch(/cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-/);
    expect(r.output).toContain("There are pending nodes to be drained:\n node01\n");
  });

  test("with --ignore-daemonsets evicts the deployment's pods, which come back on another node", () => {
    const run = session();
    run("kubectl create deployment web --image=nginx --replicas=4");
    run("sleep 30");
    const r = run("kubectl drain node01 --ignore-daemonsets");
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w+/);
    expect(r.output).toMatch(/evicting pod default\/web-/);
    expect(r.output).toMatch(/pod\/web-\S+ evicted\n/);
    expect(r.output.trimEnd().split("\n").pop()).toBe("node/node01 drained");
    run("sleep 30");
    const pods = JSON.parse(run("kubectl get pods -l app=web -o json").output).items;
    expect(pods.every((p: any) => p.spec.nodeName !== "node01")).toBe(true);
  });
});

describe("taint", () => {
  test("adds, refuses to overwrite, overwrites and removes taints with kubectl's words", () => {
    const run = session();
    expect(run("kubectl taint nodes node01 dedicated=db:NoSchedule").output).toBe("node/node01 tainted\n");
    expect(run("kubectl taint nodes node01 dedicated=web:NoSchedule")).toMatchObject({ output: "error: node node01 already has dedicated taint(s) with same effect(s) and --overwrite is false\n", exitCode: 1 });
    expect(run("kubectl taint nodes node01 dedicated=web:NoSchedule --overwrite").output).toBe("node/node01 modified\n");
    expect(JSON.parse(run("kubectl get node node01 -o json").output).spec.taints).toEqual([{ key: "dedicated", value: "web", effect: "NoSchedule" }]);
    expect(run("kubectl taint nodes node01 dedicated-").output).toBe("node/node01 untainted\n");
    expect(run("kubectl taint nodes node01 dedicated-")).toMatchObject({ output: 'error: taint "dedicated" not found\n', exitCode: 1 });
  });

  test("bad taint specs fail before any request", () => {
    const run = session();
    expect(run("kubectl taint nodes node01 a=b:Foo").output).toBe("error: invalid taint effect: Foo, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
    expect(run("kubectl taint nodes node01").output).toBe("error: at least one taint update is required\n");
    expect(run("kubectl taint nodes node01 a:NoSchedule x").output).toBe("error: all resources must be specified before taint changes: x\n");
  });
});
