// The contract between the shell and every program it runs (coreutils, kubectl, ...).
// A program reads its arguments, stdin, env and files, writes stdout/stderr, returns an exit code.

import type { FileSystem } from "./vfs";
import type { ApiRequest, ApiResponse } from "./api-types";

/** What a program may do to the simulated cluster: talk to the API server and let time pass. */
export interface ClusterPort {
  /** One REST-shaped request; mutations settle the controllers before this returns. */
  request(req: ApiRequest): ApiResponse;
  now(): number;
  /** Runs every timer up to `t` (controllers settle after each) and sets the clock to `t`. */
  advanceTo(t: number): void;
  /** The time of the next pending wake-up, if any. */
  nextEventAt(): number | undefined;
}

export interface Proc {
  /** argv[0] is the program name as typed (after alias expansion). */
  argv: string[];
  stdin: string;
  env: Record<string, string>;
  cwd: string;
  fs: FileSystem;
  cluster: ClusterPort;
  /** Set by `timeout N`: watching programs stop at this virtual time. Undefined: no limit given. */
  deadline?: number;
  /**
   * A browser terminal's stream horizon (the line is cut there and resumed later, not killed):
   * a server such as `kubectl proxy` keeps its listener when it reaches this, not at `deadline`.
   */
  cutAt?: number;
  /** The hostname of the machine the program runs on ("controlplane"). */
  hostname: string;
  /** True when stdout is the learner's terminal (not a pipe or a file), as isatty(1): ls prints columns. */
  stdoutIsTerminal?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export type Program = (p: Proc) => number;
