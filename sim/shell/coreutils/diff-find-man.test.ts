import { describe, expect, test } from "vitest";
import { testShell } from "../test-shell";
import { reverseSearch } from "../history-search";

describe("diff", () => {
  test("prints the normal format and exits 1 when the files differ, 0 when equal", () => {
    const { run } = testShell();
    run("printf 'a\\nb\\nc\\nd\\n' > /tmp/1; printf 'a\\nB\\nc\\nd\\ne\\n' > /tmp/2");
    expect(run("diff /tmp/1 /tmp/2")).toEqual({ out: "2c2\n< b\n---\n> B\n4a5\n> e\n", code: 1 });
    expect(run("diff /tmp/1 /tmp/1")).toEqual({ out: "", code: 0 });
    expect(run("diff -q /tmp/1 /tmp/2")).toEqual({ out: "Files /tmp/1 and /tmp/2 differ\n", code: 1 });
  });

  test("-u prints a unified hunk with deletions before additions", () => {
    const { run } = testShell();
    run("printf 'a\\nb\\nc\\n' > /tmp/1; printf 'a\\nB\\nc\\n' > /tmp/2");
    const { out } = run("diff -u /tmp/1 /tmp/2");
    expect(out.split("\n").slice(2).join("\n")).toBe("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    expect(out).toMatch(/^--- \/tmp\/1\t2026-11-25 22:21:12\.000000000 \+0000\n\+\+\+ \/tmp\/2\t/);
  });

  test("compares process substitutions and reports a missing file with status 2", () => {
    const { run } = testShell();
    expect(run("diff <(echo x) <(echo y)")).toEqual({ out: "1c1\n< x\n---\n> y\n", code: 1 });
    expect(run("diff /tmp/none /tmp/none2")).toEqual({ out: "diff: /tmp/none: No such file or directory\n", code: 2 });
    expect(run("ls /dev/fd").out).toBe("");
  });
});

describe("find", () => {
  test("lists a tree pre-order and filters by -name, -type and -maxdepth", () => {
    const { run } = testShell();
    run("mkdir -p /srv/a/b; touch /srv/a/x.yaml /srv/a/b/y.yaml /srv/z.txt");
    expect(run("find /srv").out).toBe("/srv\n/srv/a\n/srv/a/b\n/srv/a/b/y.yaml\n/srv/a/x.yaml\n/srv/z.txt\n");
    expect(run("find /srv -name '*.yaml'").out).toBe("/srv/a/b/y.yaml\n/srv/a/x.yaml\n");
    expect(run("find /srv -maxdepth 1 -type f").out).toBe("/srv/z.txt\n");
    expect(run("cd /srv && find . -type d").out).toBe(".\n./a\n./a/b\n");
    expect(run("find /nope")).toEqual({ out: "find: ‘/nope’: No such file or directory\n", code: 1 });
  });
});

describe("man", () => {
  test("shows kubectl's pages from its help texts and no others", () => {
    const { run } = testShell();
    const page = run("man kubectl-get").out;
    expect(page).toMatch(/^KUBECTL-GET\(1\) +Kubernetes User Manuals +KUBECTL-GET\(1\)\n\nNAME\n {7}kubectl-get - Display one or many resources\n/);
    expect(page).toContain("EXAMPLE\n       # List all pods in ps output format\n");
    expect(run("man kubectl").out).toContain("NAME\n       kubectl - kubectl controls the Kubernetes cluster manager\n");
    expect(run("man ls")).toEqual({ out: "No manual entry for ls\n", code: 16 });
  });
});

describe("reverse history search (Ctrl-R)", () => {
  test("finds the newest entry containing the query, then older ones", () => {
    const h = ["kubectl get pods", "echo hi", "kubectl get svc", "ls"];
    expect(reverseSearch(h, "get")).toEqual({ index: 2, entry: "kubectl get svc", at: 8 });
    expect(reverseSearch(h, "get", 2)).toEqual({ index: 0, entry: "kubectl get pods", at: 8 });
    expect(reverseSearch(h, "get", 0)).toBeUndefined();
    expect(reverseSearch(h, "nothing")).toBeUndefined();
  });
});
