import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { newFs, runOurs } from "./mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n";

function setup() {
  const cluster = createCluster({ seed: 31, topology: "default", now: NOW });
  const fs = newFs({ "pod.yaml": pod, "pod-new-image.yaml": pod.replace("image: nginx", "image: nginx:1.27"), "gone.yaml": pod.replace("name: p", "name: gone") });
  const k = (...args: string[]) => runOurs(args, { cluster, fs });
  k("create", "-f", "pod.yaml");
  return { k, live: () => cluster.api.store.get("/pods", "default", "p")! };
}

describe("kubectl patch", () => {
  test("a strategic patch in JSON or YAML changes the object; repeating it is patched (no change)", () => {
    const { k, live } = setup();
    expect(k("patch", "pod", "p", "-p", '{"metadata":{"labels":{"tier":"x"}}}')).toEqual({ stdout: "pod/p patched\n", stderr: "", code: 0 });
    expect(live().metadata.labels).toEqual({ app: "p", tier: "x" });
    expect(k("patch", "pod", "p", "-p", "metadata:\n  labels:\n    tier: x\n").stdout).toBe("pod/p patched (no change)\n");
  });

  test("--type=json applies RFC 6902 operations", () => {
    const { k, live } = setup();
    expect(k("patch", "pod/p", "--type=json", "-p", '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.27"}]').stdout).toBe("pod/p patched\n");
    expect(live().spec.containers[0].image).toBe("nginx:1.27");
  });

  test("missing patch, bad type and missing object are kubectl's errors", () => {
    const { k } = setup();
    expect(k("patch", "pod", "p").stderr).toBe("error: must specify --patch or --patch-file containing the contents of the patch\n");
    expect(k("patch", "pod", "p", "--type=bogus", "-p", "{}").stderr).toBe('error: --type must be one of [json merge strategic], not "bogus"\n');
    expect(k("patch", "pod", "nope", "-p", "{}")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
  });
});

describe("kubectl replace", () => {
  test("puts the file's object in place of the live one", () => {
    const cluster = createCluster({ seed: 32, topology: "default", now: NOW });
    const fs = newFs({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n", "cm2.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  b: \"2\"\n" });
    runOurs(["create", "-f", "cm.yaml"], { cluster, fs });
    expect(runOurs(["replace", "-f", "cm2.yaml"], { cluster, fs })).toEqual({ stdout: "configmap/cfg replaced\n", stderr: "", code: 0 });
    expect(cluster.api.store.get("/configmaps", "default", "cfg")!.data).toEqual({ b: "2" });
  });

  test("replacing a pod's spec from a bare manifest meets the pod update rule, as on a real cluster", () => {
    const { k } = setup();
    const r = k("replace", "-f", "pod-new-image.yaml");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });

  test("a missing object is reported with the file; no -f is kubectl's error", () => {
    const { k } = setup();
    expect(k("replace", "-f", "gone.yaml").stderr).toBe('Error from server (NotFound): error when replacing "gone.yaml": pods "gone" not found\n');
    expect(k("replace").stderr).toBe("error: must specify one of -f and -k\n");
  });

  test("--force deletes, waits, and creates the object again", () => {
    const { k, live } = setup();
    const uid = live().metadata.uid;
    expect(k("replace", "--force", "-f", "pod-new-image.yaml").stdout).toBe('pod "p" deleted\npod/p replaced\n');
    expect(live().metadata.uid).not.toBe(uid);
    expect(live().spec.containers[0].image).toBe("nginx:1.27");
  });
});
