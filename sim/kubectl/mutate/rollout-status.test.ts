import { describe, expect, test } from "vitest";
import { deploymentStatus } from "./rollout-status";

const d = (spec: number, status: Record<string, number>, generation = 2, observed = 2) => ({
  apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", generation }, spec: { replicas: spec }, status: { observedGeneration: observed, ...status },
});

describe("rollout status messages", () => {
  test.each([
    [d(3, {}, 3, 2), "Waiting for deployment spec update to be observed...\n", false],
    [d(3, { updatedReplicas: 1, replicas: 3 }), 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', false],
    [d(3, { updatedReplicas: 3, replicas: 4 }), 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n', false],
    [d(3, { updatedReplicas: 3, replicas: 3, availableReplicas: 1 }), 'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n', false],
    [d(3, { updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 'deployment "web" successfully rolled out\n', true],
  ])("a deployment in state %# reads as kubectl words it", (obj, message, done) => {
    expect(deploymentStatus(obj)).toEqual({ message, done });
  });

  test("an exceeded progress deadline is an error", () => {
    const o = d(1, {}) as any;
    o.status.conditions = [{ type: "Progressing", reason: "ProgressDeadlineExceeded" }];
    expect(deploymentStatus(o).error).toBe('deployment "web" exceeded its progress deadline');
  });
});
