import { describe, expect, test, inject } from "vitest";
import { db } from "./db";
import { forget } from "./sandbox-cache";
import * as interactive from "./sandbox-interactive";
import * as sandboxes from "./sandboxes";
import { newViewer } from "@/test/integration/fixtures";
import { BrowserEditorSession } from "@/sim/index";

const provider = inject("provider");
const T0 = Date.UTC(2030, 0, 1, 12);
const S = 1000;

describe(`interactive terminal service on ${provider}`, () => {
  test("a watch streams: exec opens it, polls return new output and store the state, interrupt ends it with ^C", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    const opened = await interactive.execInteractive(v, id, "kubectl get pods -w", T0 + S);
    expect(opened.stream).toBeDefined();
    expect(opened.prompt).toBe("");
    expect(opened.output).toMatch(/^NAME\s+READY\s+STATUS/);
    const polled = await interactive.pollStream(v, id, opened.stream!.id, false, T0 + 60 * S);
    expect(polled.done).toBe(false);
    expect(polled.version).toBe(opened.version + 1);
    // The watch printed the pod's changes in between (the image cannot be pulled).
    expect(polled.output).toMatch(/redis\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    const stopped = await interactive.pollStream(v, id, opened.stream!.id, true, T0 + 61 * S);
    expect(stopped).toMatchObject({ done: true, exitCode: 130, prompt: "controlplane $ " });
    expect(stopped.output.endsWith("^C\n")).toBe(true);
    // The command was logged once; the stream's later output follows it in rows without a line.
    const rows = await db().commandLog.findMany({ where: { sandboxId: id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.line).filter((l) => l !== "")).toEqual(["kubectl get pods -w"]);
    expect(rows.map((r) => r.output).join("")).toBe(opened.output + polled.output + stopped.output);
    const after = await interactive.pollStream(v, id, opened.stream!.id, false, T0 + 62 * S);
    expect(after).toMatchObject({ output: "", done: true });
  });

  test("a command that fails inside the simulator (here a limit) is answered from a rebuilt sandbox, which it leaves unchanged", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await interactive.execInteractive(v, id, "echo keep > /tmp/a", T0 + S);
    // Commands run unguarded (no rollback copy): this one breaks the live sandbox, which is dropped,
    // rebuilt from the store and runs the line again guarded, printing the limit's message.
    const r = await interactive.execInteractive(v, id, "echo changed > /tmp/a; kubectl run x --image=nginx; while true; do :; done", T0 + 2 * S);
    expect(r.output).toMatch(/^sandbox limit reached: at most \d+ loop iterations per command\n$/);
    expect(r.exitCode).toBe(1);
    expect(r.prompt).toBe("controlplane $ ");
    const after = await interactive.execInteractive(v, id, "cat /tmp/a; kubectl get pods x", T0 + 3 * S);
    expect(after.output).toBe('keep\nError from server (NotFound): pods "x" not found\n');
    expect(after.version).toBe(r.version + 1);
    // The same from the stored state alone (another instance): the log replays to the same sandbox.
    forget(id);
    const cold = await interactive.execInteractive(v, id, "cat /tmp/a; history | tail -3", T0 + 4 * S);
    expect(cold.output).toMatch(/^keep\n.*echo changed > \/tmp\/a;.*\n.*cat \/tmp\/a; kubectl get pods x\n.*history \| tail -3\n$/s);
  });

  test("a stream keeps going from the stored state after the instance forgot it", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    const opened = await interactive.execInteractive(v, id, "sleep 5", T0 + S);
    expect(opened.stream).toBeDefined();
    forget(id); // as if another instance served the next poll: restored from the stored snapshot
    const mid = await interactive.pollStream(v, id, opened.stream!.id, false, T0 + 3 * S);
    expect(mid.done).toBe(false);
    forget(id);
    const end = await interactive.pollStream(v, id, opened.stream!.id, false, T0 + 7 * S);
    expect(end).toMatchObject({ done: true, exitCode: 0, prompt: "controlplane $ " });
  });

  test("without an open editor there is nothing for a reloaded page to reopen", async () => {
    const v = await newViewer();
    expect((await sandboxes.openSandbox(v, "fix-redis", T0)).interactive).toBeNull();
  });

  test("Tab completion reads live names and changes nothing", async () => {
    const v = await newViewer();
    const { id, version } = await sandboxes.openSandbox(v, "fix-redis", T0);
    const c = await interactive.completeLine(v, id, "kubectl get pod re", 18);
    expect(c).toEqual({ candidates: ["redis"], replaceFrom: 16 });
    const row = await db().sandbox.findUniqueOrThrow({ where: { id }, select: { version: true } });
    expect(row.version).toBe(version);
  });

  test("exec -it moves the prompt into the container and exit brings it back", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await interactive.execInteractive(v, id, "kubectl run nginx --image=nginx", T0 + S);
    const inside = await interactive.execInteractive(v, id, "kubectl exec -it nginx -- sh", T0 + 60 * S);
    expect(inside.prompt).toBe("# ");
    const cat = await interactive.execInteractive(v, id, "cat /usr/share/nginx/html/index.html", T0 + 61 * S);
    expect(cat.output).toContain("<title>Welcome to nginx!</title>");
    const out = await interactive.execInteractive(v, id, "exit", T0 + 62 * S);
    expect(out.prompt).toBe("controlplane $ ");
  });

  test("a second tab's session has its own shell, survives the instance forgetting it, and starts afresh when reopened", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    const opened = await interactive.openSession(v, id, 2);
    expect(opened).toMatchObject({ prompt: "controlplane $ " });
    await interactive.execInteractive(v, id, "cd /tmp; ssh node01", T0 + S, 2);
    forget(id);
    expect(await interactive.execInteractive(v, id, "pwd", T0 + 2 * S, 1)).toMatchObject({ output: "/root\n", prompt: "controlplane $ " });
    forget(id);
    expect(await interactive.execInteractive(v, id, "hostname", T0 + 3 * S, 2)).toMatchObject({ output: "node01\n", prompt: "node01 $ " });
    const rows = await db().commandLog.findMany({ where: { sandboxId: id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.prompt, r.line])).toContainEqual(["node01 $ ", "hostname"]);
    expect((await interactive.openSession(v, id, 2)).prompt).toBe("controlplane $ ");
    expect(await interactive.execInteractive(v, id, "hostname", T0 + 4 * S, 2)).toMatchObject({ output: "controlplane\n" });
  });

  test("another learner cannot poll, complete or finish an editor in someone else's sandbox", async () => {
    const owner = await newViewer("owner");
    const { id } = await sandboxes.openSandbox(owner, "fix-redis", T0);
    const stranger = await newViewer("stranger");
    for (const p of [
      interactive.pollStream(stranger, id, 1, false, T0),
      interactive.completeLine(stranger, id, "kubectl ", 8),
      interactive.completeEditor(stranger, id, { path: "/root/x", content: "", saved: true }, T0),
      interactive.execInteractive(stranger, id, "kubectl get pods", T0),
    ]) {
      await expect(p).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe(`editors through the service on ${provider}`, () => {
  test("vi opens on the file, the browser session edits it, and the server writes it when saved", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await interactive.execInteractive(v, id, "kubectl run web --image=nginx --dry-run=client -o yaml > pod.yaml", T0 + S);
    const opened = await interactive.execInteractive(v, id, "vi pod.yaml", T0 + 2 * S);
    expect(opened.interactive).toMatchObject({ kind: "editor", editor: "vi", path: "/root/pod.yaml" });
    // A reloaded page comes with the editor still waiting (the lesson page's getSandbox).
    expect((await sandboxes.getSandbox(v, id, T0 + 2 * S)).interactive).toEqual(opened.interactive);
    const session = new BrowserEditorSession(opened.interactive!, { rows: 24, cols: 80 });
    session.open();
    session.input("/name: web\r");
    // Escape arrives as its own chunk, as xterm sends a key press (ESC then ":" would read as Alt-:).
    for (const chunk of ["A-vi", "\x1b", ":wq\r"]) session.input(chunk);
    expect(session.result()?.saved).toBe(true);
    const done = await interactive.completeEditor(v, id, session.result()!, T0 + 3 * S);
    expect(done.prompt).toBe("controlplane $ ");
    expect((await sandboxes.getSandbox(v, id, T0 + 3 * S)).interactive).toBeNull();
    const applied = await interactive.execInteractive(v, id, "kubectl apply -f pod.yaml", T0 + 4 * S);
    expect(applied.output).toBe("pod/web-vi created\n");
  });

  test("kubectl edit applies the edited replicas and says so", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await interactive.execInteractive(v, id, "kubectl create deployment web --image=nginx", T0 + S);
    const opened = await interactive.execInteractive(v, id, "kubectl edit deployment web", T0 + 2 * S);
    expect(opened.interactive?.content).toContain("replicas: 1");
    const session = new BrowserEditorSession(opened.interactive!, { rows: 24, cols: 80 });
    session.open();
    session.input("/replicas: 1\r$r3:wq\r");
    const done = await interactive.completeEditor(v, id, session.result()!, T0 + 3 * S);
    expect(done.output).toBe("deployment.apps/web edited\n");
    const replicas = await interactive.execInteractive(v, id, "kubectl get deployment web -o jsonpath='{.spec.replicas}'", T0 + 4 * S);
    expect(replicas.output).toBe("3");
  });
});
