import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";

function session() {
  const s = createSandbox({ seed: 4, now: Date.parse("2026-03-01T10:00:00Z") });
  return (line: string) => s.exec(line, { now: s.now() });
}

describe("kubectl events", () => {
  test("lists the namespace's events oldest first with Kind/name objects", () => {
    const run = session();
    run("kubectl run web --image=nginx");
    run("sleep 30");
    const all = run("kubectl events").output.trimEnd().split("\n");
    expect(all[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    // Node events of the bootstrap come first; then the pod's, in time order.
    const lines = all.filter((l) => l.includes("Pod/web"));
    expect(lines.some((l) => /^30s\s+Normal\s+Scheduled\s+Pod\/web\s+Successfully assigned default\/web to node0\d$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/Started\s+Pod\/web\s+Started container web$/);
  });

  test("--for narrows to one object, --types to Warnings, and an empty namespace says so", () => {
    const run = session();
    run("kubectl run web --image=nginx");
    run("kubectl run bad --image=nosuchimage321");
    run("sleep 60");
    const forBad = run("kubectl events --for=pod/bad").output;
    expect(forBad).not.toContain("Pod/web");
    expect(forBad).toContain("Pod/bad");
    const warnings = run("kubectl events --types=Warning").output.trimEnd().split("\n").slice(1);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((l) => /\sWarning\s/.test(l))).toBe(true);
    expect(run("kubectl events -n kube-public")).toMatchObject({ output: "No events found in kube-public namespace.\n", exitCode: 0 });
  });

  test("bad flags fail with kubectl's messages", () => {
    const run = session();
    expect(run("kubectl events --types=Info")).toMatchObject({ output: "error: valid --types are Normal or Warning\n", exitCode: 1 });
    expect(run("kubectl events --for=pods").output).toBe("error: --for must be in resource/name form\n");
  });

  test("get events --sort-by=.metadata.creationTimestamp orders by creation", () => {
    const run = session();
    run("kubectl run a --image=nginx");
    run("sleep 5");
    run("kubectl run b --image=nginx");
    run("sleep 20");
    const out = run("kubectl get events --sort-by=.metadata.creationTimestamp").output;
    expect(out.indexOf("pod/a")).toBeLessThan(out.indexOf("pod/b"));
  });
});
