import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "sim-cli-"));

function sim(args: string[], input?: string) {
  const r = spawnSync("npx", ["tsx", "sim/cli.ts", ...args], { encoding: "utf8", cwd: join(__dirname, ".."), input });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function script(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("headless runner", () => {
  test("--json prints only a JSON array with one object per command", () => {
    const file = script("a.sh", "# comment\n\necho hello\ncat <<EOF > /tmp/p.yaml\nkind: Pod\nEOF\ncat /tmp/p.yaml\nsleep 10\ndate\nnosuch\n");
    const r = sim(["--script", file, "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { command: "echo hello", output: "hello", exitCode: 0 },
      { command: "cat <<EOF > /tmp/p.yaml\nkind: Pod\nEOF", output: "", exitCode: 0 },
      { command: "cat /tmp/p.yaml", output: "kind: Pod", exitCode: 0 },
      { command: "sleep 10", output: "", exitCode: 0 },
      { command: "date", output: "Thu Jan  1 00:00:10 UTC 2026", exitCode: 0 },
      { command: "nosuch", output: "bash: nosuch: command not found", exitCode: 127 },
    ]);
  }, 30_000);

  test("without --json it prints a transcript with prompts", () => {
    const r = sim(["--script", script("b.sh", "echo hi\nfalse\n")]);
    expect(r.stdout).toBe("controlplane $ echo hi\nhi\ncontrolplane $ false\n");
  }, 30_000);

  test("--topology and --seed are honoured", () => {
    const r = sim(["--script", script("c.sh", "hostname\n"), "--topology", "minikube", "--seed", "5", "--json"]);
    expect(JSON.parse(r.stdout)[0].output).toBe("minikube");
  }, 30_000);

  test("a missing script or a bad flag prints to stderr and exits 2", () => {
    const missing = sim(["--script", join(dir, "none.sh"), "--json"]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/cannot read script/);
    const bad = sim(["--frobnicate"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown argument "--frobnicate"/);
  }, 30_000);

  test("the REPL reads lines, continues heredocs and prints each output after the prompt", () => {
    const r = sim([], "echo hi\ncat <<EOF\nbody\nEOF\nexit\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("controlplane $ hi\n");
    expect(r.stdout).toContain("> > body\n");
  }, 30_000);
});
