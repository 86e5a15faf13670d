// The browser terminal's protocol (sim/README.md, "Interactive terminal"): streams, background
// jobs, container shells and Tab completion, through the public sandbox API only.

import { describe, expect, test } from "vitest";
import { createSandbox, restoreSandbox, type Sandbox } from "./index";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const S = 1000;

/** A sandbox with a running nginx pod, at T0 + 30 s. */
function withNginx(): Sandbox {
  const sb = createSandbox({ seed: 1, now: T0 });
  sb.exec("kubectl run nginx --image=nginx", { now: T0 });
  sb.exec("true", { now: T0 + 30 * S });
  return sb;
}

function run(sb: Sandbox, line: string, at: number) {
  return sb.exec(line, { now: at, interactive: true });
}

describe("streams", () => {
  test("kubectl get -w returns the table at once, then rows as the pods change, until Ctrl-C", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "kubectl create deployment web --image=nginx --replicas=2", T0 + S);
    const r = run(sb, "kubectl get pods -w", T0 + 1.5 * S);
    expect(r.stream).toBeDefined();
    expect(r.prompt).toBe("");
    expect(r.output).toMatch(/^NAME +READY +STATUS/);
    expect(r.output).toContain("ContainerCreating");
    expect(r.output).not.toContain("Running");
    const later = sb.poll(r.stream!.id, { now: T0 + 10 * S });
    expect(later.done).toBe(false);
    expect(later.output).toMatch(/web-\S+ +1\/1 +Running/);
    expect(later.output).not.toMatch(/^NAME/);
    expect(sb.poll(r.stream!.id, { now: T0 + 20 * S })).toEqual({ output: "", done: false });
    const end = sb.interrupt(r.stream!.id, { now: T0 + 25 * S });
    expect(end).toEqual({ output: "^C\n", done: true, exitCode: 130, prompt: "controlplane $ " });
    expect(run(sb, "echo $?", T0 + 26 * S).output).toBe("130\n");
  });

  test("a polled stream advances the virtual clock to the poll's time", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    const r = run(sb, "kubectl get pods -w", T0 + S);
    sb.poll(r.stream!.id, { now: T0 + 60 * S });
    expect(Math.abs(sb.now() - (T0 + 60 * S))).toBeLessThanOrEqual(1);
  });

  test("a stream polled after days away catches up at most a day per poll", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    const r = run(sb, "kubectl get pods -w", T0 + S);
    const DAY = 24 * 3600 * S;
    expect(sb.poll(r.stream!.id, { now: T0 + 3 * DAY }).done).toBe(false);
    expect(sb.now()).toBeLessThanOrEqual(T0 + S + DAY + 1);
    expect(sb.now()).toBeGreaterThan(T0 + DAY);
  });

  test("kubectl rollout status streams its progress and ends by itself with the prompt", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "kubectl create deployment web --image=nginx --replicas=3", T0 + S);
    const r = run(sb, "kubectl rollout status deployment/web", T0 + 1.2 * S);
    expect(r.stream).toBeDefined();
    expect(r.output).toContain('Waiting for deployment "web" rollout to finish');
    let u = sb.poll(r.stream!.id, { now: T0 + 2 * S });
    for (let t = 3; !u.done && t < 120; t++) u = sb.poll(r.stream!.id, { now: T0 + t * S });
    expect(u).toMatchObject({ done: true, exitCode: 0, prompt: "controlplane $ " });
    expect(u.output).toContain('deployment "web" successfully rolled out');
  });

  test("a line that sleeps shows nothing until its time, and the rest of the line runs after it", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    const r = run(sb, "sleep 3 && echo hi", T0);
    expect(r).toMatchObject({ output: "", stream: { id: expect.any(Number) } });
    expect(sb.poll(r.stream!.id, { now: T0 + 2 * S })).toEqual({ output: "", done: false });
    expect(sb.poll(r.stream!.id, { now: T0 + 4 * S })).toEqual({ output: "hi\n", done: true, exitCode: 0, prompt: "controlplane $ " });
  });

  test("a line that finishes at once is no stream", () => {
    const sb = withNginx();
    const r = run(sb, "kubectl get pods", T0 + 31 * S);
    expect(r.stream).toBeUndefined();
    expect(r.prompt).toBe("controlplane $ ");
    expect(r.output).toMatch(/nginx +1\/1 +Running/);
  });

  test("a pipeline after a watch filters what the stream shows", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "kubectl run a --image=nginx", T0 + S);
    const r = run(sb, "kubectl get pods -w | grep Running", T0 + 1.2 * S);
    expect(r.output).toBe("");
    const u = sb.poll(r.stream!.id, { now: T0 + 15 * S });
    expect(u.output).toMatch(/^a +1\/1 +Running/);
    expect(u.output).not.toContain("ContainerCreating");
  });

  test("watch redraws the screen each interval (clear) with its header", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    const r = run(sb, "watch -n 5 kubectl get deploy", T0 + S);
    expect(r.clear).toBe(true);
    expect(r.output).toBe("Every 5.0s: kubectl get deploy            controlplane: Thu Jan  1 00:00:01 2026\n\nNo resources found in default namespace.\n");
    expect(sb.poll(r.stream!.id, { now: T0 + 3 * S })).toEqual({ output: "", done: false });
    const u = sb.poll(r.stream!.id, { now: T0 + 6.5 * S });
    expect(u.clear).toBe(true);
    expect(u.output).toContain("00:00:06 2026");
  });

  test("the headless runner keeps its behaviour: watches end without a stream", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    const r = sb.exec("timeout 5 kubectl get pods -w", { now: T0 });
    expect(r.stream).toBeUndefined();
    expect(r.exitCode).toBe(124);
    expect(sb.exec("sleep 2 &", { now: T0 + 10 * S }).output).toBe("");
  });

  test("polling an unknown or finished stream says it is done", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    expect(sb.poll(99, { now: T0 })).toEqual({ output: "", done: true, exitCode: 0, prompt: "controlplane $ " });
  });
});

describe("background jobs", () => {
  test("CMD & prints the job number and pid, jobs lists it, and its end is reported before the next prompt", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    expect(run(sb, "sleep 5 &", T0)).toMatchObject({ output: "[1] 4242\n", exitCode: 0, prompt: "controlplane $ " });
    expect(run(sb, "jobs", T0 + S).output).toBe("[1]+  Running                 sleep 5 &\n");
    expect(sb.jobs()).toEqual([{ n: 1, pid: 4242, command: "sleep 5", status: "Running" }]);
    expect(run(sb, "echo next", T0 + 6 * S).output).toBe("next\n[1]+  Done                    sleep 5\n");
    expect(run(sb, "jobs", T0 + 7 * S).output).toBe("");
  });

  test("kill %1 terminates a job; the learner keeps typing while it runs", () => {
    const sb = withNginx();
    run(sb, "kubectl get pods -w &", T0 + 31 * S);
    run(sb, "sleep 100 &", T0 + 32 * S);
    expect(run(sb, "jobs", T0 + 33 * S).output).toBe("[1]-  Running                 kubectl get pods -w &\n[2]+  Running                 sleep 100 &\n");
    expect(run(sb, "kubectl get pods --no-headers | wc -l", T0 + 34 * S).output).toBe("1\n");
    expect(run(sb, "kill %1", T0 + 35 * S).output).toBe("[1]-  Terminated              kubectl get pods -w\n");
    expect(run(sb, "kill %1", T0 + 36 * S)).toMatchObject({ output: "bash: kill: %1: no such job\n", exitCode: 1 });
    expect(run(sb, "jobs", T0 + 37 * S).output).toBe("[2]+  Running                 sleep 100 &\n");
    expect(run(sb, "jobs -l", T0 + 38 * S).output).toBe("[2]+  4243 Running                 sleep 100 &\n");
    expect(run(sb, "jobs -p", T0 + 39 * S).output).toBe("4243\n");
  });

  test("a background job's output appears before the next prompt", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "sleep 2 && echo woke &", T0);
    expect(run(sb, "echo typed", T0 + 5 * S).output).toBe("woke\ntyped\n[1]+  Done                    sleep 2 && echo woke\n");
  });

  test("fg brings a job back as a stream, and Ctrl-C ends it", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "sleep 100 &", T0);
    const r = run(sb, "fg", T0 + S);
    expect(r).toMatchObject({ output: "sleep 100\n", prompt: "", stream: { id: expect.any(Number) } });
    expect(sb.poll(r.stream!.id, { now: T0 + 5 * S })).toEqual({ output: "", done: false });
    expect(sb.interrupt(r.stream!.id, { now: T0 + 6 * S })).toMatchObject({ output: "^C\n", done: true, exitCode: 130 });
    expect(sb.jobs()).toEqual([]);
    expect(run(sb, "fg", T0 + 7 * S)).toMatchObject({ output: "bash: fg: current: no such job\n", exitCode: 1 });
  });

  test("a job brought back with fg ends by itself when its command does", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "sleep 10; echo finished &", T0);
    const r = run(sb, "fg %1", T0 + S);
    expect(sb.poll(r.stream!.id, { now: T0 + 11 * S })).toEqual({ output: "finished\n", done: true, exitCode: 0, prompt: "controlplane $ " });
  });
});

describe("servers in the background: kubectl proxy and port-forward", () => {
  const refused = (port: number) => `curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server\n`;

  test("kubectl proxy & keeps serving while the learner types; kill %1 closes its port", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    expect(run(sb, "kubectl proxy &", T0 + S).output).toBe("[1] 4242\nStarting to serve on 127.0.0.1:8001\n");
    expect(run(sb, "jobs", T0 + 60 * S).output).toBe("[1]+  Running                 kubectl proxy &\n");
    expect(run(sb, "curl -s localhost:8001/version | grep gitVersion", T0 + 61 * S).output).toBe('  "gitVersion": "v1.32.5",\n');
    expect(run(sb, "kill %1", T0 + 62 * S)).toMatchObject({ output: "[1]+  Terminated              kubectl proxy\n", exitCode: 0 });
    expect(run(sb, "curl localhost:8001/version", T0 + 63 * S)).toMatchObject({ output: refused(8001), exitCode: 7 });
    expect(sb.jobs()).toEqual([]);
  });

  test("a second proxy on the same port fails while the first runs, and starts once it is killed", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "kubectl proxy &", T0 + S);
    expect(run(sb, "kubectl proxy &", T0 + 2 * S).output).toBe(
      "[2] 4243\nerror: listen tcp 127.0.0.1:8001: bind: address already in use\n[2]+  Exit 1                  kubectl proxy\n",
    );
    run(sb, "kill %1", T0 + 3 * S);
    expect(run(sb, "kubectl proxy --port=8001 &", T0 + 4 * S).output).toBe("[1] 4244\nStarting to serve on 127.0.0.1:8001\n");
  });

  test("port-forward & serves the pod's port; fg brings it back and Ctrl-C closes the port", () => {
    const sb = withNginx();
    expect(run(sb, "kubectl port-forward pod/nginx 8080:80 &", T0 + 31 * S).output).toBe(
      "[1] 4242\nForwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n",
    );
    expect(run(sb, "curl -s localhost:8080 | grep title", T0 + 40 * S).output).toBe("<title>Welcome to nginx!</title>\n");
    const r = run(sb, "fg", T0 + 41 * S);
    expect(r).toMatchObject({ output: "kubectl port-forward pod/nginx 8080:80\n", stream: { id: expect.any(Number) } });
    expect(sb.poll(r.stream!.id, { now: T0 + 50 * S })).toEqual({ output: "", done: false });
    expect(sb.interrupt(r.stream!.id, { now: T0 + 51 * S })).toMatchObject({ output: "^C\n", done: true, exitCode: 130 });
    expect(run(sb, "curl localhost:8080", T0 + 52 * S)).toMatchObject({ output: refused(8080), exitCode: 7 });
  });

  test("kubectl proxy in the foreground streams until Ctrl-C, then its port is closed", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    const r = run(sb, "kubectl proxy --port=8002", T0 + S);
    expect(r).toMatchObject({ output: "Starting to serve on 127.0.0.1:8002\n", prompt: "", stream: { id: expect.any(Number) } });
    expect(sb.poll(r.stream!.id, { now: T0 + 30 * S })).toEqual({ output: "", done: false });
    sb.interrupt(r.stream!.id, { now: T0 + 31 * S });
    expect(run(sb, "curl localhost:8002/version", T0 + 32 * S).exitCode).toBe(7);
  });

  test("timeout stops kubectl proxy with status 124 and closes its port", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    expect(sb.exec("timeout 5 kubectl proxy", { now: T0 })).toMatchObject({ output: "Starting to serve on 127.0.0.1:8001\n", exitCode: 124 });
    expect(sb.exec("curl localhost:8001/version", { now: sb.now() }).exitCode).toBe(7);
  });

  test("a background proxy survives snapshot and restore, and kill %1 still closes it", () => {
    const a = createSandbox({ seed: 1, now: T0 });
    run(a, "kubectl proxy &", T0 + S);
    const b = restoreSandbox(JSON.parse(JSON.stringify(a.snapshot())));
    expect(run(b, "curl -s localhost:8001/api | grep kind", T0 + 5 * S).output).toBe('  "kind": "APIVersions",\n');
    expect(run(b, "kill %1", T0 + 6 * S).output).toBe("[1]+  Terminated              kubectl proxy\n");
    expect(run(b, "curl -s localhost:8001/api", T0 + 7 * S).exitCode).toBe(7);
  });
});

describe("a second terminal tab", () => {
  test("a watch open in one tab shows the pod another tab creates, and both go on", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    const a = run(sb, "kubectl get pods -w", T0 + S);
    expect(run(sb, "kubectl run x --image=nginx", T0 + 3 * S).output).toBe("pod/x created\n");
    const u = sb.poll(a.stream!.id, { now: T0 + 10 * S });
    expect(u.done).toBe(false);
    expect(u.output).toMatch(/^x +0\/1 +Pending/m);
    expect(u.output).toMatch(/^x +1\/1 +Running/m);
    expect(run(sb, "kubectl get pods --no-headers", T0 + 11 * S).output).toMatch(/^x +1\/1 +Running/);
    expect(sb.interrupt(a.stream!.id, { now: T0 + 12 * S })).toMatchObject({ done: true, exitCode: 130 });
  });

  test("a background watch shows what the learner creates in the foreground", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, "kubectl get pods -w &", T0 + S);
    run(sb, "kubectl run y --image=nginx", T0 + 2 * S);
    const out = run(sb, "echo hi", T0 + 10 * S).output;
    expect(out).toMatch(/^y +1\/1 +Running/m);
    expect(out.endsWith("hi\n")).toBe(true);
  });
});

describe("terminal sessions: each tab its own shell on the same cluster", () => {
  const tab = (sb: Sandbox, session: number, line: string, at: number) => sb.exec(line, { now: at, interactive: true, session });

  test("a second session has its own directory, variables, aliases and history, and sees the same cluster and files", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    tab(sb, 1, "export A=one; cd /tmp; alias k=kubectl; echo shared > /root/note", T0 + S);
    expect(sb.resetSession(2)).toEqual({ prompt: "controlplane $ ", history: ["export A=one; cd /tmp; alias k=kubectl; echo shared > /root/note"] });
    expect(tab(sb, 2, "echo A=$A; pwd; cat /root/note", T0 + 2 * S).output).toBe("A=\n/root\nshared\n");
    expect(tab(sb, 2, "k get ns", T0 + 3 * S)).toMatchObject({ output: "bash: k: command not found\n", exitCode: 127 });
    tab(sb, 2, "kubectl create configmap from-two", T0 + 4 * S);
    expect(tab(sb, 1, "k get cm from-two --no-headers | cut -d' ' -f1; pwd; echo $A", T0 + 5 * S).output).toBe("from-two\n/tmp\none\n");
    expect(tab(sb, 1, "echo $?", T0 + 6 * S).output).toBe("0\n");
    expect(tab(sb, 2, "echo $?", T0 + 7 * S).output).toBe("0\n");
    expect(sb.history().slice(-1)).toEqual(["echo $?"]);
  });

  test("one tab ssh'd to node01 while the other stays on the control plane; both survive a snapshot", () => {
    const a = createSandbox({ seed: 1, now: T0 });
    a.resetSession(2);
    expect(tab(a, 2, "ssh node01", T0 + S).prompt).toBe("node01 $ ");
    expect(tab(a, 1, "hostname", T0 + 2 * S)).toMatchObject({ output: "controlplane\n", prompt: "controlplane $ " });
    const b = restoreSandbox(JSON.parse(JSON.stringify(a.snapshot())));
    expect(tab(b, 2, "hostname", T0 + 3 * S)).toMatchObject({ output: "node01\n", prompt: "node01 $ " });
    expect(tab(b, 1, "hostname", T0 + 4 * S)).toMatchObject({ output: "controlplane\n", prompt: "controlplane $ " });
    expect(tab(b, 2, "exit", T0 + 5 * S)).toMatchObject({ output: "logout\nConnection to node01 closed.\n", prompt: "controlplane $ " });
  });

  test("jobs belong to their tab; a proxy started in one tab answers curl in the other; resetting the tab ends it", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    sb.resetSession(3);
    tab(sb, 3, "kubectl proxy &", T0 + S);
    expect(tab(sb, 1, "jobs", T0 + 2 * S).output).toBe("");
    expect(tab(sb, 1, "curl -s localhost:8001/api | grep kind", T0 + 3 * S).output).toBe('  "kind": "APIVersions",\n');
    expect(tab(sb, 3, "jobs", T0 + 4 * S).output).toBe("[1]+  Running                 kubectl proxy &\n");
    expect(sb.resetSession(3).prompt).toBe("controlplane $ ");
    expect(tab(sb, 1, "curl -s localhost:8001/api", T0 + 5 * S).exitCode).toBe(7);
    expect(tab(sb, 3, "jobs", T0 + 6 * S).output).toBe("");
  });

  test("a stream belongs to the tab that started it: its end gives that tab's prompt and status", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    sb.resetSession(2);
    tab(sb, 2, "ssh node01", T0 + S);
    const r = tab(sb, 2, "sleep 30", T0 + 2 * S);
    expect(tab(sb, 1, "echo typed", T0 + 3 * S)).toMatchObject({ output: "typed\n", prompt: "controlplane $ " });
    expect(sb.poll(r.stream!.id, { now: T0 + 40 * S })).toEqual({ output: "", done: true, exitCode: 0, prompt: "node01 $ " });
    expect(tab(sb, 1, "hostname", T0 + 41 * S).output).toBe("controlplane\n");
  });

  test("sessions are numbered 1 to 4", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    expect(tab(sb, 5, "echo hi", T0 + S)).toMatchObject({ output: "terminal session 5: sessions are numbered 1 to 4\n", exitCode: 1 });
    expect(tab(sb, 0, "echo hi", T0 + S).exitCode).toBe(1);
    expect(() => sb.resetSession(9)).toThrow("terminal session 9: sessions are numbered 1 to 4");
    expect(sb.complete("kubectl ge", 10, 7).candidates).toEqual([]);
  });
});

describe("streams inside a container shell", () => {
  /** A busybox pod appending "line N" to /tmp/app.log every 2 s, with a shell open in it. */
  function logger(): Sandbox {
    const sb = createSandbox({ seed: 1, now: T0 });
    run(sb, `kubectl run logger --image=busybox -- sh -c 'i=0; while true; do echo "line $i" >> /tmp/app.log; i=$((i+1)); sleep 2; done'`, T0 + S);
    expect(run(sb, "kubectl exec -it logger -- sh", T0 + 20 * S).prompt).toBe("/ # ");
    return sb;
  }

  test("tail -f follows a file the container keeps writing, until Ctrl-C returns to the container's prompt", () => {
    const sb = logger();
    const r = run(sb, "tail -n 1 -f /tmp/app.log", T0 + 21 * S);
    expect(r).toMatchObject({ prompt: "", stream: { id: expect.any(Number) } });
    const last = Number(/^line (\d+)\n$/.exec(r.output)![1]);
    const u = sb.poll(r.stream!.id, { now: T0 + 27 * S });
    expect(u).toEqual({ output: `line ${last + 1}\nline ${last + 2}\nline ${last + 3}\n`, done: false });
    expect(sb.interrupt(r.stream!.id, { now: T0 + 28 * S })).toMatchObject({ done: true, exitCode: 130, prompt: "/ # " });
    expect(run(sb, "echo $?", T0 + 29 * S).output).toBe("130\n");
  });

  test("sleep streams and ends by itself in the container; an exit at its end leaves the container", () => {
    const sb = logger();
    const r = run(sb, "cd /tmp; sleep 5; echo slept", T0 + 21 * S);
    expect(r.stream).toBeDefined();
    expect(sb.poll(r.stream!.id, { now: T0 + 30 * S })).toEqual({ output: "slept\n", done: true, exitCode: 0, prompt: "/tmp # " });
    const e = run(sb, "sleep 2; exit 3", T0 + 31 * S);
    expect(sb.poll(e.stream!.id, { now: T0 + 34 * S })).toEqual({ output: "command terminated with exit code 3\n", done: true, exitCode: 3, prompt: "controlplane $ " });
    expect(run(sb, "hostname", T0 + 35 * S).output).toBe("controlplane\n");
  });

  test("without a browser, tail -f prints the last lines and returns; with timeout it follows until then", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    sb.exec(`kubectl run logger --image=busybox -- sh -c 'i=0; while true; do echo "line $i" >> /tmp/app.log; i=$((i+1)); sleep 2; done'`, { now: T0 + S });
    sb.exec("true", { now: T0 + 20 * S });
    expect(sb.exec("kubectl exec logger -- tail -n 1 -f /tmp/app.log", { now: T0 + 21 * S }).output).toMatch(/^line \d+\n$/);
    const before = sb.now();
    expect(sb.exec("echo a > /tmp/f; timeout 3 tail -f /tmp/f; echo $?", { now: T0 + 22 * S }).output).toBe("a\n124\n");
    expect(sb.now()).toBeGreaterThanOrEqual(before + 3 * S);
  });
});

describe("snapshots", () => {
  test("an open stream and a background job continue identically after snapshot and restore", () => {
    const a = createSandbox({ seed: 3, now: T0 });
    run(a, "kubectl create deployment web --image=nginx --replicas=2", T0 + S);
    run(a, "sleep 8 && echo bg-done &", T0 + 2 * S);
    const r = run(a, "kubectl get pods -w", T0 + 3 * S);
    a.poll(r.stream!.id, { now: T0 + 4 * S });
    const b = restoreSandbox(JSON.parse(JSON.stringify(a.snapshot())));
    const steps = (s: Sandbox) => [
      s.poll(r.stream!.id, { now: T0 + 9 * S }),
      s.poll(r.stream!.id, { now: T0 + 12 * S }),
      s.interrupt(r.stream!.id, { now: T0 + 13 * S }),
      run(s, "jobs; kubectl get pods", T0 + 14 * S),
    ];
    const fromA = steps(a);
    expect(steps(b)).toEqual(fromA);
    expect(fromA[0].output).toContain("Running");
    expect(fromA[1].output).toContain("bg-done");
  });
});

describe("container shells", () => {
  test("kubectl exec -it into nginx opens bash with the image's prompt; exit returns", () => {
    const sb = withNginx();
    expect(run(sb, "kubectl exec -it nginx -- bash", T0 + 31 * S)).toMatchObject({ output: "", exitCode: 0, prompt: "root@nginx:/# " });
    expect(run(sb, "cat /usr/share/nginx/html/index.html", T0 + 32 * S).output).toContain("<title>Welcome to nginx!</title>");
    expect(run(sb, "cd /etc/nginx; hostname", T0 + 33 * S)).toMatchObject({ output: "nginx\n", prompt: "root@nginx:/etc/nginx# " });
    expect(run(sb, "cd; pwd", T0 + 34 * S)).toMatchObject({ output: "/root\n", prompt: "root@nginx:~# " });
    expect(run(sb, "exit", T0 + 35 * S)).toEqual({ output: "exit\n", exitCode: 0, prompt: "controlplane $ " });
    expect(run(sb, "hostname", T0 + 36 * S).output).toBe("controlplane\n");
  });

  test("sh in a Debian image prompts `# `; a non-zero exit is reported as kubectl does", () => {
    const sb = withNginx();
    expect(run(sb, "kubectl exec -it nginx -- sh", T0 + 31 * S).prompt).toBe("# ");
    expect(run(sb, "exit 3", T0 + 32 * S)).toEqual({ output: "command terminated with exit code 3\n", exitCode: 3, prompt: "controlplane $ " });
  });

  test("a file written in one container shows in the other through a shared emptyDir", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    sb.exec(
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  volumes: [{name: shared, emptyDir: {}}]
  containers:
  - {name: writer, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: shared, mountPath: /data}]}
  - {name: reader, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: shared, mountPath: /in}]}
EOF`,
      { now: T0 },
    );
    expect(run(sb, "kubectl exec -it two -c writer -- sh", T0 + 30 * S).prompt).toBe("/ # ");
    expect(run(sb, "cd /data && echo hello > note.txt && ls", T0 + 31 * S)).toMatchObject({ output: "note.txt\n", prompt: "/data # " });
    run(sb, "exit", T0 + 32 * S);
    expect(run(sb, "kubectl exec two -c reader -- cat /in/note.txt", T0 + 33 * S).output).toBe("hello\n");
  });

  test("the shell ends when its container stops", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    sb.exec("kubectl run short --image=busybox -- sleep 20", { now: T0 });
    expect(run(sb, "kubectl exec -it short -- sh", T0 + 8 * S).prompt).toBe("/ # ");
    expect(run(sb, "ls /", T0 + 40 * S)).toEqual({ output: "command terminated with exit code 137\n", exitCode: 137, prompt: "controlplane $ " });
  });
});

describe("Tab completion", () => {
  test("completes a live pod name after kubectl get pods and for kubectl logs / exec", () => {
    const sb = withNginx();
    expect(sb.complete("kubectl get pods ng")).toEqual({ candidates: ["nginx"], replaceFrom: 17 });
    expect(sb.complete("kubectl logs n")).toEqual({ candidates: ["nginx"], replaceFrom: 13 });
    expect(sb.complete("kubectl exec -it n")).toEqual({ candidates: ["nginx"], replaceFrom: 17 });
    expect(sb.complete("kubectl get pod/")).toEqual({ candidates: ["pod/nginx"], replaceFrom: 12 });
  });

  test("completes through an alias of kubectl, with the namespace given by -n", () => {
    const sb = withNginx();
    run(sb, "alias k=kubectl", T0 + 31 * S);
    expect(sb.complete("k -n kube-system get pods etcd").candidates).toEqual(["etcd-controlplane"]);
    expect(sb.complete("k get pods -n kube-").candidates).toEqual(["kube-node-lease", "kube-public", "kube-system"]);
  });

  test("completes commands, kubectl verbs, types, flags and files", () => {
    const sb = withNginx();
    expect(sb.complete("kubec").candidates).toEqual(["kubectl"]);
    expect(sb.complete("kubectl rol").candidates).toEqual(["rollout"]);
    expect(sb.complete("kubectl rollout st").candidates).toEqual(["status"]);
    expect(sb.complete("kubectl get deplo").candidates).toEqual(["deployments.apps"]);
    expect(sb.complete("kubectl get pods --watch-").candidates).toEqual(["--watch-only"]);
    expect(sb.complete("kubectl get pods -o ya").candidates).toEqual(["yaml"]);
    run(sb, "mkdir -p manifests && touch manifests/pod.yaml", T0 + 31 * S);
    expect(sb.complete("kubectl apply -f mani")).toEqual({ candidates: ["manifests/"], replaceFrom: 17 });
    expect(sb.complete("cat manifests/p").candidates).toEqual(["manifests/pod.yaml"]);
  });

  test("completes at the cursor, not at the end of the line", () => {
    const sb = withNginx();
    expect(sb.complete("kubectl get po nginx", 14)).toEqual({ candidates: ["pods"], replaceFrom: 12 });
  });

  test("is read-only", () => {
    const sb = withNginx();
    const before = JSON.stringify(sb.snapshot());
    sb.complete("kubectl get pods ");
    expect(JSON.stringify(sb.snapshot())).toBe(before);
  });
});
