import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { newFs, runOurs } from "./mutating-test-kit";
import { LAST_APPLIED } from "../mutate/last-applied";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

const deployment = (image: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

function setup(files: Record<string, string>) {
  const cluster = createCluster({ seed: 7, topology: "default", now: NOW });
  const fs = newFs(files);
  const k = (...args: string[]) => runOurs(args, { cluster, fs });
  return { cluster, fs, k };
}

describe("kubectl apply", () => {
  test("creates, then reports unchanged, then configured after the file changes", () => {
    const { cluster, fs, k } = setup({ "web.yaml": deployment("nginx:1.25") });
    expect(k("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web created\n", stderr: "", code: 0 });
    expect(k("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web unchanged\n", stderr: "", code: 0 });
    fs.write("/root/web.yaml", deployment("nginx:1.27"));
    expect(k("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web configured\n", stderr: "", code: 0 });
    const live = cluster.api.store.get("apps/deployments", "default", "web")!;
    expect(live.spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect(JSON.parse(live.metadata.annotations![LAST_APPLIED]).spec.template.spec.containers[0].image).toBe("nginx:1.27");
  });

  test("the last-applied annotation holds the file as sorted JSON with the namespace filled in", () => {
    const { cluster, k } = setup({ "web.yaml": deployment("nginx") });
    k("apply", "-f", "web.yaml");
    const live = cluster.api.store.get("apps/deployments", "default", "web")!;
    expect(live.metadata.annotations![LAST_APPLIED]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx","name":"nginx"}]}}}}\n',
    );
  });

  test("a scale done with kubectl scale is undone by re-applying a file that sets replicas", () => {
    const { cluster, k } = setup({ "web.yaml": deployment("nginx", 2) });
    k("apply", "-f", "web.yaml");
    const d = cluster.api.store.get("apps/deployments", "default", "web")!;
    d.spec.replicas = 5;
    cluster.request({ method: "PUT", path: "/apis/apps/v1/namespaces/default/deployments/web", body: d });
    expect(k("apply", "-f", "web.yaml").stdout).toBe("deployment.apps/web configured\n");
    expect(cluster.api.store.get("apps/deployments", "default", "web")!.spec.replicas).toBe(2);
  });

  test("applying to an object made by create warns about the missing annotation and patches it", () => {
    const { cluster, k } = setup({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n" });
    k("create", "-f", "cm.yaml");
    const r = k("apply", "-f", "cm.yaml");
    expect(r.stderr).toBe(
      "Warning: resource configmaps/cfg is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
    );
    expect(r.stdout).toBe("configmap/cfg configured\n");
    expect(cluster.api.store.get("/configmaps", "default", "cfg")!.metadata.annotations![LAST_APPLIED]).toContain('"name":"cfg"');
  });

  test("multi-document files, Lists and stdin are applied one object after another", () => {
    const multi = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n";
    const { cluster, k } = setup({ "m.yaml": multi });
    expect(k("apply", "-f", "m.yaml").stdout).toBe("configmap/a created\nconfigmap/b created\n");
    const r = runOurs(["apply", "-f", "-"], { cluster, stdin: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}' });
    expect(r.stdout).toBe("configmap/c created\n");
  });

  test("a directory is applied file by file in name order", () => {
    const { k } = setup({
      "app/b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
      "app/a.json": '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}',
      "app/notes.txt": "ignored",
    });
    expect(k("apply", "-f", "app").stdout).toBe("configmap/a created\nconfigmap/b created\n");
  });

  test("--dry-run=client changes nothing and says so", () => {
    const { cluster, k } = setup({ "web.yaml": deployment("nginx") });
    expect(k("apply", "-f", "web.yaml", "--dry-run=client").stdout).toBe("deployment.apps/web created (dry run)\n");
    expect(cluster.api.store.get("apps/deployments", "default", "web")).toBeUndefined();
  });

  test("a missing file, no -f, and broken YAML fail with kubectl's messages and change nothing", () => {
    const { cluster, k } = setup({ "bad.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    labels: a\n", "nokind.yaml": "apiVersion: v1\nmetadata:\n  name: x\n" });
    expect(k("apply", "-f", "nothere.yaml")).toEqual({ stdout: "", stderr: 'error: the path "nothere.yaml" does not exist\n', code: 1 });
    expect(k("apply")).toEqual({ stdout: "", stderr: "error: must specify one of -f and -k\n", code: 1 });
    expect(k("apply", "-f", "bad.yaml").stderr).toBe("error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n");
    expect(k("apply", "-f", "nokind.yaml").stderr).toBe('error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n');
    expect(cluster.api.store.get("/pods", "default", "x")).toBeUndefined();
  });

  test("an unknown kind is reported and the other documents still apply", () => {
    const { k } = setup({ "m.yaml": "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n" });
    const r = k("apply", "-f", "m.yaml");
    expect(r.stdout).toBe("configmap/ok created\n");
    expect(r.stderr).toBe('error: resource mapping not found for name: "x" namespace: "" from "m.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n');
    expect(r.code).toBe(1);
  });

  test("view-last-applied prints the annotation as YAML, or says there is none", () => {
    const { k } = setup({ "web.yaml": deployment("nginx"), "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n" });
    k("apply", "-f", "web.yaml");
    k("create", "-f", "cm.yaml");
    expect(k("apply", "view-last-applied", "deployment/web").stdout).toBe(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations: {}\n  name: web\n  namespace: default\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n",
    );
    expect(k("apply", "view-last-applied", "configmap/plain").stderr).toBe("error: no last-applied-configuration annotation found on resource: plain\n");
  });

  test("create --save-config records the annotation so a later apply sees no change", () => {
    const { k } = setup({ "web.yaml": deployment("nginx") });
    expect(k("create", "-f", "web.yaml", "--save-config").stdout).toBe("deployment.apps/web created\n");
    expect(k("apply", "-f", "web.yaml")).toEqual({ stdout: "deployment.apps/web unchanged\n", stderr: "", code: 0 });
  });

  test("an object's namespace that differs from an explicit -n is refused", () => {
    const { k } = setup({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: kube-system\n" });
    expect(k("apply", "-f", "cm.yaml", "-n", "default").stderr).toBe(
      "error: the namespace from the provided object \"kube-system\" does not match the namespace \"default\". You must pass '--namespace=kube-system' to perform this operation.\n",
    );
  });
});
