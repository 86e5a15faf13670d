import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { newFs, runOurs } from "./mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function setup() {
  const cluster = createCluster({ seed: 41, topology: "default", now: NOW });
  const k = (...args: string[]) => runOurs(args, { cluster, fs: newFs() });
  return { cluster, k };
}

describe("kubectl run", () => {
  test("creates one pod with the run label and says pod/x created", () => {
    const { cluster, k } = setup();
    expect(k("run", "web", "--image=nginx", "--port=80")).toEqual({ stdout: "pod/web created\n", stderr: "", code: 0 });
    const pod = cluster.api.store.get("/pods", "default", "web")!;
    expect(pod.metadata.labels).toEqual({ run: "web" });
    expect(pod.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
  });

  test("a second run with the same name is AlreadyExists", () => {
    const { k } = setup();
    k("run", "web", "--image=nginx");
    expect(k("run", "web", "--image=nginx")).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): pods "web" already exists\n', code: 1 });
  });

  test("an invalid image reference is refused before anything is created", () => {
    const { cluster, k } = setup();
    expect(k("run", "web", "--image=Nginx")).toEqual({ stdout: "", stderr: 'error: Invalid image name "Nginx": invalid reference format\n', code: 1 });
    expect(cluster.api.store.get("/pods", "default", "web")).toBeUndefined();
  });

  test("--expose creates the service first, then the pod", () => {
    const { cluster, k } = setup();
    expect(k("run", "web", "--image=nginx", "--port=80", "--expose").stdout).toBe("service/web created\npod/web created\n");
    expect(cluster.api.store.get("/services", "default", "web")!.spec.selector).toEqual({ run: "web" });
  });

  test("-i --rm with --restart=Never waits for the pod, prints its output and deletes it", () => {
    const { cluster, k } = setup();
    const r = k("run", "tmp", "--rm", "-i", "--image=busybox", "--restart=Never", "--", "echo", "hello");
    expect(r.stdout).toBe('hello\npod "tmp" deleted\n');
    expect(r.code).toBe(0);
    cluster.advanceTo(cluster.now() + 60_000);
    expect(cluster.api.store.get("/pods", "default", "tmp")).toBeUndefined();
  });
});
