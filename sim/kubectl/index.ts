// kubectl as one Program: find the command (cobra Find), parse flags (pflag), load the
// kubeconfig, run the verb, and print failures as kubectl's checkErr does.

import type { Program, Proc } from "../core/process";
import { LimitError } from "../core/limits";
import { FlagError, parseFlags, type FlagSpec } from "./framework/flags";
import { GLOBAL_FLAGS } from "./framework/global-flags";
import { CommandFailed, errorText, kubectlError } from "./framework/errors";
import { contextNamespace, defaultKubeconfigYaml, kubeconfigPath, readKubeconfig, type Kubeconfig } from "./framework/kubeconfig";
import { KUBECTL_COMMANDS, suggestionsFor } from "./framework/suggest";
import { USER_AGENT, type Ctx, type Verb } from "./framework/verb";
import { findVerb } from "./registry";
import { HELP_TEXTS } from "./help/texts";
import { load } from "js-yaml";

export const kubectl: Program = (p: Proc): number => {
  try {
    return runKubectl(p);
  } catch (e) {
    if (e instanceof LimitError) throw e;
    const t = errorText(e);
    if (t) {
      p.stderr(t.text.endsWith("\n") ? t.text : t.text + "\n");
      return t.code;
    }
    throw e;
  }
};

const GLOBAL_BY_LONG = new Map(GLOBAL_FLAGS.map((f) => [f.name, f]));
const GLOBAL_BY_SHORT = new Map(GLOBAL_FLAGS.filter((f) => f.short).map((f) => [f.short!, f]));

/** Index of the first non-flag word from `from` (cobra stripFlags), skipping known flags' values. */
function firstWord(args: string[], from: number, specs: FlagSpec[]): number {
  const byLong = new Map([...GLOBAL_BY_LONG, ...specs.map((f) => [f.name, f] as const)]);
  const byShort = new Map([...GLOBAL_BY_SHORT, ...specs.filter((f) => f.short).map((f) => [f.short!, f] as const)]);
  for (let i = from; i < args.length; i++) {
    const a = args[i];
    if (a === "--") return -1;
    if (a.startsWith("--")) {
      const f = byLong.get(a.slice(2));
      if (!a.includes("=") && f && f.type !== "bool" && f.noOptDefVal === undefined) i++;
    } else if (a.startsWith("-") && a.length > 1) {
      const f = byShort.get(a[1]);
      if (a.length === 2 && f && f.type !== "bool" && f.noOptDefVal === undefined) i++;
    } else return i;
  }
  return -1;
}

function runKubectl(p: Proc): number {
  const argv = p.argv.slice(1);
  const at = firstWord(argv, 0, []);
  if (at < 0) return topLevel(p, argv);
  const name = argv[at];
  const found = findVerb(name);
  if (!found) return unknownCommand(p, name);
  let verb: Verb = found;
  let path = `kubectl ${verb.name}`;
  let rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  while (verb.subcommands?.length) {
    const i = firstWord(rest, 0, verb.flags ?? []);
    const sub: Verb | undefined = i >= 0 ? verb.subcommands.find((s) => s.name === rest[i] || s.aliases?.includes(rest[i])) : undefined;
    if (!sub) break;
    verb = sub;
    path = `${path} ${sub.name}`;
    rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
  }
  return runVerb(p, verb, path, rest);
}

function topLevel(p: Proc, argv: string[]): number {
  try {
    parseFlags(argv, GLOBAL_FLAGS);
  } catch (e) {
    if (e instanceof FlagError) return flagFailure(p, "kubectl", e);
    throw e;
  }
  p.stdout(HELP_TEXTS[""]);
  return 0;
}

function unknownCommand(p: Proc, name: string): number {
  const s = suggestionsFor(name, KUBECTL_COMMANDS);
  const hint = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join("")}` : "";
  if ((KUBECTL_COMMANDS as readonly string[]).includes(name)) {
    p.stderr(`error: "kubectl ${name}" is not available in this simulator yet\n`);
    return 1;
  }
  p.stderr(`error: unknown command "${name}" for "kubectl"${hint}${hint ? "" : "\n"}`);
  return 1;
}

function flagFailure(p: Proc, path: string, e: FlagError): number {
  p.stderr(`error: ${e.message}\nSee '${path} --help' for usage.\n`);
  return 1;
}

function helpOf(verb: Verb, path: string): string {
  return verb.help ?? HELP_TEXTS[path.replace(/^kubectl ?/, "")] ?? `Usage:\n  ${path} [flags] [options]\n`;
}

function runVerb(p: Proc, verb: Verb, path: string, rest: string[]): number {
  let parsed;
  try {
    parsed = parseFlags(rest, [...(verb.flags ?? []), ...GLOBAL_FLAGS]);
  } catch (e) {
    if (e instanceof FlagError) return flagFailure(p, path, e);
    throw e;
  }
  if (parsed.help) {
    p.stdout(helpOf(verb, path));
    return 0;
  }
  if (!verb.run) {
    // cmdutil.DefaultSubCommandRun: help on stderr and exit 1; an extra word is an error.
    if (parsed.args.length > 0) {
      p.stderr(`error: unknown command "${parsed.args[0]}"\nSee '${path} -h' for help and examples\n`);
      return 1;
    }
    p.stderr(helpOf(verb, path));
    return 1;
  }
  const flags = parsed.flags;
  const kubeconfig = loadKubeconfig(p, flags.string("kubeconfig"));
  const contextFlag = flags.string("context");
  if (contextFlag && !path.startsWith("kubectl config") && !kubeconfig.contexts.some((c) => c.name === contextFlag)) {
    // clientcmd's ErrNoContext, as checkErr prints a configuration error.
    throw new CommandFailed(`Error in configuration: context was not found for specified context: ${contextFlag}`);
  }
  const nsFlag = flags.string("namespace");
  const ctx: Ctx = {
    p,
    commandPath: path,
    flags,
    argsLenAtDash: parsed.argsLenAtDash,
    namespace: nsFlag || contextNamespace(kubeconfig, flags.string("context")),
    namespaceExplicit: flags.changed("namespace") && nsFlag !== "",
    kubeconfig,
    out: (t) => p.stdout(t),
    err: (t) => p.stderr(t),
    request: (req) => p.cluster.request({ userAgent: USER_AGENT, ...req }),
    now: () => p.cluster.now(),
  };
  return verb.run(ctx, parsed.args);
}

/** The kubeconfig in the virtual filesystem; a machine without one behaves as a fresh kubeadm node. */
function loadKubeconfig(p: Proc, flag: string): Kubeconfig {
  const path = kubeconfigPath(p.fs, p.env, p.cwd, flag);
  if (flag && p.fs.stat(path)?.type !== "file") throw kubectlError(`stat ${flag}: no such file or directory`);
  const c = readKubeconfig(p.fs, path);
  if (c.path) return c;
  const raw = load(defaultKubeconfigYaml(p.hostname === "minikube" ? "minikube" : "default")) as Kubeconfig;
  return { ...raw, path: "" };
}
