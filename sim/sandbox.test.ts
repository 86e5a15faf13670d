import { describe, expect, test } from "vitest";
import { createSandbox, restoreSandbox, type Sandbox } from "./index";
import { BrokenSandboxError, MAX_CATCH_UP_MS, SNAPSHOT_VERSION } from "./sandbox";
import { PACK_DICTIONARY } from "./core/pack-dictionary";
import { LIMITS } from "./core/limits";

const T0 = Date.parse("2026-01-01T00:00:00Z");

function runAll(s: Sandbox, lines: string[], stepMs = 5_000): string[] {
  return lines.map((l) => {
    const r = s.exec(l, { now: s.now() + stepMs });
    return `${r.exitCode}|${r.output}`;
  });
}

const SCRIPT = [
  "kubectl run web --image=nginx",
  "kubectl create deployment api --image=redis --replicas=2",
  "echo $RANDOM-$((6*7)) > /tmp/x; cat /tmp/x",
  "kubectl get pods -A -o name | sort",
  "timeout 30 kubectl rollout status deployment/api",
  "sleep 20",
  "kubectl get pods -o wide",
  "timeout 5 kubectl get pods -w",
  "kubectl delete pod web",
  "date; ls -l /tmp",
  "kubectl get all",
];

describe("sandbox", () => {
  test("runs a line and returns output, exit code and the prompt", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    expect(s.exec("echo hello", { now: T0 })).toEqual({ output: "hello\n", exitCode: 0, prompt: "controlplane $ " });
    expect(s.exec("nosuch", { now: T0 })).toMatchObject({ output: "bash: nosuch: command not found\n", exitCode: 127 });
  });

  test("carriage returns from the terminal count as line ends", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    expect(s.exec("echo a\r", { now: T0 }).output).toBe("a\n");
    expect(s.exec("cat <<EOF\r\nx\r\nEOF\r\n", { now: T0 }).output).toBe("x\n");
  });

  test("the minikube topology has its own prompt and hostname", () => {
    const s = createSandbox({ seed: 1, topology: "minikube", now: T0 });
    expect(s.prompt()).toBe("$ ");
    expect(s.exec("hostname", { now: T0 }).output).toBe("minikube\n");
  });

  test("exec advances the clock to now and never backwards", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    s.exec("true", { now: T0 + 60_000 });
    expect(s.now()).toBe(T0 + 60_000);
    expect(s.exec("date", { now: T0 }).output).toBe("Thu Jan  1 00:01:00 UTC 2026\n");
  });

  test("a sandbox idle for days answers at once, catching up at most a day per call", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    const r = s.exec("echo ok", { now: T0 + 2 * MAX_CATCH_UP_MS });
    expect(r).toMatchObject({ output: "ok\n", exitCode: 0 });
    expect(s.now()).toBe(T0 + MAX_CATCH_UP_MS);
    s.exec("true", { now: T0 + 2 * MAX_CATCH_UP_MS });
    expect(s.now()).toBe(T0 + 2 * MAX_CATCH_UP_MS);
  }, 60_000);

  test("sleep advances the virtual clock at once", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    s.exec("sleep 90", { now: T0 });
    expect(s.now()).toBe(T0 + 90_000);
  });

  test("the same seed and commands at the same times give identical output", () => {
    const a = runAll(createSandbox({ seed: 7, now: T0 }), SCRIPT);
    const b = runAll(createSandbox({ seed: 7, now: T0 }), SCRIPT);
    expect(a).toEqual(b);
  });

  test("a snapshot restored mid-way continues with exactly the same output", () => {
    const straight = createSandbox({ seed: 3, now: T0 });
    const expected = runAll(straight, SCRIPT);
    const first = createSandbox({ seed: 3, now: T0 });
    const head = runAll(first, SCRIPT.slice(0, 4));
    const snap = JSON.parse(JSON.stringify(first.snapshot()));
    const tail = runAll(restoreSandbox(snap), SCRIPT.slice(4));
    expect([...head, ...tail]).toEqual(expected);
  });

  test("a snapshot does not change when the sandbox goes on (it shares only immutable parts)", () => {
    const s = createSandbox({ seed: 2, now: T0 });
    runAll(s, SCRIPT.slice(0, 3));
    const snap = s.snapshot();
    const frozen = JSON.stringify(snap);
    runAll(s, [...SCRIPT.slice(3), "kubectl scale deployment api --replicas=4", "kubectl label pod web x=y --overwrite", "echo more >> /tmp/x; touch /tmp"]);
    s.advanceTo(s.now() + 600_000);
    expect(JSON.stringify(snap)).toBe(frozen);
    const restored = restoreSandbox(snap);
    restored.exec("kubectl delete deployment api; rm /tmp/x", { now: restored.now() + 1000 });
    expect(JSON.stringify(snap)).toBe(frozen);
  });

  test("the shell's variables, aliases, files, directory and history survive a snapshot", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    s.exec("export A=1; alias k=kubectl; mkdir -p /root/work && cd /root/work && echo hi > f", { now: T0 });
    const r = restoreSandbox(JSON.parse(JSON.stringify(s.snapshot())));
    expect(r.exec("echo $A; alias k; pwd; cat f", { now: T0 }).output).toBe("1\nalias k='kubectl'\n/root/work\nhi\n");
    expect(r.history()).toHaveLength(2);
  });

  test("a long history is packed in the snapshot and comes back whole", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    for (let i = 0; i < 300; i++) s.exec(`echo line ${i}`, { now: T0 });
    const snap = s.snapshot();
    expect(snap.shell.history).toEqual([]);
    expect(snap.packedHistory).toBeDefined();
    expect(restoreSandbox(JSON.parse(JSON.stringify(snap))).history()).toEqual(s.history());
  });

  test("uids and container ids come back identical after a restore, though the snapshot stores only their counters", () => {
    const s = createSandbox({ seed: 4, now: T0 });
    s.exec("kubectl create deployment web --image=nginx --replicas=3", { now: T0 });
    s.advanceTo(T0 + 30_000);
    const ids = "kubectl get pods,rs,deploy,events -A -o jsonpath={..uid}{..containerID}";
    const before = s.exec(ids, { now: s.now() }).output;
    const uids = before.match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g)!;
    const containers = before.match(/containerd:\/\/[0-9a-f]{64}/g)!;
    expect(uids.length).toBeGreaterThan(50);
    expect(containers.length).toBeGreaterThan(5);
    const snap = s.snapshot();
    // The store's chunks and the kubelet's state are packed; small reconciler states stay plain JSON.
    const packed = JSON.stringify([snap.cluster.store, snap.cluster.packedReconcilers]);
    expect(Object.keys(snap.cluster.store.objects)).toEqual([]);
    for (const id of [...uids.slice(0, 20), ...containers.map((c) => c.slice(13))]) expect(packed).not.toContain(id);
    const r = restoreSandbox(JSON.parse(JSON.stringify(snap)));
    expect(r.exec(ids, { now: r.now() }).output).toBe(before);
  });

  test("a snapshot of another format version is refused with a clear error", () => {
    const snap = JSON.parse(JSON.stringify(createSandbox({ seed: 1, now: T0 }).snapshot()));
    expect(() => restoreSandbox({ ...snap, version: 1 })).toThrow("cannot restore a sandbox snapshot of format version 1: this simulator reads version 2 only");
    expect(() => restoreSandbox({ ...snap, version: undefined })).toThrow("format version null");
  });

  test("the pack dictionary is the one this snapshot format was defined with", () => {
    // Packed parts only inflate with the dictionary they were deflated with: regenerating it
    // (sim/bench/gen-pack-dictionary.ts) makes a new format, so bump SNAPSHOT_VERSION with it.
    let h = 0x811c9dc5;
    for (let i = 0; i < PACK_DICTIONARY.length; i++) h = Math.imul(h ^ PACK_DICTIONARY.charCodeAt(i), 0x01000193) >>> 0;
    expect({ version: SNAPSHOT_VERSION, dictionary: h.toString(16) }).toEqual({ version: 2, dictionary: "eec2e4aa" });
  });

  test("a command that hits a limit leaves the sandbox exactly as before", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    s.exec("echo keep > /tmp/a", { now: T0 });
    const before = JSON.stringify(s.snapshot().cluster);
    const r = s.exec("echo changed > /tmp/a; kubectl run x --image=nginx; while true; do :; done", { now: T0 });
    expect(r.output).toBe(`sandbox limit reached: at most ${LIMITS.loopIterations} loop iterations per command\n`);
    expect(r.exitCode).toBe(1);
    expect(JSON.stringify(s.snapshot().cluster)).toBe(before);
    expect(s.exec("cat /tmp/a", { now: T0 }).output).toBe("keep\n");
  });

  test("unguarded lines run exactly as guarded ones: same output, same snapshots", () => {
    const guarded = createSandbox({ seed: 3, now: T0 });
    const unguarded = createSandbox({ seed: 3, now: T0 });
    let now = T0;
    for (const line of [...SCRIPT, "kubectl get pods -w", "sleep 2; kubectl get pods"]) {
      now += 7_000;
      for (const interactive of [false, true]) {
        const a = guarded.exec(line, { now, interactive });
        const b = unguarded.exec(line, { now, interactive, unguarded: true });
        expect(b).toEqual(a);
        expect(b.broken).toBeUndefined();
        now += 1_000;
      }
      expect(JSON.stringify(unguarded.snapshot())).toBe(JSON.stringify(guarded.snapshot()));
    }
  });

  test("an unguarded line that fails breaks the sandbox; the same line guarded on a rebuilt one leaves it unchanged", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    s.exec("echo keep > /tmp/a", { now: T0 });
    const stored = JSON.stringify(s.snapshot());
    const line = "echo changed > /tmp/a; kubectl run x --image=nginx; while true; do :; done";
    expect(s.exec(line, { now: T0 + 1_000, unguarded: true })).toEqual({ output: "", exitCode: 1, prompt: "", broken: true });
    // Half-changed: nothing may read, run or store it any more.
    expect(() => s.exec("cat /tmp/a", { now: T0 + 2_000 })).toThrow(BrokenSandboxError);
    expect(() => s.snapshot()).toThrow(BrokenSandboxError);
    expect(() => s.advanceTo(T0 + 3_000)).toThrow(BrokenSandboxError);
    expect(() => s.clusterView()).toThrow(BrokenSandboxError);
    const rebuilt = restoreSandbox(JSON.parse(stored));
    const r = rebuilt.exec(line, { now: T0 + 1_000 });
    expect(r.output).toBe(`sandbox limit reached: at most ${LIMITS.loopIterations} loop iterations per command\n`);
    expect(rebuilt.exec("cat /tmp/a; kubectl get pods x", { now: T0 + 2_000 }).output).toBe('keep\nError from server (NotFound): pods "x" not found\n');
  });

  test("a command line longer than the limit is refused", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    const r = s.exec("echo " + "a".repeat(LIMITS.commandLineBytes), { now: T0 });
    expect(r.output).toMatch(/^sandbox limit reached: a command line may be at most/);
  });

  test("output is escaped: ANSI sequences and control characters are dropped, \\n and \\t kept", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    expect(s.exec("printf '\\033[31mred\\033[0m\\ta\\rb\\x07\\n'", { now: T0 }).output).toBe("red\tab\n");
  });

  test("output beyond the limit is cut and says so", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    s.exec("printf '%01000d\\n' 0 > /tmp/k", { now: T0 });
    const ten = "1 2 3 4 5 6 7 8 9 10";
    const r = s.exec(`a=; for i in ${ten}; do for j in ${ten}; do for k in ${ten} 11; do a="$a /tmp/k"; done; done; done; cat $a`, { now: T0 });
    expect(r.output.length).toBeLessThan(LIMITS.outputBytes + 200);
    expect(r.output.endsWith("sandbox limit reached: output truncated at 1048576 bytes\n")).toBe(true);
  });

  test("clear asks the terminal to clear and drops what was printed before it", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    expect(s.exec("echo a; clear; echo b", { now: T0 })).toMatchObject({ output: "b\n", clear: true });
    expect(s.exec("echo c", { now: T0 }).clear).toBeUndefined();
  });

  test("exit ends the line with its status but keeps the sandbox", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    expect(s.exec("echo a; exit 3; echo b", { now: T0 })).toMatchObject({ output: "a\n", exitCode: 3 });
    expect(s.exec("echo $?", { now: T0 }).output).toBe("3\n");
  });

  test("history lists the commands typed, numbered as bash does", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    s.exec("echo one", { now: T0 });
    expect(s.exec("history", { now: T0 }).output).toBe("    1  echo one\n    2  history\n");
    expect(s.history()).toEqual(["echo one", "history"]);
  });

  test("read serves GET requests only", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    expect(s.read({ method: "GET", path: "/api/v1/namespaces/default" }).status).toBe(200);
    expect(s.read({ method: "DELETE", path: "/api/v1/namespaces/default" }).status).toBe(405);
    expect(s.read({ method: "GET", path: "/api/v1/namespaces/default" }).status).toBe(200);
  });

  test("clusterView shows nodes with their roles and pods", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    const v = s.clusterView();
    expect(v.nodes.map((n) => n.name)).toEqual(["controlplane", "node01", "node02"]);
    expect(v.nodes[0].roles).toEqual(["control-plane"]);
    expect(v.nodes[0].pods.map((p) => p.name)).toContain("etcd-controlplane");
    const pod = v.nodes[0].pods[0];
    expect(pod).toMatchObject({ namespace: "kube-system" });
    expect(pod.ready).toMatch(/^\d+\/\d+$/);
  });

  test("kubectl finds the default kubeconfig", () => {
    const s = createSandbox({ seed: 1, now: T0 });
    expect(s.exec("ls -a /root/.kube && grep -c current-context /root/.kube/config", { now: T0 }).output).toBe(".  ..  config\n1\n");
  });
});
