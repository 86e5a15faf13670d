import { describe, expect, test } from "vitest";
import { createSandbox } from "../../index";
import { unifiedHunks } from "../output/unified-diff";

function session() {
  const s = createSandbox({ seed: 6, now: Date.parse("2026-03-01T10:00:00Z") });
  return (line: string) => s.exec(line, { now: s.now() });
}

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: nginx, image: nginx}]
`;

describe("kubectl diff", () => {
  test("no difference: no output and exit 0", () => {
    const run = session();
    run(`cat > web.yaml <<'EOF'\n${deployment(2)}EOF`);
    run("kubectl apply -f web.yaml");
    expect(run("kubectl diff -f web.yaml")).toMatchObject({ output: "", exitCode: 0 });
  });

  test("a changed field shows as a unified diff of live and merged with diff -u -N headers, exit 1", () => {
    const run = session();
    run(`cat > web.yaml <<'EOF'\n${deployment(2)}EOF`);
    run("kubectl apply -f web.yaml");
    run(`cat > web.yaml <<'EOF'\n${deployment(5)}EOF`);
    const r = run("kubectl diff -f web.yaml");
    expect(r.exitCode).toBe(1);
    const lines = r.output.split("\n");
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web$/);
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t2026-03-01 10:00:00\.\d{9} \+0000$/);
    expect(lines[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-/);
    expect(r.output).toContain("\n-  replicas: 2\n+  replicas: 5\n");
    expect(r.output).toContain("\n-  generation: 1\n+  generation: 2\n");
    // Nothing was changed on the server.
    expect(run("kubectl get deploy web -o jsonpath={.spec.replicas}").output).toBe("2");
  });

  test("a new object diffs against an empty live file", () => {
    const run = session();
    run(`cat > cm.yaml <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "1"}\nEOF`);
    const r = run("kubectl diff -f cm.yaml");
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/@@ -0,0 \+1,\d+ @@\n\+apiVersion: v1\n/);
    expect(run("kubectl get cm cfg 2>&1").output).toContain("NotFound");
  });

  test("without -f it is kubectl's error with exit 2", () => {
    expect(session()("kubectl diff")).toMatchObject({ output: "error: must specify one of -f and -k\n", exitCode: 2 });
  });
});

describe("unified diff hunks", () => {
  test("context of three lines, merged nearby changes, GNU ranges", () => {
    const a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    const b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
    expect(unifiedHunks(a, b)).toBe("@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    expect(unifiedHunks("x\n", "x\n")).toBe("");
    expect(unifiedHunks("a\n", "")).toBe("@@ -1 +0,0 @@\n-a\n");
  });
});
