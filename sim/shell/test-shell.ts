// A shell over a fresh filesystem and a bare clock, for the shell's own tests (no cluster needed).

import type { ClusterPort } from "../core/process";
import { MemoryFs } from "../core/vfs";
import { coreutils } from "./coreutils/index";
import { ExitSignal, initialShellState, Shell } from "./interpreter";
import { TerminalOutput } from "./terminal";

export const T0 = Date.UTC(2026, 10, 25, 22, 21, 12);

export function bareCluster(start = T0): ClusterPort & { t: number } {
  const c = {
    t: start,
    request: () => ({ status: 404, body: {} }),
    now: () => c.t,
    advanceTo: (t: number) => {
      c.t = Math.max(c.t, t);
    },
    nextEventAt: () => undefined,
  };
  return c;
}

export function testShell() {
  const fs = new MemoryFs();
  fs.mkdir("/root/.kube", { parents: true });
  fs.mkdir("/tmp");
  const cluster = bareCluster();
  const shell = new Shell({ fs, cluster, hostname: "controlplane", programs: coreutils() }, initialShellState("controlplane"));
  /** Runs a line as the sandbox does; returns the terminal text and the exit status. */
  const run = (line: string): { out: string; code: number } => {
    const term = new TerminalOutput();
    shell.beginLine();
    shell.currentErr = term.write;
    shell.terminal = term.write;
    let code: number;
    try {
      code = shell.runSource(line, { stdin: "", out: term.write, err: term.write });
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      code = e.code;
    }
    shell.state.lastStatus = code;
    return { out: term.text(), code };
  };
  return { fs, cluster, shell, run };
}
