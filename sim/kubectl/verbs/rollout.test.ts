import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { newFs, runOurs } from "./mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function setup() {
  const cluster = createCluster({ seed: 21, topology: "default", now: NOW });
  const k = (...args: string[]) => runOurs(args, { cluster, fs: newFs() });
  const deployment = () => cluster.api.store.get("apps/deployments", "default", "web")!;
  return { cluster, k, deployment };
}

describe("kubectl set image", () => {
  test("changes a deployment's container image and prints image updated", () => {
    const { k, deployment } = setup();
    k("create", "deployment", "web", "--image=nginx:1.25", "--replicas=2");
    expect(k("set", "image", "deployment/web", "nginx=nginx:1.27")).toEqual({ stdout: "deployment.apps/web image updated\n", stderr: "", code: 0 });
    expect(deployment().spec.template.spec.containers[0].image).toBe("nginx:1.27");
  });

  test("an unknown container name and a missing update are kubectl's errors", () => {
    const { k } = setup();
    k("create", "deployment", "web", "--image=nginx");
    expect(k("set", "image", "deployment/web", "app=nginx:1.27")).toEqual({ stdout: "", stderr: 'error: unable to find container named "app"\n', code: 1 });
    expect(k("set", "image", "deployment/web").stderr).toBe("error: at least one image update is required\n");
  });

  test("a pod's image can be set too", () => {
    const { cluster, k } = setup();
    k("run", "redis", "--image=redis123");
    expect(k("set", "image", "pod/redis", "redis=redis").stdout).toBe("pod/redis image updated\n");
    expect(cluster.api.store.get("/pods", "default", "redis")!.spec.containers[0].image).toBe("redis");
  });
});

describe("kubectl rollout", () => {
  test("status waits in virtual time until the deployment is rolled out", () => {
    const { cluster, k } = setup();
    k("create", "deployment", "web", "--image=nginx", "--replicas=2");
    const start = cluster.now();
    const r = k("rollout", "status", "deployment/web");
    expect(r.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    expect(r.stdout).toMatch(/^(Waiting for deployment "web" rollout to finish: .*\n)*deployment "web" successfully rolled out\n$/);
    expect(r.code).toBe(0);
    expect(cluster.now()).toBeGreaterThanOrEqual(start);
  });

  test("history lists revisions and undo goes back to the previous template", () => {
    const { cluster, k, deployment } = setup();
    k("create", "deployment", "web", "--image=nginx:1.25");
    cluster.advanceTo(cluster.now() + 60_000);
    k("set", "image", "deployment/web", "nginx=nginx:1.27");
    cluster.advanceTo(cluster.now() + 60_000);
    expect(k("rollout", "history", "deployment/web").stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
    expect(k("rollout", "undo", "deployment/web").stdout).toBe("deployment.apps/web rolled back\n");
    expect(deployment().spec.template.spec.containers[0].image).toBe("nginx:1.25");
    expect(k("rollout", "undo", "deployment/web", "--to-revision=9").stderr).toBe("error: unable to find specified revision 9 in history\n");
  });

  test("undo without history says so", () => {
    const { cluster, k } = setup();
    k("create", "deployment", "web", "--image=nginx");
    cluster.advanceTo(cluster.now() + 30_000);
    expect(k("rollout", "undo", "deployment/web").stderr).toBe('error: no rollout history found for deployment "web"\n');
  });

  test("restart stamps restartedAt; pause and resume toggle spec.paused with their errors", () => {
    const { k, deployment } = setup();
    k("create", "deployment", "web", "--image=nginx");
    expect(k("rollout", "restart", "deployment/web").stdout).toBe("deployment.apps/web restarted\n");
    expect(deployment().spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(k("rollout", "pause", "deployment/web").stdout).toBe("deployment.apps/web paused\n");
    expect(deployment().spec.paused).toBe(true);
    expect(k("rollout", "pause", "deployment/web").stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect(k("rollout", "restart", "deployment/web").stderr).toBe("error: failed to create patch for web: can't restart paused deployment (run rollout resume first)\n");
    expect(k("rollout", "resume", "deployment/web").stdout).toBe("deployment.apps/web resumed\n");
    expect(deployment().spec.paused).toBeUndefined();
  });
});
