// Builtins that change or inspect the shell itself (bash's texts and exit codes): cd, pwd, export,
// unset, alias, unalias, exit, history, timeout, which, type, true, false, :, clear, sh/bash -c.

import type { Shell } from "./interpreter";
import { ExitSignal } from "./interpreter";
import type { Io } from "./redirect";
import { resolvePath } from "../core/vfs";
import { MAX_SLEEP_MS, parseInterval } from "./coreutils/sleep";
import { readBuiltin, testBuiltin } from "./test-builtin";
import { JOB_BUILTINS } from "./job-builtins";
import { watchBuiltin } from "./watch-builtin";

export type Builtin = (sh: Shell, argv: string[], io: Io) => number;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Implemented inside the shell (they run other commands) but real programs in /usr/bin. */
const EXTERNAL = new Set(["timeout", "which", "xargs", "sudo"]);
/** Programs here (shared with container shells) that bash has as builtins. */
const BASH_BUILTIN_PROGRAMS = new Set(["echo", "printf"]);

function cd(sh: Shell, argv: string[], io: Io): number {
  const args = argv.slice(1).filter((a) => a !== "--");
  if (args.length > 1) {
    io.err("bash: cd: too many arguments\n");
    return 1;
  }
  let target = args[0] ?? sh.getVar("HOME") ?? "/root";
  if (target === "-") {
    const old = sh.getVar("OLDPWD");
    if (!old) {
      io.err("bash: cd: OLDPWD not set\n");
      return 1;
    }
    target = old;
    io.out(old + "\n");
  }
  const path = resolvePath(sh.state.cwd, target, sh.getVar("HOME") ?? "/root");
  const e = sh.host.fs.stat(path);
  if (!e) {
    io.err(`bash: cd: ${target}: No such file or directory\n`);
    return 1;
  }
  if (e.type !== "dir") {
    io.err(`bash: cd: ${target}: Not a directory\n`);
    return 1;
  }
  sh.setVar("OLDPWD", sh.state.cwd);
  sh.state.cwd = path;
  sh.setVar("PWD", path);
  return 0;
}

function exportBuiltin(sh: Shell, argv: string[], io: Io): number {
  const args = argv.slice(1);
  if (args.length === 0 || args[0] === "-p") {
    for (const k of [...sh.state.exported].sort()) {
      const v = sh.getVar(k);
      io.out(v === undefined ? `declare -x ${k}\n` : `declare -x ${k}="${v.replace(/(["\\$`])/g, "\\$1")}"\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      io.err(`bash: export: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (eq >= 0) sh.setVar(name, a.slice(eq + 1));
    if (!sh.state.exported.includes(name)) sh.state.exported.push(name);
  }
  return status;
}

function unset(sh: Shell, argv: string[], io: Io): number {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => a !== "-v" && a !== "-f")) {
    if (!NAME.test(name)) {
      io.err(`bash: unset: \`${name}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    delete sh.state.vars[name];
    sh.state.exported = sh.state.exported.filter((k) => k !== name);
  }
  return status;
}

function quoteAlias(v: string): string {
  return `'${v.replace(/'/g, "'\\''")}'`;
}

function alias(sh: Shell, argv: string[], io: Io): number {
  const args = argv.slice(1).filter((a) => a !== "-p");
  if (args.length === 0) {
    for (const k of Object.keys(sh.state.aliases).sort()) io.out(`alias ${k}=${quoteAlias(sh.state.aliases[k])}\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf("=");
    if (eq > 0) {
      sh.state.aliases[a.slice(0, eq)] = a.slice(eq + 1);
    } else if (Object.hasOwn(sh.state.aliases, a)) {
      io.out(`alias ${a}=${quoteAlias(sh.state.aliases[a])}\n`);
    } else {
      io.err(`bash: alias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
}

function unalias(sh: Shell, argv: string[], io: Io): number {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.err("unalias: usage: unalias [-a] name [name ...]\n");
    return 2;
  }
  if (args[0] === "-a") {
    sh.state.aliases = Object.create(null);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (Object.hasOwn(sh.state.aliases, a)) delete sh.state.aliases[a];
    else {
      io.err(`bash: unalias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
}

function exit(sh: Shell, argv: string[], io: Io): number {
  const arg = argv[1];
  if (arg === undefined) throw new ExitSignal(sh.state.lastStatus);
  if (!/^[-+]?\d+$/.test(arg)) {
    io.err(`bash: exit: ${arg}: numeric argument required\n`);
    throw new ExitSignal(2);
  }
  if (argv.length > 2) {
    io.err("bash: exit: too many arguments\n");
    return 1;
  }
  throw new ExitSignal(((Number(arg) % 256) + 256) % 256);
}

function history(sh: Shell, argv: string[], io: Io): number {
  if (argv[1] === "-c") {
    sh.state.history.length = 0;
    return 0;
  }
  const all = sh.state.history;
  if (argv[1]?.startsWith("-")) {
    io.err(`bash: history: ${argv[1]}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n`);
    return 2;
  }
  const n = argv[1] !== undefined ? Number(argv[1]) : all.length;
  if (!Number.isInteger(n) || n < 0) {
    io.err(`bash: history: ${argv[1]}: numeric argument required\n`);
    return 1;
  }
  const start = Math.max(0, all.length - n);
  for (let i = start; i < all.length; i++) io.out(`${String(i + 1).padStart(5)}  ${all[i]}\n`);
  return 0;
}

/** GNU timeout: runs CMD with a deadline; 124 when the deadline stopped it. */
function timeout(sh: Shell, argv: string[], io: Io): number {
  let i = 1;
  while (argv[i]?.startsWith("-") && argv[i] !== "-" ) {
    if (argv[i] === "--") {
      i++;
      break;
    }
    if (argv[i] === "-s" || argv[i] === "-k" || argv[i] === "--signal" || argv[i] === "--kill-after") i += 2;
    else i++;
  }
  if (argv[i] === undefined) {
    io.err("Try 'timeout --help' for more information.\n");
    return 125;
  }
  const ms = parseInterval(argv[i]);
  if (ms === undefined) {
    io.err(`timeout: invalid time interval ‘${argv[i]}’\nTry 'timeout --help' for more information.\n`);
    return 125;
  }
  const cmd = argv.slice(i + 1);
  if (cmd.length === 0) {
    io.err("timeout: missing operand\nTry 'timeout --help' for more information.\n");
    return 125;
  }
  const start = sh.host.cluster.now();
  const saved = sh.deadline;
  // Watching programs fast-forward to the deadline; like sleep, at most a day per command.
  const deadline = ms === 0 ? saved : start + Math.min(ms, MAX_SLEEP_MS);
  sh.deadline = saved === undefined || deadline === undefined ? (deadline ?? saved) : Math.min(saved, deadline);
  try {
    const status = sh.runArgv(cmd, io);
    if (ms > 0 && sh.host.cluster.now() >= start + Math.min(ms, MAX_SLEEP_MS)) return 124;
    return status === 127 && !sh.lookupProgram(cmd[0]) && !Object.hasOwn(BUILTINS, cmd[0]) ? 127 : status;
  } finally {
    sh.deadline = saved;
  }
}

function which(sh: Shell, argv: string[], io: Io): number {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith("-"))) {
    if (sh.lookupProgram(name) || EXTERNAL.has(name)) io.out(name.includes("/") ? `${name}\n` : `/usr/bin/${name}\n`);
    else status = 1;
  }
  return argv.length > 1 ? status : 1;
}

function type(sh: Shell, argv: string[], io: Io): number {
  let status = 0;
  for (const name of argv.slice(1)) {
    if (Object.hasOwn(sh.state.aliases, name)) io.out(`${name} is aliased to \`${sh.state.aliases[name]}'\n`);
    else if ((Object.hasOwn(BUILTINS, name) && !EXTERNAL.has(name)) || BASH_BUILTIN_PROGRAMS.has(name)) io.out(`${name} is a shell builtin\n`);
    else if (sh.lookupProgram(name) || EXTERNAL.has(name)) io.out(`${name} is /usr/bin/${name}\n`);
    else {
      io.err(`bash: type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
}

/** `sh -c '...'` and `bash -c '...'` run a script in a child shell. */
function childShell(sh: Shell, argv: string[], io: Io): number {
  const c = argv.indexOf("-c");
  if (c < 0 || argv[c + 1] === undefined) {
    if (c >= 0) {
      io.err(`${argv[0]}: -c: option requires an argument\n`);
      return 2;
    }
    return sh.subshell(() => sh.runSource(io.stdin, { ...io, stdin: "" }));
  }
  return sh.subshell(() => sh.runSource(argv[c + 1], io));
}

/** `source FILE` / `. FILE`: runs the file in the current shell. */
function source(sh: Shell, argv: string[], io: Io): number {
  const file = argv[1];
  if (file === undefined) {
    io.err(`bash: ${argv[0]}: filename argument required\n${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  const path = resolvePath(sh.state.cwd, file, sh.getVar("HOME") ?? "/root");
  const e = sh.host.fs.stat(path);
  if (!e || e.type !== "file") {
    io.err(`bash: ${file}: ${e ? "is a directory" : "No such file or directory"}\n`);
    return 1;
  }
  // kubectl's completion script (functions for bash's programmable completion) only sets up Tab,
  // which the terminal does itself (shell/completion.ts): accept it as bash would.
  if (e.data.includes("# bash completion V2 for kubectl")) return 0;
  return sh.runSource(e.data, io);
}

/** xargs: appends the words of stdin to a command (-n N per run, -I STR to substitute per line). */
function xargs(sh: Shell, argv: string[], io: Io): number {
  let i = 1;
  let perRun = Infinity;
  let replace: string | undefined;
  for (; i < argv.length && argv[i].startsWith("-"); i++) {
    if (argv[i] === "-n") perRun = Math.max(1, Number(argv[++i]) || 1);
    else if (argv[i] === "-I") replace = argv[++i];
    else if (argv[i] === "-r" || argv[i] === "--no-run-if-empty") continue;
    else if (argv[i] === "--") {
      i++;
      break;
    }
  }
  const cmd = argv.length > i ? argv.slice(i) : ["echo"];
  const input = io.stdin;
  const runs: string[][] = [];
  if (replace !== undefined) {
    for (const line of input.split("\n").filter((l) => l.trim() !== "")) runs.push(cmd.map((w) => w.split(replace!).join(line.trim())));
  } else {
    const words = input.split(/[ \t\n]+/).filter(Boolean);
    if (words.length === 0) runs.push(cmd);
    for (let k = 0; k < words.length; k += perRun === Infinity ? words.length : perRun) runs.push([...cmd, ...words.slice(k, k + (perRun === Infinity ? words.length : perRun))]);
  }
  let status = 0;
  for (const run of runs) {
    const s = sh.runArgv(run, { stdin: "", out: io.out, err: io.err });
    if (s === 127) return 127;
    if (s !== 0) status = 123;
  }
  return status;
}

/** `sudo CMD`: the learner is already root, so it just runs CMD (options like -E are ignored). */
function sudo(sh: Shell, argv: string[], io: Io): number {
  let i = 1;
  while (argv[i]?.startsWith("-")) i++;
  if (argv[i] === undefined) {
    io.err("usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n");
    return 1;
  }
  return sh.runArgv(argv.slice(i), io);
}

/** `command -v NAME` prints how NAME resolves; `command CMD` runs CMD skipping aliases. */
function command(sh: Shell, argv: string[], io: Io): number {
  if (argv[1] === "-v" || argv[1] === "-V") {
    // bash succeeds when at least one name resolves.
    let status = 1;
    for (const name of argv.slice(2)) {
      if (Object.hasOwn(sh.state.aliases, name)) io.out(`alias ${name}='${sh.state.aliases[name]}'\n`);
      else if ((Object.hasOwn(BUILTINS, name) && !EXTERNAL.has(name)) || BASH_BUILTIN_PROGRAMS.has(name)) io.out(`${name}\n`);
      else if (sh.lookupProgram(name) || EXTERNAL.has(name)) io.out(`/usr/bin/${name}\n`);
      else continue;
      status = 0;
    }
    return status;
  }
  return argv.length > 1 ? sh.runArgv(argv.slice(1), io) : 0;
}

function pwd(sh: Shell, _argv: string[], io: Io): number {
  io.out(sh.state.cwd + "\n");
  return 0;
}

export const BUILTINS: Record<string, Builtin> = Object.assign(Object.create(null) as Record<string, Builtin>, {
  cd,
  pwd,
  export: exportBuiltin,
  unset,
  alias,
  unalias,
  exit,
  history,
  timeout,
  which,
  type,
  source,
  xargs,
  sudo,
  command,
  ".": source,
  // Completion setup lines (`complete -F __start_kubectl k`) are accepted: the terminal's Tab
  // (sandbox.complete, shell/completion.ts) completes kubectl and its aliases already.
  complete: () => 0,
  // `set -e`, `set -o ...`: options are accepted without effect; bare `set` lists the variables.
  set: (sh: Shell, argv: string[], io: Io) => {
    if (argv.length === 1) for (const k of Object.keys(sh.state.vars).sort()) io.out(`${k}=${sh.state.vars[k]}\n`);
    return 0;
  },
  sh: childShell,
  bash: childShell,
  test: testBuiltin,
  "[": testBuiltin,
  read: readBuiltin,
  true: () => 0,
  false: () => 1,
  ":": () => 0,
  clear: (sh: Shell) => {
    sh.clearRequested = true;
    sh.onClear();
    return 0;
  },
  ...JOB_BUILTINS,
  watch: watchBuiltin,
});
