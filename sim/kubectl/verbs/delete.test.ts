import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { newFs, runOurs } from "./mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function setup(files: Record<string, string> = {}) {
  const cluster = createCluster({ seed: 3, topology: "default", now: NOW });
  const fs = newFs(files);
  const k = (...args: string[]) => runOurs(args, { cluster, fs });
  return { cluster, fs, k };
}

const podNames = (cluster: ReturnType<typeof createCluster>) => cluster.api.store.list("/pods", "default").map((p) => p.metadata.name);

describe("kubectl delete", () => {
  test("deletes a pod by name, prints v1.32's line, and returns once the pod is gone", () => {
    const { cluster, k } = setup();
    k("run", "web", "--image=nginx");
    cluster.advanceTo(NOW + 30_000);
    const before = cluster.now();
    expect(k("delete", "pod", "web")).toEqual({ stdout: 'pod "web" deleted\n', stderr: "", code: 0 });
    expect(podNames(cluster)).not.toContain("web");
    expect(cluster.now()).toBeGreaterThanOrEqual(before);
  });

  test("a missing name is an error for that name only; the others are still deleted", () => {
    const { cluster, k } = setup();
    k("run", "a", "--image=nginx");
    const r = k("delete", "pod", "nope", "a");
    expect(r.stdout).toBe('pod "a" deleted\n');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.code).toBe(1);
    expect(podNames(cluster)).not.toContain("a");
  });

  test("delete all --all -n x expands the all category: pods, then the deployment (its ReplicaSet goes with it)", () => {
    const { cluster, k } = setup();
    k("create", "namespace", "team");
    k("create", "deployment", "cache", "--image=redis", "-n", "team");
    k("run", "solo", "--image=nginx", "-n", "team");
    cluster.advanceTo(NOW + 30_000);
    const pod = cluster.api.store.list("/pods", "team").find((p) => p.metadata.name!.startsWith("cache-"))!.metadata.name;
    const r = k("delete", "all", "--all", "-n", "team");
    expect(r).toEqual({ stdout: `pod "${pod}" deleted\npod "solo" deleted\ndeployment.apps "cache" deleted\n`, stderr: "", code: 0 });
    expect(cluster.api.store.list("apps/replicasets", "team")).toEqual([]);
  });

  test("--ignore-not-found is silent about missing objects", () => {
    const { k } = setup();
    expect(k("delete", "pod", "nope", "--ignore-not-found")).toEqual({ stdout: "", stderr: "", code: 0 });
  });

  test("TYPE/NAME, -l and --all select what to delete", () => {
    const { cluster, k } = setup();
    k("run", "a", "--image=nginx", "--labels=tier=x");
    k("run", "b", "--image=nginx", "--labels=tier=x");
    k("run", "c", "--image=nginx");
    k("create", "configmap", "cfg", "--from-literal=a=1");
    expect(k("delete", "configmap/cfg").stdout).toBe('configmap "cfg" deleted\n');
    expect(k("delete", "pods", "-l", "tier=x").stdout).toBe('pod "a" deleted\npod "b" deleted\n');
    expect(k("delete", "pods", "--all").stdout).toBe('pod "c" deleted\n');
    expect(podNames(cluster)).toEqual([]);
    expect(k("delete", "pods", "--all")).toEqual({ stdout: "No resources found\n", stderr: "", code: 0 });
  });

  test("a deployment's name is qualified by its group", () => {
    const { k } = setup();
    k("create", "deployment", "web", "--image=nginx");
    expect(k("delete", "deployment", "web").stdout).toBe('deployment.apps "web" deleted\n');
  });

  test("--force --grace-period=0 warns and says force deleted", () => {
    const { cluster, k } = setup();
    k("run", "web", "--image=nginx");
    const r = k("delete", "pod", "web", "--force", "--grace-period=0");
    expect(r.stderr).toBe("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
    expect(r.stdout).toBe('pod "web" force deleted\n');
    expect(podNames(cluster)).toEqual([]);
  });

  test("objects from a file are deleted, a missing one reported with the file name", () => {
    const { k } = setup({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n" });
    k("create", "-f", "cm.yaml");
    expect(k("delete", "-f", "cm.yaml").stdout).toBe('configmap "cfg" deleted\n');
    expect(k("delete", "-f", "cm.yaml").stderr).toBe('Error from server (NotFound): error when deleting "cm.yaml": configmaps "cfg" not found\n');
  });

  test("without arguments, or with a type but no name, kubectl's usage errors", () => {
    const { k } = setup();
    expect(k("delete")).toEqual({
      stdout: "",
      stderr: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      code: 1,
    });
    expect(k("delete", "pods").stderr).toBe("error: resource(s) were provided, but no name was specified\n");
    expect(k("delete", "pod", "x", "--now", "--grace-period=5").stderr).toBe("error: --now and --grace-period cannot be specified together\n");
  });

  test("--dry-run=client deletes nothing", () => {
    const { cluster, k } = setup();
    k("run", "web", "--image=nginx");
    expect(k("delete", "pod", "web", "--dry-run=client").stdout).toBe('pod "web" deleted (dry run)\n');
    expect(podNames(cluster)).toEqual(["web"]);
  });
});
