import { describe, expect, test } from "vitest";
import { createSandbox, type Sandbox } from "../index";
import { remainingBackoffMs, indexRanges } from "./job";

const T0 = Date.parse("2026-03-01T10:00:00Z");

function session(): { s: Sandbox; run(line: string): string } {
  const s = createSandbox({ seed: 7, now: T0 });
  return { s, run: (line) => s.exec(line, { now: s.now() }).output };
}

function jobStatus(run: (l: string) => string, name: string): Record<string, any> {
  return JSON.parse(run(`kubectl get job ${name} -o json`)).status;
}

describe("job controller", () => {
  test("a job whose pod succeeds completes with SuccessCriteriaMet then Complete and a Completed event", () => {
    const { run } = session();
    expect(run("kubectl create job hello --image=busybox -- echo hi")).toBe("job.batch/hello created\n");
    run("sleep 30");
    const st = jobStatus(run, "hello");
    expect(st.succeeded).toBe(1);
    expect(st.conditions.map((c: any) => `${c.type}/${c.reason}`)).toEqual(["SuccessCriteriaMet/CompletionsReached", "Complete/CompletionsReached"]);
    expect(st.uncountedTerminatedPods).toEqual({});
    expect(run("kubectl get job hello")).toMatch(/hello\s+Complete\s+1\/1/);
    const pods = JSON.parse(run("kubectl get pods -l job-name=hello -o json")).items;
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.name).toMatch(/^hello-[a-z0-9]{5}$/);
    expect(pods[0].metadata.labels["batch.kubernetes.io/job-name"]).toBe("hello");
    expect(run("kubectl get events")).toMatch(/Completed\s+job\/hello\s+Job completed/);
  });

  test("a failing job backs off 10s, 20s, 40s... and fails with BackoffLimitExceeded after backoffLimit+1 pods", () => {
    const { run } = session();
    run(`cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata: {name: boom}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: ["sh", "-c", "exit 1"]}]
EOF`);
    run("sleep 300");
    const st = jobStatus(run, "boom");
    expect(st.failed).toBe(3);
    expect(st.conditions.map((c: any) => `${c.type}/${c.reason}`)).toEqual(["FailureTarget/BackoffLimitExceeded", "Failed/BackoffLimitExceeded"]);
    const created = JSON.parse(run("kubectl get pods -l job-name=boom -o json")).items.map((p: any) => Date.parse(p.metadata.creationTimestamp)).sort();
    expect(created).toHaveLength(3);
    // Each replacement waits for the back-off after the previous failure (plus the pod's run time).
    expect(created[1] - created[0]).toBeGreaterThanOrEqual(10_000);
    expect(created[2] - created[1]).toBeGreaterThanOrEqual(20_000);
    expect(run("kubectl get events")).toMatch(/Warning\s+BackoffLimitExceeded\s+job\/boom\s+Job has reached the specified backoff limit/);
  });

  test("activeDeadlineSeconds fails a running job with DeadlineExceeded and deletes its pod", () => {
    const { run } = session();
    run(`cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata: {name: slow}
spec:
  activeDeadlineSeconds: 20
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: ["sleep", "3600"]}]
EOF`);
    run("sleep 90");
    const st = jobStatus(run, "slow");
    expect(st.conditions.find((c: any) => c.type === "Failed")?.reason).toBe("DeadlineExceeded");
    expect(run("kubectl get pods -l job-name=slow")).toBe("No resources found in default namespace.\n");
  });

  test("ttlSecondsAfterFinished deletes the finished job and its pods", () => {
    const { run } = session();
    run(`cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata: {name: short}
spec:
  ttlSecondsAfterFinished: 30
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: ["true"]}]
EOF`);
    run("sleep 20");
    expect(run("kubectl get job short")).toMatch(/Complete/);
    run("sleep 60");
    expect(run("kubectl get job short 2>&1")).toBe('Error from server (NotFound): jobs.batch "short" not found\n');
  });

  test("parallel jobs run up to parallelism pods until completions succeed", () => {
    const { run } = session();
    run(`cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata: {name: par}
spec:
  completions: 4
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: ["sleep", "5"]}]
EOF`);
    expect(jobStatus(run, "par").active).toBe(2);
    run("sleep 120");
    expect(run("kubectl get job par")).toMatch(/par\s+Complete\s+4\/4/);
  });

  test("a job template with restartPolicy Always is rejected with the API server's message", () => {
    const { run } = session();
    const out = run(`cat <<EOF | kubectl apply -f - 2>&1
apiVersion: batch/v1
kind: Job
metadata: {name: bad}
spec:
  template:
    spec:
      containers: [{name: c, image: busybox}]
EOF`);
    expect(out).toContain('spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });

  test("an Indexed job runs one pod per index and reports completedIndexes", () => {
    const { run } = session();
    run(`cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata: {name: idx}
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: ["true"]}]
EOF`);
    const pods = JSON.parse(run("kubectl get pods -l job-name=idx -o json")).items;
    expect(pods.map((p: any) => p.metadata.annotations["batch.kubernetes.io/job-completion-index"]).sort()).toEqual(["0", "1", "2"]);
    expect(pods.every((p: any) => /^idx-[0-2]-[a-z0-9]{5}$/.test(p.metadata.name))).toBe(true);
    run("sleep 60");
    const st = jobStatus(run, "idx");
    expect(st.completedIndexes).toBe("0-2");
    expect(st.succeeded).toBe(3);
  });

  test("a deleted running pod is replaced at once and counted as failed", () => {
    const { run } = session();
    run("kubectl create job long --image=busybox -- sleep 3600");
    run("sleep 20");
    const first = JSON.parse(run("kubectl get pods -l job-name=long -o json")).items[0].metadata.name;
    run(`kubectl delete pod ${first} --wait=false`);
    const names = JSON.parse(run("kubectl get pods -l job-name=long -o json")).items.map((p: any) => p.metadata.name);
    expect(names.filter((n: string) => n !== first)).toHaveLength(1);
    run("sleep 60");
    expect(jobStatus(run, "long").failed).toBe(1);
    expect(jobStatus(run, "long").active).toBe(1);
  });

  test("the pod failure back-off doubles from 10s and is capped at 10 minutes", () => {
    expect(remainingBackoffMs(1, 0, 0)).toBe(10_000);
    expect(remainingBackoffMs(3, 0, 5_000)).toBe(35_000);
    expect(remainingBackoffMs(12, 0, 0)).toBe(600_000);
    expect(remainingBackoffMs(0, 0, 0)).toBe(0);
  });

  test("completed indexes print as ranges", () => {
    expect(indexRanges([0, 1, 2, 5, 7, 8])).toBe("0-2,5,7-8");
  });
});
