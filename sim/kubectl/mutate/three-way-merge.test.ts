import { describe, expect, test } from "vitest";
import { createThreeWayMergePatch } from "./three-way-merge";
import { goJson, lastAppliedValue, withLastApplied, LAST_APPLIED } from "./last-applied";
import type { KubeObject } from "../../api/types";

const deploy = (image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image, ...extra }] } } },
});

describe("three-way strategic merge patch", () => {
  test("an unchanged file against a live object with server defaults gives an empty patch", () => {
    const file = deploy("nginx");
    const live = structuredClone(file) as any;
    live.spec.template.spec.containers[0].imagePullPolicy = "Always";
    live.spec.strategy = { type: "RollingUpdate" };
    live.status = { replicas: 2 };
    expect(createThreeWayMergePatch(file, file, live, "Deployment")).toEqual({});
  });

  test("a changed image patches the container by name with $setElementOrder, as kubectl sends it", () => {
    const patch = createThreeWayMergePatch(deploy("nginx"), deploy("nginx:1.25"), deploy("nginx"), "Deployment");
    expect(JSON.stringify(patch)).toBe('{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}');
  });

  test("a field dropped from the file since the last apply is set to null", () => {
    const original = deploy("nginx", { ports: [{ containerPort: 80 }] });
    const modified = deploy("nginx");
    const patch = createThreeWayMergePatch(original, modified, original, "Deployment");
    expect(JSON.stringify(patch)).toBe('{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"name":"nginx","ports":null}]}}}}');
  });

  test("a container removed from the file becomes a $patch: delete entry", () => {
    const two = deploy("nginx") as any;
    two.spec.template.spec.containers.push({ name: "side", image: "busybox" });
    const patch = createThreeWayMergePatch(two, deploy("nginx"), two, "Deployment") as any;
    expect(patch.spec.template.spec.containers).toEqual([{ $patch: "delete", name: "side" }]);
    expect(patch.spec.template.spec["$setElementOrder/containers"]).toEqual([{ name: "nginx" }]);
  });

  test("fields someone else set on the live object survive (no deletion without a last-applied entry)", () => {
    const live = deploy("nginx") as any;
    live.metadata.labels = { team: "a" };
    expect(createThreeWayMergePatch(deploy("nginx"), deploy("nginx"), live, "Deployment")).toEqual({});
  });

  test("replicas scaled on the server are put back when the file still says 2", () => {
    const live = deploy("nginx") as any;
    live.spec.replicas = 5;
    expect(createThreeWayMergePatch(deploy("nginx"), deploy("nginx"), live, "Deployment")).toEqual({ spec: { replicas: 2 } });
  });

  test("service ports merge by port number", () => {
    const svc = (ports: unknown[]): any => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports } });
    const patch = createThreeWayMergePatch(svc([{ port: 80 }]), svc([{ port: 80 }, { port: 443 }]), svc([{ port: 80, targetPort: 80, protocol: "TCP" }]), "Service") as any;
    expect(patch.spec.ports).toEqual([{ port: 443 }]);
    expect(patch.spec["$setElementOrder/ports"]).toEqual([{ port: 80 }, { port: 443 }]);
  });
});

describe("last-applied-configuration", () => {
  test("the annotation is sorted compact JSON with an empty annotations map and a newline", () => {
    const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "x", namespace: "default" }, spec: { containers: [{ name: "x", image: "nginx" }] } };
    expect(lastAppliedValue(pod)).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"x","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"x"}]}}\n');
    expect(withLastApplied(pod).metadata.annotations?.[LAST_APPLIED]).toBe(lastAppliedValue(pod));
  });

  test("HTML characters are escaped as Go's encoder escapes them", () => {
    expect(goJson({ a: "<b>&" })).toBe('{"a":"\\u003cb\\u003e\\u0026"}');
  });
});
