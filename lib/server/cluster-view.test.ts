import { expect, test } from "vitest";
import { createSandbox } from "@/sim/index";
import { clusterViewOf } from "./cluster-view";

const T0 = Date.UTC(2030, 0, 1, 12);

test("the cached cluster picture always equals a fresh one, through commands, failures and the clock", () => {
  const s = createSandbox({ seed: 3, now: T0 });
  const steps: Array<[string, number]> = [
    ["kubectl run redis --image=redis123", 0],
    ["kubectl get pods", 400],
    ["kubectl get pods", 1_000], // ContainerCreating → ErrImagePull happens in between
    ["kubectl create deployment web --image=nginx --replicas=2", 2_000],
    ["kubectl get pod nope", 2_500],
    ["kubectl scale deployment web --replicas=0", 30_000],
    ["kubectl set image pod/redis redis=redis", 31_000],
    ["kubectl get pods", 31_000],
    ["kubectl delete pod redis", 90_000],
  ];
  for (const [line, dt] of steps) {
    s.exec(line, { now: T0 + dt });
    const fresh = s.clusterView();
    const { tag, ...view } = clusterViewOf(s);
    expect(view).toEqual(fresh);
    expect(clusterViewOf(s)).toEqual({ ...fresh, tag }); // the second call is served from the cache
    s.advanceTo(T0 + dt + 5_000);
    expect(clusterViewOf(s)).toMatchObject(s.clusterView());
  }
});

test("a read-only command keeps the resourceVersion, so the picture is not recomputed", () => {
  const s = createSandbox({ seed: 3, now: T0 });
  s.exec("kubectl run redis --image=redis", { now: T0 });
  s.advanceTo(T0 + 60_000);
  const first = clusterViewOf(s);
  const rv = s.resourceVersion();
  s.exec("kubectl get pods", { now: T0 + 60_000 });
  expect(s.resourceVersion()).toBe(rv);
  expect(clusterViewOf(s).nodes).toBe(first.nodes); // the same object: not recomputed
  s.exec("kubectl label pod redis a=b", { now: T0 + 60_000 });
  expect(s.resourceVersion()).toBeGreaterThan(rv);
  expect(clusterViewOf(s).nodes).not.toBe(first.nodes);
});

test("changes to what the picture does not show (a ConfigMap, Events) do not recompute it; a pod's do", () => {
  const s = createSandbox({ seed: 3, now: T0 });
  s.exec("kubectl run redis --image=redis", { now: T0 });
  s.advanceTo(T0 + 60_000);
  const first = clusterViewOf(s);
  const rv = s.resourceVersion();
  s.exec("kubectl create configmap settings --from-literal=a=b", { now: T0 + 60_000 });
  expect(s.resourceVersion()).toBeGreaterThan(rv);
  expect(clusterViewOf(s).nodes).toBe(first.nodes); // the same object: not recomputed
  s.exec("kubectl run web --image=nginx", { now: T0 + 60_000 });
  const second = clusterViewOf(s);
  expect(second.unscheduled.concat(second.nodes.flatMap((n) => n.pods)).map((p) => p.name)).toContain("web");
});

test("the picture's tag names its content: equal pictures, equal tags; any change, another tag", () => {
  const a = createSandbox({ seed: 3, now: T0 });
  const b = createSandbox({ seed: 3, now: T0 });
  a.exec("kubectl run redis --image=redis", { now: T0 });
  b.exec("kubectl run redis --image=redis", { now: T0 });
  const first = clusterViewOf(a);
  expect(first.tag).toMatch(/^[0-9a-z]+\.[0-9a-z]+$/);
  expect(clusterViewOf(b).tag).toBe(first.tag); // another sandbox (or instance) with the same picture
  a.advanceTo(T0 + 60_000); // ContainerCreating → Running
  const running = clusterViewOf(a);
  expect(running.nodes.flatMap((n) => n.pods).find((p) => p.name === "redis")?.status).toBe("Running");
  expect(running.tag).not.toBe(first.tag);
  a.exec("kubectl label pod redis a=b", { now: T0 + 61_000 }); // a new resourceVersion, the same picture
  const labelled = clusterViewOf(a);
  expect(labelled.now).not.toBe(running.now);
  expect(labelled.tag).toBe(running.tag); // the clock alone does not change the tag
  a.exec("kubectl delete pod redis --now", { now: T0 + 62_000 });
  expect(clusterViewOf(a).tag).not.toBe(running.tag);
});
