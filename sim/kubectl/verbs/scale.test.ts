import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { newFs, runOurs } from "./mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function setup() {
  const cluster = createCluster({ seed: 9, topology: "default", now: NOW });
  const k = (...args: string[]) => runOurs(args, { cluster, fs: newFs() });
  k("create", "deployment", "web", "--image=nginx", "--replicas=2");
  return { cluster, k, replicas: () => cluster.api.store.get("apps/deployments", "default", "web")!.spec.replicas };
}

describe("kubectl scale", () => {
  test("sets the replicas of a deployment and prints deployment.apps/web scaled", () => {
    const { k, replicas } = setup();
    expect(k("scale", "deployment", "web", "--replicas=4")).toEqual({ stdout: "deployment.apps/web scaled\n", stderr: "", code: 0 });
    expect(replicas()).toBe(4);
    expect(k("scale", "deploy/web", "--replicas=0").stdout).toBe("deployment.apps/web scaled\n");
    expect(replicas()).toBe(0);
  });

  test("--current-replicas is a precondition", () => {
    const { k, replicas } = setup();
    expect(k("scale", "deployment", "web", "--replicas=3", "--current-replicas=5")).toEqual({ stdout: "", stderr: "error: Expected replicas to be 5, was 2\n", code: 1 });
    expect(replicas()).toBe(2);
  });

  test("--replicas is required and must not be negative", () => {
    const { k } = setup();
    expect(k("scale", "deployment", "web").stderr).toBe('error: required flag(s) "replicas" not set\n');
    expect(k("scale", "deployment", "web", "--replicas=-2").stderr).toBe("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n");
    expect(k("scale", "deployment", "nope", "--replicas=1").stderr).toBe('error: no objects passed to scale deployments.apps "nope" not found\n');
  });
});
