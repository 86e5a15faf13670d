import { describe, expect, test } from "vitest";
import { execInContainer, type ContainerContext } from "./container-exec";
import { bareCluster } from "./test-shell";

const ctx: ContainerContext = {
  files: { "/etc/hostname": "web-1\n", "/usr/share/nginx/html/index.html": "<h1>hi</h1>\n" },
  env: { PATH: "/usr/local/bin:/usr/bin:/bin", HOSTNAME: "web-1", GREETING: "hello" },
  hostname: "web-1",
  workingDir: "/usr/share/nginx/html",
};

const run = (...argv: string[]) => execInContainer(ctx, argv, "", bareCluster());

describe("running a command inside a container (pods/exec)", () => {
  test("sees the container's files, working directory, env and hostname", () => {
    expect(run("cat", "index.html")).toEqual({ stdout: "<h1>hi</h1>\n", stderr: "", exitCode: 0 });
    expect(run("sh", "-c", "pwd; hostname; echo $GREETING").stdout).toBe("/usr/share/nginx/html\nweb-1\nhello\n");
    expect(run("printenv", "GREETING").stdout).toBe("hello\n");
  });

  test("ls of the root shows the usual directories, one per line as without a tty", () => {
    expect(run("ls", "/").stdout.split("\n")).toEqual(expect.arrayContaining(["bin", "etc", "usr", "var", "tmp"]));
  });

  test("a missing executable fails before any shell runs, as runc reports it", () => {
    expect(run("nosuch")).toEqual({
      stdout: "",
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown\n',
      exitCode: 126,
    });
  });

  test("inside sh, an unknown command is dash's `not found` with status 127", () => {
    expect(run("sh", "-c", "nosuch")).toEqual({ stdout: "", stderr: "sh: 1: nosuch: not found\n", exitCode: 127 });
  });

  test("exit codes and stderr come back to the caller", () => {
    expect(run("sh", "-c", "echo out; echo err >&2; exit 3")).toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 3 });
    expect(run("cat", "/nope")).toEqual({ stdout: "", stderr: "cat: /nope: No such file or directory\n", exitCode: 1 });
  });

  test("an interactive shell request explains how to run commands instead", () => {
    const r = run("sh");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^interactive shells are not available in this terminal/);
  });
});
