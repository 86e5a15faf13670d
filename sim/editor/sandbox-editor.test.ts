// The editor protocol end to end through sim/sandbox.ts: TerminalSession around each line,
// ExecResult.interactive, completeInteractive and pendingInteractive (sim/README.md, "Interactive editors").
import { describe, expect, test } from "vitest";
import { createSandbox, restoreSandbox, runScript } from "../sandbox";
import { BrowserEditorSession } from "./browser-session";

const T0 = Date.UTC(2026, 0, 1);

describe("editors through the sandbox", () => {
  test("headless runner: vi explains and exits 1; a sed KUBE_EDITOR edits the deployment", () => {
    const { steps } = runScript(
      "kubectl create deployment web --image=nginx\nvi pod.yaml\n" +
        `KUBE_EDITOR="sed -i 's/replicas: 1/replicas: 3/'" kubectl edit deploy web\n` +
        "kubectl get deploy web -o jsonpath='{.spec.replicas}'",
    );
    expect(steps[1]).toMatchObject({ exitCode: 1 });
    expect(steps[1].output).toMatch(/^vi: cannot run an interactive editor in the headless runner;/);
    expect(steps[2]).toMatchObject({ output: "deployment.apps/web edited\n", exitCode: 0 });
    expect(steps[3].output).toBe("3");
  });

  test("headless exec: vi exits 1 without opening an editor; a sed KUBE_EDITOR edits through kubectl edit", () => {
    const sb = createSandbox({ now: T0 });
    sb.exec("kubectl create deployment web --image=nginx", { now: T0 });
    const vi = sb.exec("vi pod.yaml", { now: T0 + 1000 });
    expect(vi).toMatchObject({ exitCode: 1 });
    expect(vi.output).toMatch(/^vi: cannot run an interactive editor/);
    expect(vi.interactive).toBeUndefined();
    expect(sb.pendingInteractive()).toBeUndefined();
    const edit = sb.exec(`KUBE_EDITOR="sed -i 's/replicas: 1/replicas: 3/'" kubectl edit deploy web`, { now: T0 + 2000 });
    expect(edit).toMatchObject({ output: "deployment.apps/web edited\n", exitCode: 0 });
    expect(sb.exec("kubectl get deploy web -o jsonpath='{.spec.replicas}'", { now: T0 + 3000 }).output).toBe("3");
  });

  test("browser: vi on a file, keys typed in the browser session, saved through completeInteractive", () => {
    const sb = createSandbox({ now: T0 });
    sb.exec("echo 'replicas: 1' > d.yaml", { now: T0, interactive: true });
    const r = sb.exec("vi d.yaml", { now: T0 + 1000, interactive: true });
    expect(r).toMatchObject({ exitCode: 0, output: "", interactive: { editor: "vi", path: "/root/d.yaml", content: "replicas: 1\n" } });
    const ed = new BrowserEditorSession(r.interactive!, { rows: 24, cols: 80 });
    for (const chunk of ["$", "r", "4", ":", "w", "q", "\r"]) ed.input(chunk);
    const done = sb.completeInteractive(ed.result()!, { now: T0 + 5000 });
    expect(done).toMatchObject({ output: "", exitCode: 0, prompt: "controlplane $ " });
    expect(done.interactive).toBeUndefined();
    expect(sb.exec("cat d.yaml", { now: T0 + 6000 }).output).toBe("replicas: 4\n");
  });

  test("browser: kubectl edit survives a snapshot between the two requests and reopens an invalid edit", () => {
    const sb = createSandbox({ now: T0 });
    sb.exec("kubectl create deployment web --image=nginx", { now: T0, interactive: true });
    const r = sb.exec("kubectl edit deploy web", { now: T0 + 1000, interactive: true });
    expect(r.interactive?.editor).toBe("vi");
    const restored = restoreSandbox(JSON.parse(JSON.stringify(sb.snapshot())));
    expect(restored.pendingInteractive()).toEqual(r.interactive);
    const bad = restored.completeInteractive({ path: r.interactive!.path, content: r.interactive!.content!.replace("replicas: 1", "replicas: -1"), saved: true }, { now: T0 + 2000 });
    expect(bad.output).toBe('error: deployments.apps "web" is invalid\n');
    expect(bad.interactive?.content).toContain("# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n");
    const ok = restored.completeInteractive({ path: bad.interactive!.path, content: bad.interactive!.content!.replace("replicas: -1", "replicas: 2"), saved: true }, { now: T0 + 3000 });
    expect(ok).toMatchObject({ output: "deployment.apps/web edited\n", exitCode: 0 });
    expect(restored.pendingInteractive()).toBeUndefined();
    expect(restored.exec("kubectl get deploy web -o jsonpath='{.spec.replicas}'", { now: T0 + 4000 }).output).toBe("2");
  });

  test("completing when no editor is open is refused", () => {
    const sb = createSandbox({ now: T0 });
    expect(sb.completeInteractive({ path: "/root/x", content: "", saved: true }, { now: T0 })).toMatchObject({ exitCode: 1 });
  });
});
