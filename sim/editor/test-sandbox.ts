// Test helper: a cluster and the learner's shell wired as sim/sandbox.ts wires them, plus the
// TerminalSession the sandbox uses for editors (so editor flows are tested without a browser).

import { MemoryFs } from "../core/vfs";
import type { Program } from "../core/process";
import { createCluster } from "../world";
import { coreutils } from "../shell/coreutils/index";
import { ExitSignal, initialShellState, Shell } from "../shell/interpreter";
import { TerminalOutput } from "../shell/terminal";
import { kubectl } from "../kubectl/index";
import { writeDefaultKubeconfig } from "../kubectl/framework/kubeconfig";
import { TerminalSession, type CompleteInput } from "./terminal-session";
import type { InteractiveRequest } from "./session";

export function editorSandbox(opts: { interactive: boolean }) {
  const cluster = createCluster({ seed: 1, topology: "default", now: Date.UTC(2026, 0, 1) });
  const fs = new MemoryFs();
  for (const dir of ["/root/.kube", "/tmp"]) fs.mkdir(dir, { parents: true });
  writeDefaultKubeconfig(fs, "default", "https://172.30.1.2:6443");
  const programs = Object.assign(Object.create(null) as Record<string, Program>, coreutils(), { kubectl });
  const shell = new Shell({ fs, cluster, hostname: "controlplane", programs }, initialShellState("controlplane"));
  const session = new TerminalSession();

  const capture = (fn: (term: TerminalOutput) => number) => {
    const term = new TerminalOutput();
    shell.beginLine();
    shell.currentErr = term.write;
    shell.terminal = term.write;
    let code: number;
    try {
      code = fn(term);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      code = e.code;
    }
    shell.state.lastStatus = code;
    return code;
  };

  const exec = (line: string): { output: string; code: number; request?: InteractiveRequest } => {
    let output = "";
    const code = capture((term) => {
      const c = session.run(shell, opts.interactive, () => shell.runSource(line, { stdin: "", out: term.write, err: term.write }));
      output = term.text();
      return c;
    });
    return { output, code, request: session.request() };
  };

  const complete = (input: CompleteInput): { output: string; code: number; request?: InteractiveRequest } => {
    let output = "";
    const code = capture((term) => {
      const c = session.complete(shell, { fs, cluster, hostname: "controlplane" }, input, term.write, term.write);
      output = term.text();
      return c;
    });
    return { output, code, request: session.request() };
  };

  return { cluster, fs, shell, exec, complete };
}
