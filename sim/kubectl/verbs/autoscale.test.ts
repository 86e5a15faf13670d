import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";

// The real kubectl v1.32.5 output for these lines is compared in sim/testing/oracle (cases.ts).
const T0 = Date.parse("2026-03-01T10:00:00Z");

function session() {
  const s = createSandbox({ seed: 4, now: T0 });
  const run = (line: string) => s.exec(line, { now: s.now() });
  run("kubectl create deployment web --image=nginx --replicas=2");
  run("kubectl run solo --image=nginx");
  return { s, run };
}

describe("kubectl autoscale", () => {
  test("--dry-run=client prints the autoscaling/v1 object kubectl's generator builds", () => {
    const { run } = session();
    expect(run("kubectl autoscale deploy web --min=2 --max=5 --cpu-percent=70 --dry-run=client -o yaml").output).toBe(
      "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  creationTimestamp: null\n  name: web\nspec:\n  maxReplicas: 5\n  minReplicas: 2\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  targetCPUUtilizationPercentage: 70\nstatus:\n  currentReplicas: 0\n  desiredReplicas: 0\n",
    );
    expect(run("kubectl get hpa").output).toBe("No resources found in default namespace.\n");
  });

  test("creates an HPA served as autoscaling/v2 (defaulted) and as autoscaling/v1", () => {
    const { run } = session();
    expect(run("kubectl autoscale deployment web --max=4")).toMatchObject({ output: "horizontalpodautoscaler.autoscaling/web autoscaled\n", exitCode: 0 });
    expect(run("kubectl get hpa web -o jsonpath={.apiVersion}/{.spec.minReplicas}/{.spec.metrics[0].resource.target.averageUtilization}").output).toBe("autoscaling/v2/1/80");
    expect(run("kubectl get horizontalpodautoscalers.v1.autoscaling web -o jsonpath={.apiVersion}/{.spec.targetCPUUtilizationPercentage}").output).toBe("autoscaling/v1/80");
    expect(run("kubectl get hpa").output).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\nweb\s+Deployment\/web\s+cpu: <unknown>\/80%\s+1\s+4\s+0\s+0s\n$/);
    expect(run("kubectl autoscale deployment web --max=4")).toMatchObject({ output: 'Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n', exitCode: 1 });
  });

  test("bad flags and unscalable targets fail with kubectl's words and change nothing", () => {
    const { run } = session();
    expect(run("kubectl autoscale deploy web")).toMatchObject({ output: 'error: required flag(s) "max" not set\n', exitCode: 1 });
    expect(run("kubectl autoscale deploy web --max=0").output).toBe("error: --max=MAXPODS is required and must be at least 1, max: 0\n");
    expect(run("kubectl autoscale deploy web --min=5 --max=2").output).toBe("error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5\n");
    expect(run("kubectl autoscale pod solo --max=3").output).toBe("error: cannot autoscale a Pod: could not find scale subresource for /v1, Resource=pods in discovery information\n");
    expect(run("kubectl autoscale deploy nope --max=3").output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(run("kubectl get hpa").output).toBe("No resources found in default namespace.\n");
  });

  test("the API server validates HPAs with the real messages", () => {
    const { run } = session();
    const apply = (spec: string) => run(`kubectl apply -f - <<EOF\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: bad}\nspec: ${spec}\nEOF`);
    expect(apply("{scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 5, maxReplicas: 2}").output).toBe(
      'The HorizontalPodAutoscaler "bad" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`\n',
    );
    expect(apply("{scaleTargetRef: {apiVersion: apps/v1, kind: Deployment}, minReplicas: 0, maxReplicas: 0}").output).toBe(
      'The HorizontalPodAutoscaler "bad" is invalid: \n* spec.minReplicas: Invalid value: 0: must be greater than or equal to 1\n* spec.maxReplicas: Invalid value: 0: must be greater than 0\n* spec.scaleTargetRef.name: Required value\n',
    );
    expect(apply("{scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 2, metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}}]}").output).toBe(
      'The HorizontalPodAutoscaler "bad" is invalid: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0\n',
    );
  });

  test("Tab completion offers the autoscalable types and HPA names", () => {
    const { s, run } = session();
    expect(s.complete("kubectl autoscale ").candidates).toEqual(["deployment", "replicaset", "replicationcontroller", "statefulset"]);
    run("kubectl autoscale deploy web --max=3");
    expect(s.complete("kubectl get hpa w").candidates).toEqual(["web"]);
    expect(s.complete("kubectl get horizontalpod").candidates).toEqual(["horizontalpodautoscalers.autoscaling"]);
  });
});
