import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";

const T0 = Date.parse("2026-03-01T10:00:00Z");

function session() {
  const s = createSandbox({ seed: 5, now: T0 });
  return { s, run: (line: string) => s.exec(line, { now: s.now() }) };
}

describe("kubectl wait", () => {
  test("waits in virtual time until a new pod is Ready and says the condition is met", () => {
    const { s, run } = session();
    run("kubectl run web --image=nginx");
    const r = run("kubectl wait --for=condition=Ready pod/web --timeout=120s");
    expect(r).toMatchObject({ output: "pod/web condition met\n", exitCode: 0 });
    expect(s.now()).toBeGreaterThan(T0);
    expect(s.now()).toBeLessThan(T0 + 120_000);
  });

  test("times out on a pod that never gets Ready, after exactly the timeout", () => {
    const { s, run } = session();
    run("kubectl run bad --image=nosuchimage123");
    const before = s.now();
    expect(run("kubectl wait --for=condition=Ready pod/bad --timeout=20s")).toMatchObject({ output: "error: timed out waiting for the condition on pods/bad\n", exitCode: 1 });
    expect(s.now() - before).toBe(20_000);
  });

  test("--for=delete returns once the pod is gone, and at once for a missing one", () => {
    const { run } = session();
    run("kubectl run web --image=nginx");
    run("sleep 20");
    run("kubectl delete pod web --wait=false");
    expect(run("kubectl wait --for=delete pod/web --timeout=60s")).toMatchObject({ output: "pod/web condition met\n", exitCode: 0 });
    expect(run("kubectl wait --for=delete pod/web")).toMatchObject({ output: "", exitCode: 0 });
  });

  test("--for=jsonpath compares a field's value; a job completes under wait", () => {
    const { run } = session();
    run("kubectl create job once --image=busybox -- echo done");
    expect(run("kubectl wait --for=condition=complete job/once --timeout=60s").output).toBe("job.batch/once condition met\n");
    expect(run("kubectl wait --for=jsonpath={.status.succeeded}=1 job/once").output).toBe("job.batch/once condition met\n");
  });

  test("--timeout=0 checks once and reports an unmet condition", () => {
    const { run } = session();
    run("kubectl run web --image=nginx");
    expect(run("kubectl wait --for=condition=Ready pod/web --timeout=0")).toMatchObject({ output: "error: condition not met for pods/web\n", exitCode: 1 });
  });

  test("bad --for values and missing objects fail as kubectl does", () => {
    const { run } = session();
    expect(run("kubectl wait pod/x")).toMatchObject({ output: 'error: unrecognized condition: ""\n', exitCode: 1 });
    expect(run("kubectl wait --for=condition=Ready pod/nosuch").output).toBe('Error from server (NotFound): pods "nosuch" not found\n');
    expect(run("kubectl wait --for=condition=Ready pods -l app=none").output).toBe("error: no matching resources found\n");
    expect(run("kubectl wait --for=jsonpath='{.status.phase}'= pod/x").output).toBe("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n");
  });
});
