// Interactive container shells: `kubectl exec -it POD -- sh` pushes one; the terminal's lines then
// run inside the container until `exit`. Each line sees the container as the kubelet has it now
// (image files, volumes, what earlier lines wrote), and its writes go back through the kubelet
// (applyContainerWrites), so a file written under a shared emptyDir shows in the pod's other
// containers. The session keeps the shell's own state (directory, variables) as plain JSON.

import type { ClusterPort } from "../core/process";
import { ExitSignal, StreamCut, type ShellState } from "./interpreter";
import { containerFs, containerShell, fileChanges, type ContainerContext, type ExecTarget } from "./container-exec";
import { TerminalOutput } from "./terminal";

export interface ContainerSession extends ExecTarget {
  /** The shell asked for: sh, bash, ash. */
  shell: string;
  /** Prompt style: Debian-based images (bash: `root@nginx:/# `, dash: `# `) or BusyBox (`/ # `). */
  style: "debian" | "busybox";
  hostname: string;
  workingDir: string;
  /** The container run the shell is in (status containerID): a restart ends the shell. */
  instance?: string;
  /** Unset until the first line: the container's working directory and environment then. */
  state?: ShellState;
}

export function openSession(target: ExecTarget, shell: string, ctx: ContainerContext, instance: string | undefined): ContainerSession {
  // BusyBox-based images (busybox, alpine) have `ash`; Debian's shells are dash and bash.
  const busybox = ctx.executables?.includes("ash") ?? false;
  return { ...target, shell, style: busybox ? "busybox" : "debian", hostname: ctx.hostname, workingDir: ctx.workingDir ?? "/", ...(instance ? { instance } : {}) };
}

/** The prompt the container's shell prints for root, from its PS1 defaults. */
export function sessionPrompt(s: ContainerSession): string {
  const cwd = s.state?.cwd ?? s.workingDir;
  const hostname = s.hostname;
  const home = s.state?.vars.HOME ?? "/root";
  const w = cwd === home ? "~" : cwd.startsWith(home + "/") ? "~" + cwd.slice(home.length) : cwd;
  // BusyBox ash: PS1='\w \$ '; Debian bash: PS1='${debian_chroot:+($debian_chroot)}\u@\h:\w\$ '; dash: '# '.
  if (s.style === "busybox") return `${w} # `;
  if (s.shell === "bash") return `root@${hostname}:${w}# `;
  return "# ";
}

export interface SessionLine {
  output: string;
  exitCode: number;
  /** `exit` ended the shell. */
  exited: boolean;
  /** Files the line wrote (path → content) or removed (null), for applyContainerWrites. */
  changes: Record<string, string | null>;
  /** The line let virtual time reach `cutAt` (a browser stream): it is re-run later. */
  cut?: boolean;
}

export interface SessionRunOptions {
  /** A browser terminal's stream horizon (Shell.cutAt). */
  cutAt?: number;
  /** The container's own files at the current time (what its processes wrote meanwhile). */
  filesNow?: () => Record<string, string> | undefined;
  /** The shell's output goes here (a stream's re-run reads what it printed so far). */
  term?: TerminalOutput;
}

/**
 * A clock port that brings the container's files up to date as time passes, so that `tail -f`
 * or `watch cat` in the shell see what the container's processes keep writing.
 */
function refreshingPort(port: ClusterPort, fs: ReturnType<typeof containerFs>, filesNow: () => Record<string, string> | undefined): ClusterPort {
  let seen = filesNow() ?? {};
  return {
    request: (r) => port.request(r),
    now: () => port.now(),
    nextEventAt: () => port.nextEventAt(),
    advanceTo: (t) => {
      port.advanceTo(t);
      const files = filesNow() ?? {};
      for (const [path, data] of Object.entries(files)) if (seen[path] !== data) fs.write(path, data, { mtime: port.now() });
      seen = files;
    },
  };
}

/** Runs one line in the container's shell. */
export function runSessionLine(s: ContainerSession, ctx: ContainerContext, line: string, port: ClusterPort, opts: SessionRunOptions = {}): SessionLine {
  const fs = containerFs(ctx);
  const snapshot = { ...fs.toJSON() };
  const sh = containerShell(ctx, fs, opts.filesNow ? refreshingPort(port, fs, opts.filesNow) : port, s.state ? structuredClone(s.state) : undefined);
  if (s.shell === "bash") sh.host.dialect = "bash";
  const term = opts.term ?? new TerminalOutput();
  sh.beginLine();
  sh.cutAt = opts.cutAt;
  sh.terminal = term.write;
  sh.currentErr = term.write;
  let exitCode: number;
  let exited = false;
  let cut = false;
  try {
    exitCode = sh.runSource(line, { stdin: "", out: term.write, err: term.write });
  } catch (e) {
    if (e instanceof StreamCut) {
      cut = true;
      exitCode = 0;
    } else if (e instanceof ExitSignal) {
      exitCode = e.code;
      exited = true;
    } else throw e;
  } finally {
    sh.cutAt = undefined;
  }
  sh.state.lastStatus = exitCode;
  s.state = sh.state;
  return { output: term.text(), exitCode, exited, changes: fileChanges(snapshot, fs.toJSON()), ...(cut ? { cut } : {}) };
}
