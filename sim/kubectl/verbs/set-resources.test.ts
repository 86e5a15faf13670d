import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";

function session() {
  const s = createSandbox({ seed: 9, now: Date.parse("2026-03-01T10:00:00Z") });
  return (line: string) => s.exec(line, { now: s.now() });
}

describe("kubectl set resources", () => {
  test("sets limits and requests on the template's containers and rolls the deployment", () => {
    const run = session();
    run("kubectl create deployment web --image=nginx");
    expect(run("kubectl set resources deploy web --limits=cpu=200m,memory=128Mi --requests=cpu=100m")).toMatchObject({ output: "deployment.apps/web resource requirements updated\n", exitCode: 0 });
    const c = JSON.parse(run("kubectl get deploy web -o json").output).spec.template.spec.containers[0];
    expect(c.resources).toEqual({ limits: { cpu: "200m", memory: "128Mi" }, requests: { cpu: "100m", memory: "128Mi" } });
    // (memory request defaulted from the limit by the API server)
    // Unchanged: nothing to patch, nothing printed.
    expect(run("kubectl set resources deploy web --limits=cpu=200m")).toMatchObject({ output: "", exitCode: 0 });
  });

  test("argument errors are kubectl's", () => {
    const run = session();
    run("kubectl create deployment web --image=nginx");
    expect(run("kubectl set resources deploy web").output).toBe("error: you must specify an update to requests or limits (in the form of --requests/--limits)\n");
    expect(run("kubectl set resources deploy web --limits=cpu").output).toBe("error: Invalid argument syntax cpu, expected <resource>=<value>\n");
    expect(run("kubectl set resources deploy web -c nope --limits=cpu=1")).toMatchObject({ output: "error: unable to find container named nope\n", exitCode: 1 });
  });
});
