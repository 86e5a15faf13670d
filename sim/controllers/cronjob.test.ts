import { describe, expect, test } from "vitest";
import { createSandbox } from "../index";
import { cronError, nextActivation, parseCron } from "../api/validation/cron";

const T0 = Date.parse("2026-03-01T10:00:30Z");

function session() {
  const s = createSandbox({ seed: 3, now: T0 });
  return (line: string) => s.exec(line, { now: s.now() }).output;
}

describe("cronjob controller", () => {
  test("a cronjob fires on schedule with jobs named by the scheduled minute and keeps 3 successful jobs", () => {
    const run = session();
    run("kubectl create cronjob tick --image=busybox --schedule='*/2 * * * *' -- echo tick");
    run("sleep 600");
    const jobs = JSON.parse(run("kubectl get jobs -o json")).items.map((j: any) => j.metadata.name);
    // Activations at 10:02 .. 10:10; only the newest three finished ones stay.
    const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
    expect(jobs).toEqual([`tick-${minute("2026-03-01T10:06:00Z")}`, `tick-${minute("2026-03-01T10:08:00Z")}`, `tick-${minute("2026-03-01T10:10:00Z")}`]);
    const cj = JSON.parse(run("kubectl get cronjob tick -o json"));
    expect(cj.status.lastScheduleTime).toBe("2026-03-01T10:10:00Z");
    expect(cj.status.lastSuccessfulTime).toBeDefined();
    const events = run("kubectl get events");
    expect(events).toMatch(/SuccessfulCreate\s+cronjob\/tick\s+Created job tick-/);
    expect(events).toMatch(/SawCompletedJob\s+cronjob\/tick\s+Saw completed job: tick-\d+, condition: Complete/);
    expect(events).toMatch(/SuccessfulDelete\s+cronjob\/tick\s+Deleted job tick-/);
  });

  test("a suspended cronjob creates no jobs", () => {
    const run = session();
    run("kubectl create cronjob tick --image=busybox --schedule='* * * * *'");
    run(`kubectl patch cronjob tick -p '{"spec":{"suspend":true}}'`);
    run("sleep 300");
    expect(run("kubectl get jobs")).toBe("No resources found in default namespace.\n");
  });

  test("concurrencyPolicy Forbid skips a run while the previous job is active", () => {
    const run = session();
    run(`cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: CronJob
metadata: {name: long}
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: c, image: busybox, command: ["sleep", "3600"]}]
EOF`);
    run("sleep 200");
    expect(JSON.parse(run("kubectl get jobs -o json")).items).toHaveLength(1);
    expect(run("kubectl get events")).toContain("Not starting job because prior execution is running and concurrency policy is Forbid");
  });

  test("create job --from=cronjob copies the job template", () => {
    const run = session();
    run("kubectl create cronjob tick --image=busybox --schedule='0 0 * * *'");
    expect(run("kubectl create job manual --from=cronjob/tick")).toBe("job.batch/manual created\n");
    const job = JSON.parse(run("kubectl get job manual -o json"));
    expect(job.metadata.annotations["cronjob.kubernetes.io/instantiate"]).toBe("manual");
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: "CronJob", name: "tick" });
    expect(job.spec.template.spec.containers[0].image).toBe("busybox");
  });
});

describe("cron schedules", () => {
  const at = (iso: string) => Date.parse(iso);
  test("steps, ranges, lists and names select the next minute strictly after now", () => {
    expect(nextActivation(parseCron("*/15 * * * *"), at("2026-03-01T10:00:00Z"))).toBe(at("2026-03-01T10:15:00Z"));
    expect(nextActivation(parseCron("0 9-17/4 * * mon-fri"), at("2026-02-28T12:00:00Z"))).toBe(at("2026-03-02T09:00:00Z"));
    expect(nextActivation(parseCron("30 2 1,15 * *"), at("2026-03-02T00:00:00Z"))).toBe(at("2026-03-15T02:30:00Z"));
    expect(nextActivation(parseCron("@hourly"), at("2026-03-01T10:59:59Z"))).toBe(at("2026-03-01T11:00:00Z"));
    expect(nextActivation(parseCron("@yearly"), at("2026-03-01T00:00:00Z"))).toBe(at("2027-01-01T00:00:00Z"));
  });

  test("day of month and day of week match with OR unless one is a star", () => {
    // 13th of the month OR a Friday.
    expect(nextActivation(parseCron("0 0 13 * 5"), at("2026-03-01T00:00:00Z"))).toBe(at("2026-03-06T00:00:00Z"));
  });

  test("bad schedules fail with robfig/cron's messages", () => {
    expect(cronError("bad")).toBe("expected exactly 5 fields, found 1: [bad]");
    expect(cronError("70 * * * *")).toBe("end of range (70) above maximum (59): 70");
    expect(cronError("x * * * *")).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(cronError("@fortnightly")).toBe("unrecognized descriptor: @fortnightly");
    expect(cronError("5-1 * * * *")).toBe("beginning of range (5) beyond end of range (1): 5-1");
    expect(cronError("*/5 * * * *")).toBeUndefined();
  });
});
