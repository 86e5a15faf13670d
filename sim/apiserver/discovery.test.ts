import { describe, expect, test } from "vitest";
import { discoveryDocument } from "./discovery";

function names(path: string): string[] {
  const doc = discoveryDocument(path) as { resources: { name: string }[] };
  return doc.resources.map((r) => r.name);
}

describe("discovery resource lists", () => {
  test("a group version lists its resources by name as kube-apiserver does (apps: daemonsets before deployments)", () => {
    const apps = names("/apis/apps/v1").filter((n) => !n.includes("/"));
    expect(apps).toEqual([...apps].sort());
    expect(apps.indexOf("daemonsets")).toBeLessThan(apps.indexOf("deployments"));
    expect(apps.indexOf("deployments")).toBeLessThan(apps.indexOf("replicasets"));
  });

  test("subresources follow their resource, before the next resource whose name extends it", () => {
    const core = names("/api/v1");
    expect(core).toEqual([...core].sort());
    const pods = core.indexOf("pods");
    expect(core[pods + 1].startsWith("pods/")).toBe(true);
    expect(core.slice(core.indexOf("services"), core.indexOf("services") + 3)).toEqual(["services", "services/proxy", "services/status"]);
    expect(core.indexOf("serviceaccounts")).toBeLessThan(core.indexOf("services"));
    expect(core.indexOf("deployments")).toBe(-1);
  });
});
