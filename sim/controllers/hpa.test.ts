import { describe, expect, test } from "vitest";
import { createSandbox, restoreSandbox } from "../index";
import { utilizationReplicas, type Groups } from "./hpa-replicas";
import { INSTALL_METRICS_SERVER } from "../testing/metrics-server";

const T0 = Date.parse("2026-03-01T10:00:00Z");

function session(opts: { metricsServer?: boolean } = {}) {
  const s = createSandbox({ seed: 3, now: T0 });
  const run = (line: string) => s.exec(line, { now: s.now() });
  if (opts.metricsServer !== false) run(INSTALL_METRICS_SERVER);
  return { s, run, replicas: (d: string) => Number(run(`kubectl get deploy ${d} -o jsonpath={.spec.replicas}`).output) };
}

/** A deployment whose pods request CPU (the bootcamp image uses about a quarter of it). */
function withRequests(run: (l: string) => unknown, name = "api", replicas = 1): void {
  run(`kubectl create deployment ${name} --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --replicas=${replicas}`);
  run(`kubectl set resources deployment ${name} --requests=cpu=200m`);
  run("sleep 60");
}

describe("HorizontalPodAutoscaler controller", () => {
  test("pods without CPU requests leave the target <unknown> and report FailedGetResourceMetric", () => {
    const { run, replicas } = session();
    run("kubectl create deployment web --image=nginx --replicas=2");
    run("sleep 30");
    run("kubectl autoscale deployment web --max=5 --cpu-percent=50");
    run("sleep 20");
    expect(run("kubectl get hpa web").output).toMatch(/\nweb\s+Deployment\/web\s+cpu: <unknown>\/50%\s+1\s+5\s+2\s+20s\n$/);
    const events = run(`kubectl get events --field-selector involvedObject.kind=HorizontalPodAutoscaler -o 'jsonpath={range .items[*]}{.reason}|{.message}{"\\n"}{end}'`).output;
    expect(events).toMatch(/^FailedGetResourceMetric\|failed to get cpu utilization: missing request for cpu in container nginx of Pod web-[a-z0-9]+-[a-z0-9]{5}$/m);
    expect(events).toMatch(/^FailedComputeMetricsReplicas\|invalid metrics \(1 invalid out of 1\), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container nginx of Pod web-/m);
    expect(run("kubectl get hpa web -o jsonpath={.status.conditions[1].reason}/{.status.conditions[1].status}/{.status.currentMetrics}").output).toBe('FailedGetResourceMetric/False/[{"type":""}]');
    expect(replicas("web")).toBe(2);
  });

  test("without metrics-server the Metrics API cannot be reached", () => {
    const { run } = session({ metricsServer: false });
    withRequests(run);
    run("kubectl autoscale deployment api --max=3");
    run("sleep 16");
    expect(run("kubectl describe hpa api").output).toContain(
      "failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)",
    );
  });

  test("usage above the target scales up 15 s after creation, within the scale-up limit and max", () => {
    const { run, replicas } = session();
    withRequests(run);
    run("kubectl autoscale deployment api --max=6 --cpu-percent=10");
    run("sleep 14");
    expect(replicas("api")).toBe(1);
    run("sleep 1");
    expect(replicas("api")).toBe(2);
    expect(run("kubectl get events --field-selector reason=SuccessfulRescale -o jsonpath={.items[0].message}").output).toBe(
      "New size: 2; reason: cpu resource utilization (percentage of request) above target",
    );
    run("sleep 180");
    expect(replicas("api")).toBe(6);
    expect(run(`kubectl get hpa api -o 'jsonpath={.status.conditions[?(@.type=="ScalingLimited")].reason}'`).output).toBe("TooManyReplicas");
    expect(run("kubectl get hpa api").output).toMatch(/\napi\s+Deployment\/api\s+cpu: \d+%\/10%\s+1\s+6\s+6\s+/);
  });

  test("a scale-down waits for the 300 s stabilization window, then reports all metrics below target", () => {
    const { run, replicas } = session();
    withRequests(run, "api", 4);
    run("kubectl autoscale deployment api --min=1 --max=6 --cpu-percent=90");
    run("sleep 16");
    expect(replicas("api")).toBe(4);
    expect(run("kubectl get hpa api -o jsonpath={.status.desiredReplicas}").output).toBe("4");
    expect(run("kubectl get hpa api -o jsonpath={.status.conditions[0].reason}").output).toBe("ScaleDownStabilized");
    run("sleep 290");
    expect(replicas("api")).toBe(4);
    run("sleep 30");
    expect(replicas("api")).toBeLessThan(4);
    expect(run("kubectl get events --field-selector reason=SuccessfulRescale -o jsonpath={.items[0].message}").output).toMatch(/^New size: [1-3]; reason: All metrics below target$/);
  });

  test("the stabilization window survives a snapshot and restore in the middle", () => {
    const a = session();
    withRequests(a.run, "api", 4);
    a.run("kubectl autoscale deployment api --min=1 --max=6 --cpu-percent=90");
    a.run("sleep 120");
    const b = restoreSandbox(structuredClone(a.s.snapshot()));
    const runB = (line: string) => b.exec(line, { now: b.now() });
    for (const run of [a.run, runB]) run("sleep 220");
    const view = (run: (l: string) => { output: string }) => run("kubectl get hpa,deploy api; kubectl get events --field-selector reason=SuccessfulRescale").output;
    expect(view(runB)).toBe(view(a.run));
    expect(view(a.run)).toMatch(/All metrics below target/);
  });

  test("spec.behavior's policies limit the rate: one pod per minute up", () => {
    const { run, replicas } = session();
    withRequests(run, "api", 1);
    run(`kubectl apply -f - <<EOF
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 6
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 5}}}]
  behavior:
    scaleUp: {policies: [{type: Pods, value: 1, periodSeconds: 60}]}
EOF`);
    expect(run("kubectl get hpa api -o jsonpath={.spec.behavior.scaleUp.selectPolicy}/{.spec.behavior.scaleUp.stabilizationWindowSeconds}/{.spec.behavior.scaleDown.policies[0].type}").output).toBe("Max/0/Percent");
    run("sleep 15");
    expect(replicas("api")).toBe(2);
    run("sleep 30");
    expect(replicas("api")).toBe(2);
    expect(run("kubectl get hpa api -o jsonpath={.status.conditions[2].reason}").output).toBe("ScaleUpLimit");
    run("sleep 30");
    expect(replicas("api")).toBe(3);
    expect(run("kubectl describe hpa api").output).toContain("Behavior:\n  Scale Up:\n    Stabilization Window: 0 seconds\n    Select Policy: Max\n    Policies:\n      - Type: Pods  Value: 1  Period: 60 seconds\n  Scale Down:\n");
  });

  test("a target above max is brought down to max at once", () => {
    const { run, replicas } = session();
    withRequests(run, "api", 5);
    run("kubectl autoscale deployment api --min=1 --max=3");
    run("sleep 15");
    expect(replicas("api")).toBe(3);
    expect(run("kubectl get events --field-selector reason=SuccessfulRescale -o jsonpath={.items[0].message}").output).toBe("New size: 3; reason: Current number of replicas above Spec.MaxReplicas");
  });

  test("a target that does not exist is reported as FailedGetScale", () => {
    const { run } = session();
    run("kubectl create -f - <<EOF\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: ghost}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ghost}, maxReplicas: 2}\nEOF");
    run("sleep 15");
    expect(run("kubectl describe hpa ghost").output).toMatch(/AbleToScale\s+False\s+FailedGetScale\s+the HPA controller was unable to get the target's current scale: deployments.apps "ghost" not found/);
  });

  test("the replica calculation keeps the count within the 0.1 tolerance and rounds up outside it", () => {
    const groups: Groups = { ready: 2, unready: new Set(), missing: new Set(), ignored: new Set() };
    const requests = new Map([["a", 100], ["b", 100]]);
    const at = (usage: number) => utilizationReplicas(new Map([["a", usage], ["b", usage]]), requests, groups, 50, 2, "cpu");
    expect(at(54)).toMatchObject({ replicas: 2, current: { averageUtilization: 54, averageValue: "54m" } });
    expect(at(56)).toMatchObject({ replicas: 3 });
    expect(at(46)).toMatchObject({ replicas: 2 });
    expect(at(30)).toMatchObject({ replicas: 2 }); // ceil(0.6 * 2)
    expect(at(20)).toMatchObject({ replicas: 1 });
  });
});
