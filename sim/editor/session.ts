// How a command line hands the learner's terminal to a full-screen editor and gets it back.
//
// A sandbox exec is one request and one answer, so `vi pod.yaml` cannot block. Instead a program
// that wants the terminal calls `terminalPort().open(request, then?)`: the line finishes, exec
// returns the request (`ExecResult.interactive`), the browser runs the same editor component
// (sim/editor/index.ts) on `request.content`, and when it quits sends back
// `sandbox.completeInteractive({ path, content, saved })`. The server stays authoritative: it
// writes the file (when saved) and runs the continuation registered under `then.handler` (kubectl
// edit's apply step), whose output is that call's ExecResult; a continuation may open the editor
// again (kubectl edit reopening an invalid file).
//
// The port is in dynamic scope (`withTerminalPort`) because the simulator is synchronous: the
// sandbox installs one around each exec, programs look it up while they run. Without one (unit
// tests, programs run outside a sandbox) there is no interactive terminal and no shell to run
// commands with. Everything pending is plain JSON, so it can live in a snapshot between requests.

import type { Proc } from "../core/process";
import { FsError, type FileSystem } from "../core/vfs";
import type { ClusterPort } from "../core/process";

export type EditorKind = "vi" | "nano";

/** What the browser needs to run the editor (ExecResult.interactive). */
export interface InteractiveRequest {
  kind: "editor";
  editor: EditorKind;
  /** The absolute path the content is written back to. */
  path: string;
  /** The name as typed, for the editor's messages and title bar. */
  displayPath: string;
  /** The file's content; absent for a new file. */
  content?: string;
}

/** What to run when the editor quits: a handler registered with registerContinuation, and its JSON state. */
export interface Continuation {
  handler: string;
  state: unknown;
}

export interface PendingInteractive {
  request: InteractiveRequest;
  then?: Continuation;
  /** The program's environment and directory, for the continuation. */
  env: Record<string, string>;
  cwd: string;
}

export interface TerminalPort {
  /** True when a browser terminal can run the editor; false in the headless runner. */
  readonly interactive: boolean;
  /** Hands the terminal to the editor once the line ends. */
  open(pending: PendingInteractive): void;
  /** Runs a command as the shell would (builtins such as `sh -c` included); returns its status. */
  run(argv: string[], io: { out(text: string): void; err(text: string): void }, env: Record<string, string>): number;
}

let current: TerminalPort | undefined;

/** Runs `fn` with `port` as the terminal programs see (the sandbox wraps each exec in this). */
export function withTerminalPort<T>(port: TerminalPort, fn: () => T): T {
  const saved = current;
  current = port;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

export function terminalPort(): TerminalPort | undefined {
  return current;
}

/** A continuation resumes a program after the editor: it reads the written file and goes on. */
export type ContinuationHandler = (p: Proc, state: unknown, outcome: { saved: boolean }) => number;

const handlers: Record<string, ContinuationHandler> = Object.create(null);

export function registerContinuation(name: string, handler: ContinuationHandler): void {
  handlers[name] = handler;
}

export interface ResumeHost {
  fs: FileSystem;
  cluster: ClusterPort;
  hostname: string;
  out(text: string): void;
  err(text: string): void;
}

/**
 * The server side of completeInteractive: writes the file when the editor saved, then runs the
 * continuation (its exit status is returned; 0 without one). Call it inside withTerminalPort so the
 * continuation can open the editor again or run commands.
 */
export function finishInteractive(pending: PendingInteractive, result: { content: string; saved: boolean }, host: ResumeHost): number {
  if (result.saved) {
    try {
      host.fs.write(pending.request.path, result.content, { mtime: host.cluster.now() });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      // vim's E212 (nano: "Error writing ..."): the directory is missing or the path is a directory.
      host.err(`"${pending.request.displayPath}" E212: Can't open file for writing\n`);
      return 1;
    }
  }
  const then = pending.then;
  if (!then) return 0;
  const handler = handlers[then.handler];
  if (!handler) {
    host.err(`internal error: no continuation named ${then.handler}\n`);
    return 1;
  }
  const proc: Proc = {
    argv: ["kubectl"],
    stdin: "",
    env: pending.env,
    cwd: pending.cwd,
    fs: host.fs,
    cluster: host.cluster,
    hostname: host.hostname,
    stdoutIsTerminal: true,
    stdout: host.out,
    stderr: host.err,
  };
  return handler(proc, then.state, { saved: result.saved });
}

/** The message an editor prints where no terminal can show it (the headless runner). */
export function headlessMessage(name: string): string {
  return (
    `${name}: cannot run an interactive editor in the headless runner; ` +
    `change files with sed -i or cat <<EOF, and for kubectl edit set EDITOR or KUBE_EDITOR to a command such as "sed -i s/a/b/"\n`
  );
}
