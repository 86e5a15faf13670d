import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { newFs, runOurs } from "./mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function setup() {
  const cluster = createCluster({ seed: 5, topology: "default", now: NOW });
  const fs = newFs();
  const k = (...args: string[]) => runOurs(args, { cluster, fs });
  k("run", "web", "--image=nginx", "--labels=app=web");
  return { cluster, k, pod: () => cluster.api.store.get("/pods", "default", "web")! };
}

describe("kubectl label", () => {
  test("adds a label, then reports not labeled when nothing changes", () => {
    const { k, pod } = setup();
    expect(k("label", "pod", "web", "tier=frontend")).toEqual({ stdout: "pod/web labeled\n", stderr: "", code: 0 });
    expect(pod().metadata.labels).toEqual({ app: "web", tier: "frontend" });
    expect(k("label", "pod/web", "tier=frontend").stdout).toBe("pod/web not labeled\n");
  });

  test("refuses to change a value without --overwrite, with kubectl's words", () => {
    const { k, pod } = setup();
    expect(k("label", "pod", "web", "app=db")).toEqual({ stdout: "", stderr: "error: 'app' already has a value (web), and --overwrite is false\n", code: 1 });
    expect(k("label", "pod", "web", "app=db", "--overwrite").stdout).toBe("pod/web labeled\n");
    expect(pod().metadata.labels!.app).toBe("db");
  });

  test("key- removes a label and says unlabeled", () => {
    const { k, pod } = setup();
    expect(k("label", "pod", "web", "app-").stdout).toBe("pod/web unlabeled\n");
    expect(pod().metadata.labels ?? {}).toEqual({});
  });

  test("--list prints the labels; bad values and missing updates are kubectl's errors", () => {
    const { k } = setup();
    expect(k("label", "pod", "web", "--list").stdout).toBe("app=web\n");
    expect(k("label", "pod", "web").stderr).toBe("error: at least one label update is required\n");
    expect(k("label", "pod", "web", "a=b c").stderr).toMatch(/^error: invalid label value: "a=b c": a valid label must be an empty string/);
    expect(k("label", "pod", "nope", "a=b").stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  test("-l and --all label every match", () => {
    const { k } = setup();
    k("run", "db", "--image=redis", "--labels=app=db");
    expect(k("label", "pods", "--all", "env=dev").stdout).toBe("pod/db labeled\npod/web labeled\n");
    expect(k("label", "pods", "-l", "app=db", "env=prod", "--overwrite").stdout).toBe("pod/db labeled\n");
  });
});

describe("kubectl annotate", () => {
  test("adds and overwrites annotations; any existing key needs --overwrite", () => {
    const { k, pod } = setup();
    expect(k("annotate", "pod", "web", "description=my frontend").stdout).toBe("pod/web annotated\n");
    expect(pod().metadata.annotations).toEqual({ description: "my frontend" });
    expect(k("annotate", "pod", "web", "description=my frontend").stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n");
    expect(k("annotate", "pod", "web", "description-").stdout).toBe("pod/web annotated\n");
  });
});
