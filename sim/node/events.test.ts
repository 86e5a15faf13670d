import { describe, expect, test } from "vitest";
import { createSandbox } from "../sandbox";

describe("the kubelet's event recorder", () => {
  test("deleting a namespace with running pods succeeds: events the terminating namespace refuses are dropped", () => {
    const start = Date.UTC(2026, 0, 1);
    const sb = createSandbox({ seed: 1, topology: "default", now: start });
    let t = start;
    for (const line of ["kubectl create namespace team-a", "kubectl create deployment cache --image=redis:7 -n team-a", "kubectl run solo --image=nginx -n team-a", "sleep 30"]) {
      expect(sb.exec(line, { now: (t += 1000) }).exitCode).toBe(0);
    }
    const r = sb.exec("kubectl delete namespace team-a", { now: (t += 1000) });
    expect([r.exitCode, r.output]).toEqual([0, 'namespace "team-a" deleted\n']);
    expect(sb.exec("kubectl get ns team-a", { now: (t += 60_000) }).output).toBe('Error from server (NotFound): namespaces "team-a" not found\n');
  });
});
