// A kubectl command: its flags and a run function (cobra.Command's shape, reduced). Verbs are
// plain values listed in sim/kubectl/registry.ts; the dispatcher in sim/kubectl/index.ts parses
// flags, builds the Ctx and prints errors as kubectl's checkErr does.

import type { ApiRequest, ApiResponse } from "../../core/api-types";
import type { Proc } from "../../core/process";
import type { FlagSpec, FlagValues } from "./flags";
import type { Kubeconfig } from "./kubeconfig";

export interface Verb {
  /** The command word ("get", "cluster-info", "image" under "set"). */
  name: string;
  aliases?: string[];
  /** Local flags; the global ones (GLOBAL_FLAGS) are always accepted. */
  flags?: FlagSpec[];
  /** Sub-commands ("config view", "rollout status", "create deployment"). A verb with
   *  subcommands and no run prints its help when called alone. */
  subcommands?: Verb[];
  /** Runs the command. `args` are the positional arguments; returns the exit code.
   *  Throw CommandFailed / ApiStatusError (framework/errors.ts) to fail with kubectl's text. */
  run?(ctx: Ctx, args: string[]): number;
  /** The --help text; defaults to the real kubectl's captured text (help/texts.ts). */
  help?: string;
}

export interface Ctx {
  p: Proc;
  /** "kubectl get", "kubectl config view": for "See '... --help'" lines. */
  commandPath: string;
  flags: FlagValues;
  /** cobra ArgsLenAtDash: index of the first argument after `--`, -1 when absent. */
  argsLenAtDash: number;
  /** The namespace to use: -n, else the current context's, else "default". */
  namespace: string;
  /** True when -n/--namespace was given (kubectl's enforceNamespace). */
  namespaceExplicit: boolean;
  kubeconfig: Kubeconfig;
  out(text: string): void;
  err(text: string): void;
  /** One request to the API server, with kubectl's user agent. */
  request(req: ApiRequest): ApiResponse;
  now(): number;
}

/** Defines a verb (an identity function that keeps literal types and documents intent). */
export function verb(v: Verb): Verb {
  return v;
}

export const USER_AGENT = "kubectl/v1.32.5 (linux/amd64) kubernetes/0000000";
