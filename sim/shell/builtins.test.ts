import { describe, expect, test } from "vitest";
import { LimitError, LIMITS } from "../core/limits";
import { T0, testShell } from "./test-shell";

describe("shell builtins and the virtual clock", () => {
  test("sleep advances the clock by its argument, in GNU's units", () => {
    const { run, cluster } = testShell();
    expect(run("sleep 1.5 2m").code).toBe(0);
    expect(cluster.now()).toBe(T0 + 121_500);
    expect(run("sleep 1x")).toEqual({ out: "sleep: invalid time interval ‘1x’\nTry 'sleep --help' for more information.\n", code: 1 });
    expect(run("sleep 2d")).toEqual({ out: "sleep: sandbox limit reached: one sleep may last at most 24 hours (1d)\n", code: 1 });
    expect(run("sleep")).toEqual({ out: "sleep: missing operand\nTry 'sleep --help' for more information.\n", code: 1 });
  });

  test("timeout stops a sleeping command at its deadline with status 124", () => {
    const { run, cluster } = testShell();
    expect(run("timeout 5 sleep 60; echo $?").out).toBe("124\n");
    expect(cluster.now()).toBe(T0 + 5_000);
    expect(run("timeout 60 sleep 5; echo $?").out).toBe("0\n");
    expect(run("timeout 5 false; echo $?").out).toBe("1\n");
    expect(run("timeout x ls").out).toBe("timeout: invalid time interval ‘x’\nTry 'timeout --help' for more information.\n");
  });

  test("date prints the virtual time as date(1) does in UTC", () => {
    const { run } = testShell();
    expect(run("date").out).toBe("Wed Nov 25 22:21:12 UTC 2026\n");
    expect(run("date +%Y-%m-%dT%H:%M:%S").out).toBe("2026-11-25T22:21:12\n");
  });

  test("aliases expand the first word, including multi-word aliases", () => {
    const { run } = testShell();
    run("alias e='echo hi'; alias k=kubectl");
    expect(run("e there").out).toBe("hi there\n");
    expect(run("type k").out).toBe("k is aliased to `kubectl'\n");
    expect(run("unalias k; type k").out).toBe("bash: type: k: not found\n");
  });

  test("cd - returns to the previous directory and prints it", () => {
    const { run } = testShell();
    expect(run("cd /tmp; cd -; pwd").out).toBe("/root\n/root\n");
  });

  test("export marks variables for programs; a prefix assignment is for that command only", () => {
    const { run } = testShell();
    expect(run("A=1; printenv A; echo rc=$?").out).toBe("rc=1\n");
    expect(run("export A; printenv A").out).toBe("1\n");
    expect(run("B=2 printenv B; echo [$B]").out).toBe("2\n[]\n");
    expect(run("export 1x=2").out).toBe("bash: export: `1x=2': not a valid identifier\n");
  });

  test("subshells and command substitutions do not change the parent shell", () => {
    const { run } = testShell();
    expect(run("(cd /tmp; X=1); pwd; echo [$X]").out).toBe("/root\n[]\n");
    expect(run("echo $(cd /tmp; pwd) $(pwd)").out).toBe("/tmp /root\n");
  });

  test("sh -c and bash -c run a script in a child shell", () => {
    const { run } = testShell();
    expect(run("sh -c 'echo a; exit 4'; echo $?").out).toBe("a\n4\n");
  });

  test("which and type know builtins and programs", () => {
    const { run } = testShell();
    expect(run("which ls cat").out).toBe("/usr/bin/ls\n/usr/bin/cat\n");
    expect(run("which cd; echo $?").out).toBe("1\n");
    expect(run("type cd ls").out).toBe("cd is a shell builtin\nls is /usr/bin/ls\n");
  });

  test("globs expand against the virtual filesystem, sorted; no match keeps the word", () => {
    const { run } = testShell();
    run("touch b.yaml a.yaml c.txt .hidden.yaml");
    expect(run("echo *.yaml").out).toBe("a.yaml b.yaml\n");
    expect(run("echo /root/?.txt '*.yaml' *.none").out).toBe("/root/c.txt *.yaml *.none\n");
  });

  test("limits stop runaway loops, deep substitutions and huge pipelines", () => {
    const { run } = testShell();
    expect(() => run("while true; do :; done")).toThrow(LimitError);
    expect(() => run("echo " + "$(echo ".repeat(LIMITS.substitutionDepth + 1) + "x" + ")".repeat(LIMITS.substitutionDepth + 1))).toThrow(LimitError);
    expect(() => run(Array(LIMITS.pipelineStages + 2).fill("cat").join(" | "))).toThrow(LimitError);
    expect(() => run(`grep '${"a".repeat(LIMITS.regexLength + 1)}' /dev/null`)).toThrow(LimitError);
  });

  test("a pathological regular expression runs in linear time", () => {
    const { run } = testShell();
    run(`printf '${"a".repeat(5000)}\\n' > /tmp/a`);
    const start = performance.now();
    expect(run("grep -cE '(a*)*b' /tmp/a").out).toBe("0\n");
    expect(performance.now() - start).toBeLessThan(2000);
  });

  test("read consumes one line per call inside a redirected loop", () => {
    const { run } = testShell();
    expect(run("printf 'a b\\nc d\\n' | while read x y; do echo \"$y-$x\"; done").out).toBe("b-a\nd-c\n");
  });

  test("history numbers entries and rejects unknown options", () => {
    const { run, shell } = testShell();
    shell.state.history.push("echo a", "history 1");
    expect(run("history 1").out).toBe("    2  history 1\n");
    expect(run("history -z").code).toBe(2);
  });

  test("sudo runs the command as the learner already is root", () => {
    const { run } = testShell();
    expect(run("sudo echo as-root; sudo -E ls /nonexistent; echo $?").out).toBe("as-root\nls: cannot access '/nonexistent': No such file or directory\n2\n");
  });
});
