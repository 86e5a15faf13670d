import { describe, expect, test } from "vitest";
import { executeJsonPath, jsonPathExecErrorText, parseJsonPath, relaxedJsonPath } from "./jsonpath";
import { runRealKubectlOffline } from "../../testing/http-adapter";

const DEPLOY = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { creationTimestamp: null, labels: { app: "x" }, name: "x" },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "x" } },
    strategy: {},
    template: { metadata: { creationTimestamp: null, labels: { app: "x" } }, spec: { containers: [{ image: "nginx", name: "nginx", resources: {} }] } },
  },
  status: {},
};

function run(template: string, data: unknown = DEPLOY): string {
  return executeJsonPath(parseJsonPath(template), data);
}

const PODS = {
  items: [
    { metadata: { name: "a" }, status: { conditions: [{ type: "Ready", status: "True" }, { type: "PodScheduled", status: "True" }] }, spec: { containers: [{ name: "c1", image: "nginx" }, { name: "c2", image: "redis" }] } },
    { metadata: { name: "b" }, status: { conditions: [{ type: "Ready", status: "False" }] }, spec: { containers: [{ name: "c1", image: "busybox" }] } },
  ],
};

describe("kubectl's JSONPath dialect", () => {
  test("fields, wildcards and ranges print as kubectl prints them", () => {
    expect(run("{.items[*].metadata.name}", PODS)).toBe("a b");
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[*].image}{"\\n"}{end}', PODS)).toBe("a\tnginx redis\nb\tbusybox\n");
    expect(run('{.items[?(@.status.conditions[0].status=="True")].metadata.name}', PODS)).toBe("a");
    expect(run("{.items[-1:].metadata.name}", PODS)).toBe("b");
    expect(run("{.items[0,1].spec.containers[0].name}", PODS)).toBe("c1 c1");
    expect(run("{..image}", PODS)).toBe("nginx redis busybox");
    expect(run("{.items[0].spec.containers[1]['image']}", PODS)).toBe("redis");
  });

  test("nested ranges iterate inner lists for each outer item", () => {
    expect(run('{range .items[*]}{.metadata.name}:{range .spec.containers[*]}{.name},{end};{end}', PODS)).toBe("a:c1,c2,;b:c1,;");
  });

  test("a range without items skips its body; one without {end} runs the rest once more outside", () => {
    expect(run('{range .nothing[*]}{.name}{end}done', PODS)).toBe("done");
    expect(run('{range .items[*]}{.metadata.name},', PODS)).toBe("a,b,,");
  });

  test("a missing field prints nothing and maps print as compact JSON", () => {
    expect(run("{.metadata.nope}")).toBe("");
    expect(run("{.metadata.labels}")).toBe('{"app":"x"}');
    expect(run("{.metadata.creationTimestamp}")).toBe("null");
  });

  test("--sort-by and custom-columns accept relaxed paths", () => {
    expect(relaxedJsonPath(".metadata.name")).toBe("{.metadata.name}");
    expect(relaxedJsonPath("metadata.name")).toBe("{.metadata.name}");
    expect(relaxedJsonPath("{.metadata.name}")).toBe("{.metadata.name}");
  });

  test("an index out of range explains itself with the object in Go syntax", () => {
    const jp = parseJsonPath("{.spec.template.spec.containers[5]}");
    let err: Error | undefined;
    try {
      executeJsonPath(jp, DEPLOY);
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toBe("array index out of bounds: index 5, length 1");
    expect(jsonPathExecErrorText(jp.template, err!, DEPLOY)).toContain('map[string]interface {}{"apiVersion":"apps/v1", "kind":"Deployment", "metadata":map[string]interface {}{"creationTimestamp":interface {}(nil)');
  });

  test.each([
    "{.metadata.labels}",
    "{.spec.template.spec.containers}",
    "{.spec.replicas}",
    "{.metadata.creationTimestamp}",
    "{.items[5]}",
    "{.spec.template.spec.containers[5]}",
    "{.items[}",
    "{.metadata.nope}",
    '{range .spec.template.spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}',
    "{..image}",
    '{.spec.template.spec.containers[?(@.name=="nginx")].image}',
    "{.spec.strategy}",
    "{.metadata.name} {.kind}",
    "{$.kind}",
    "{.foo",
    "{.spec.selector.matchLabels[*]}",
    "{.metadata[name]}",
    "{.metadata['name']}",
    "{end}",
    "{@}",
  ])("-o jsonpath=%s matches the real kubectl on the same object", (template) => {
    const real = runRealKubectlOffline(["create", "deployment", "x", "--image=nginx", "--replicas=2", "--dry-run=client", "-o", `jsonpath=${template}`]);
    if (!real) return;
    const direct = (() => {
      try {
        return { out: run(template), err: "" };
      } catch (e) {
        return { out: "", err: (e as Error).message };
      }
    })();
    if (real.code === 0) expect(direct).toEqual({ out: real.stdout, err: "" });
    else expect(real.stderr).toContain(direct.err);
  });
});
