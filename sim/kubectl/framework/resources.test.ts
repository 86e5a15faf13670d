import { describe, expect, test } from "vitest";
import { ALL_CATEGORY, lookupResource, nameOf, parseTargets, resolveResource } from "./resources";

describe("resource names as kubectl resolves them", () => {
  test.each([
    ["pods", "Pod"], ["pod", "Pod"], ["po", "Pod"], ["Pod", "Pod"], ["PODS", "Pod"],
    ["deploy", "Deployment"], ["deployments.apps", "Deployment"], ["deploy.apps", "Deployment"], ["deployments.v1.apps", "Deployment"],
    ["svc", "Service"], ["ns", "Namespace"], ["no", "Node"], ["cm", "ConfigMap"], ["rs", "ReplicaSet"], ["ds", "DaemonSet"],
    ["ep", "Endpoints"], ["sa", "ServiceAccount"], ["ev", "Event"], ["pods.core", "Pod"], ["endpointslices.discovery.k8s.io", "EndpointSlice"],
  ])("%s is a %s", (word, kind) => {
    expect(lookupResource(word)?.kind).toBe(kind);
  });

  test("an unknown type fails with the server's words, naming the group when one was given", () => {
    expect(() => resolveResource("foo")).toThrow(`the server doesn't have a resource type "foo"`);
    expect(() => resolveResource("foo.apps")).toThrow(`the server doesn't have a resource type "foo" in group "apps"`);
  });

  test("-o name prefixes use the lower-case kind and the group", () => {
    expect(nameOf(resolveResource("deploy"), "web")).toBe("deployment.apps/web");
    expect(nameOf(resolveResource("po"), "web")).toBe("pod/web");
  });

  test("TYPE NAME..., TYPE/NAME... and TYPE1,TYPE2 NAME forms", () => {
    const names = (args: string[]) => parseTargets(args, { allowAll: true }).map((t) => `${t.kind.resource}/${t.name ?? "*"}`);
    expect(names(["pods", "a", "b"])).toEqual(["pods/a", "pods/b"]);
    expect(names(["pod/a", "svc/b"])).toEqual(["pods/a", "services/b"]);
    expect(names(["pods,svc"])).toEqual(["pods/*", "services/*"]);
    expect(names(["pods,svc", "x"])).toEqual(["pods/x", "services/x"]);
    expect(() => names(["pods/a", "svc"])).toThrow("there is no need to specify a resource type as a separate argument");
  });

  test("all expands to the all category in kubectl's order", () => {
    // Discovery order of a real v1.32 server: core first, then apps, autoscaling, batch (alphabetical within a group).
    expect(ALL_CATEGORY().map((k) => k.resource)).toEqual(["pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets", "horizontalpodautoscalers", "cronjobs", "jobs"]);
    expect(parseTargets(["all"], { allowAll: true })[0].kind.resource).toBe("pods");
  });
});
