// The sandbox's side of the editor protocol (see session.ts): it installs the terminal port around
// each command line, keeps the pending editor request (plain JSON, part of the snapshot) and
// completes it when the browser sends the editor's result back.

import type { ClusterPort } from "../core/process";
import type { FileSystem } from "../core/vfs";
import type { Shell } from "../shell/interpreter";
import { finishInteractive, withTerminalPort, type InteractiveRequest, type PendingInteractive, type TerminalPort } from "./session";

export interface CompleteInput {
  path: string;
  content: string;
  saved: boolean;
}

export class TerminalSession {
  /** True when the last run or complete opened an editor. */
  private opened = false;

  constructor(private waiting?: PendingInteractive) {}

  /** Runs `fn` (a command line) with the terminal port; an editor it opens becomes `request()`. */
  run<T>(shell: Shell, interactive: boolean, fn: () => T): T {
    this.opened = false;
    const port: TerminalPort = {
      interactive,
      open: (p) => {
        this.waiting = p;
        this.opened = true;
      },
      run: (argv, io, env) => shell.runArgv(argv, { stdin: "", out: io.out, err: io.err }, env),
    };
    return withTerminalPort(port, fn);
  }

  /** The editor the browser should run now, if the last command (or completion) opened one. */
  request(): InteractiveRequest | undefined {
    return this.opened ? this.waiting?.request : undefined;
  }

  /** Plain JSON for the snapshot. */
  pending(): PendingInteractive | undefined {
    return this.waiting;
  }

  /**
   * The editor quit: writes the file when saved and runs what was waiting (kubectl edit's apply).
   * Returns the exit status; output goes to out/err. A continuation may open the editor again.
   */
  complete(shell: Shell, host: { fs: FileSystem; cluster: ClusterPort; hostname: string }, input: CompleteInput, out: (t: string) => void, err: (t: string) => void): number {
    const pending = this.waiting;
    if (!pending || pending.request.path !== input.path) {
      err(`no editor is open on ${input.path}\n`);
      return 1;
    }
    this.waiting = undefined;
    return this.run(shell, true, () => finishInteractive(pending, { content: input.content, saved: input.saved }, { ...host, out, err }));
  }
}
