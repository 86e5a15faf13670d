// Runs a parsed container script on a virtual time cursor: `echo` writes a line at the cursor,
// `sleep N` moves it, `exit N` ends the process. Pure and deterministic; `date` reads the cursor.

import type { Behaviour, OutputLine, RunContext } from "./types";
import { parseScript, ShellSyntaxError, type Node, type Word } from "./shell-parse";
import { curl, wget, type ToolIo } from "./net-tools";
import { busyboxNslookup, dnsIo } from "./dns-tools";
import { arith, formatDate } from "./shell-util";

/** Which shell the image has: the "not found" wording differs (busybox ash, Debian dash, bash). */
export type ShellFlavor = "busybox" | "dash" | "bash";

export interface ScriptHost {
  ctx: RunContext;
  flavor: ShellFlavor;
  /** Starts another program of the image (`exec nginx -g 'daemon off;'`); undefined if not a program. */
  external(argv: string[]): Behaviour | undefined;
  /** Whether argv[0] exists on the image at all. */
  hasBin(name: string): boolean;
  /** The image's version ("1.28.4" for busybox:1.28): tools print differently across versions. */
  version?: string;
}

export interface ScriptResult {
  lines: OutputLine[];
  /** The files when the run stopped (at exit or at `untilMs`). */
  files: Record<string, string>;
  /** Absent when the process runs past `untilMs` (or forever). */
  exit?: { atMs: number; code: number };
  /** A delegated long-running program (nginx, redis-server) took over at `atMs`. */
  handoff?: { atMs: number; behaviour: Behaviour };
}

const MAX_STEPS = 200_000;
const TAIL_ITERATIONS = 1_000;

class Exit { constructor(readonly code: number) {} }
class Stop {}
class Break {}

interface St {
  t: number;
  until: number;
  vars: Record<string, string>;
  lines: OutputLine[];
  capture?: string[];
  steps: number;
  status: number;
  toStderr?: boolean;
  /** Lines piped into the current command. */
  stdin?: string[];
  /** The container's files as the script changes them (touch, rm, echo > f). */
  files: Record<string, string>;
  handoff?: { atMs: number; behaviour: Behaviour };
}

/**
 * A run's state. Its files are copied from the container's when a command first touches them
 * (most runs never do, and the container's files are themselves made on first look).
 */
function newSt(untilMs: number, host: ScriptHost): St {
  let files: Record<string, string> | undefined;
  return {
    t: 0,
    until: untilMs,
    vars: { ...host.ctx.env },
    lines: [],
    steps: 0,
    status: 0,
    get files() {
      return (files ??= { ...host.ctx.files });
    },
    set files(v) {
      files = v;
    },
  };
}

/** A run's result; its files (the run's, when asked) are read from the state lazily too. */
function result(st: St, end: { exit?: ScriptResult["exit"]; handoff?: ScriptResult["handoff"] }): ScriptResult {
  const r: ScriptResult = {
    lines: st.lines,
    get files() {
      return st.files;
    },
  };
  if (end.exit) r.exit = end.exit;
  if (end.handoff) r.handoff = end.handoff;
  return r;
}

/** Runs `sh -c script` until it exits or the cursor passes `untilMs` (relative to process start). */
export function runScript(script: string, host: ScriptHost, untilMs: number, argv0 = "sh"): ScriptResult {
  const st = newSt(untilMs, host);
  let node: Node;
  try {
    node = parseScript(script);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    const prefix = host.flavor === "bash" ? `${argv0}: -c: line 1: ` : host.flavor === "dash" ? `${argv0}: 1: ` : `${argv0}: `;
    st.lines.push({ atMs: 0, stream: "stderr", text: prefix + e.message });
    return result(st, { exit: { atMs: 0, code: 2 } });
  }
  return runNode(node, st, host);
}

/** Runs one simple command (an argv without a shell), as when `command: ["sleep", "3600"]`. */
export function runArgv(argv: string[], host: ScriptHost, untilMs: number): ScriptResult {
  const st = newSt(untilMs, host);
  const words: Word[] = argv.map((a) => [{ text: a, quote: "single" }]);
  return runNode({ k: "cmd", words, redirs: [] }, st, host);
}

function runNode(node: Node, st: St, host: ScriptHost): ScriptResult {
  try {
    const code = exec(node, st, host);
    if (st.handoff) return result(st, { handoff: st.handoff });
    return result(st, { exit: { atMs: st.t, code } });
  } catch (e) {
    if (e instanceof Exit) return result(st, { exit: { atMs: st.t, code: e.code } });
    if (e instanceof Stop) return result(st, { handoff: st.handoff });
    throw e;
  }
}

function step(st: St): void {
  if (++st.steps > MAX_STEPS) throw new Stop();
}

function exec(n: Node, st: St, host: ScriptHost): number {
  step(st);
  switch (n.k) {
    case "seq": {
      let code = 0;
      for (const item of n.items) code = exec(item, st, host);
      return code;
    }
    case "and": {
      const a = exec(n.a, st, host);
      return a === 0 ? exec(n.b, st, host) : a;
    }
    case "or": {
      const a = exec(n.a, st, host);
      return a !== 0 ? exec(n.b, st, host) : a;
    }
    case "pipe": {
      // Each stage's stdout becomes the next one's stdin; only the last stage reaches the log.
      const saved = st.capture;
      const savedIn = st.stdin;
      let code = 0;
      try {
        for (const item of n.items.slice(0, -1)) {
          st.capture = [];
          exec(item, st, host);
          st.stdin = st.capture;
        }
        st.capture = saved;
        code = exec(n.items[n.items.length - 1], st, host);
      } finally {
        st.capture = saved;
        st.stdin = savedIn;
      }
      return code;
    }
    case "if":
      if (exec(n.cond, st, host) === 0) return exec(n.then, st, host);
      return n.else ? exec(n.else, st, host) : 0;
    case "for": {
      let code = 0;
      const items = n.words.length ? n.words.flatMap((w) => expandWord(w, st, host)) : [];
      try {
        for (const v of items) {
          st.vars[n.name] = v;
          code = exec(n.body, st, host);
        }
      } catch (e) {
        if (!(e instanceof Break)) throw e;
      }
      return code;
    }
    case "while":
      return execWhile(n, st, host);
    case "cmd":
      return execCmd(n, st, host);
  }
}

function isAlwaysTrue(n: Node): boolean {
  if (n.k !== "cmd" || n.words.length === 0) return false;
  const w = n.words.map((x) => x.map((p) => p.text).join(""));
  return w[0] === "true" || w[0] === ":" || (w[0] === "[" && w.length === 3 && w[1] !== "" && w[2] === "]");
}

function mentions(n: Node, pred: (word: string) => boolean): boolean {
  switch (n.k) {
    case "cmd": return n.words.some((w) => pred(w.map((p) => p.text).join("")));
    case "seq": case "pipe": return n.items.some((x) => mentions(x, pred));
    case "and": case "or": return mentions(n.a, pred) || mentions(n.b, pred);
    case "if": return mentions(n.cond, pred) || mentions(n.then, pred) || (!!n.else && mentions(n.else, pred));
    case "while": return mentions(n.cond, pred) || mentions(n.body, pred);
    case "for": return mentions(n.body, pred);
  }
}

function execWhile(n: Extract<Node, { k: "while" }>, st: St, host: ScriptHost): number {
  const forever = !n.until && isAlwaysTrue(n.cond) && !mentions(n.body, (w) => w === "exit" || w === "break");
  const stateless = forever && !mentions(n.body, (w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  let code = 0;
  let first = true;
  try {
    for (;;) {
      const c = exec(n.cond, st, host);
      if ((c === 0) === n.until) break;
      const t0 = st.t;
      code = exec(n.body, st, host);
      if (st.t > st.until) throw new Stop();
      const period = st.t - t0;
      if (forever && period === 0 && st.until === Infinity) throw new Stop();
      // A stateless endless loop repeats itself: jump to the iterations whose output can still matter.
      if (first && stateless && period > 0 && st.until !== Infinity) {
        const skip = Math.floor((st.until - st.t) / period) - TAIL_ITERATIONS;
        if (skip > 0) st.t += skip * period;
      }
      if (forever && st.until === Infinity) throw new Stop();
      first = false;
    }
  } catch (e) {
    if (!(e instanceof Break)) throw e;
  }
  return code;
}

function emit(st: St, stream: "stdout" | "stderr", text: string): void {
  if (st.toStderr) stream = "stderr";
  if (st.capture && stream === "stdout") {
    st.capture.push(text);
    return;
  }
  if (st.t > st.until) throw new Stop();
  st.lines.push({ atMs: st.t, stream, text });
}

function execCmd(n: Extract<Node, { k: "cmd" }>, st: St, host: ScriptHost): number {
  const argv = n.words.flatMap((w) => expandWord(w, st, host));
  // VAR=value assignments before (or without) a command.
  while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
    const a = argv.shift()!;
    const eq = a.indexOf("=");
    st.vars[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (argv.length === 0) return (st.status = 0);
  const target = (r: { target: Word }) => r.target.map((p) => p.text).join("");
  const fileRedir = n.redirs.find((r) => (r.op === ">" || r.op === ">>") && target(r) !== "/dev/stdout" && target(r) !== "/dev/stderr");
  const silenced = !!fileRedir;
  const toStderr = n.redirs.some((r) => (r.op === ">&" && target(r) === "2") || ((r.op === ">" || r.op === ">>") && target(r) === "/dev/stderr"));
  const saved = st.capture;
  const savedErr = st.toStderr;
  if (silenced) st.capture = [];
  if (toStderr) st.toStderr = true;
  try {
    return (st.status = builtin(argv, st, host));
  } finally {
    if (fileRedir && target(fileRedir) !== "/dev/null" && st.capture) {
      const path = target(fileRedir);
      const text = st.capture.map((l) => `${l}\n`).join("");
      st.files[path] = fileRedir.op === ">>" ? (st.files[path] ?? "") + text : text;
    }
    if (silenced) st.capture = saved;
    st.toStderr = savedErr;
  }
}

function seconds(arg: string): number | undefined {
  if (arg === "infinity") return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return parseFloat(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}

function builtin(argv: string[], st: St, host: ScriptHost): number {
  const [cmd, ...args] = argv;
  const name = cmd.split("/").pop()!;
  const out = (text: string) => emit(st, "stdout", text);
  const err = (text: string) => emit(st, "stderr", text);
  switch (name) {
    case "true": case ":": return 0;
    case "false": return 1;
    case "exit": throw new Exit(args[0] !== undefined ? Number(args[0]) & 255 : st.status);
    case "break": throw new Break();
    case "exec": return args.length ? builtin(args, st, host) : 0;
    case "echo": return echo(args, out);
    case "printf": {
      const fmt = (args[0] ?? "").replace(/%s/g, () => "\u0000");
      let i = 1;
      const text = fmt.replace(/\u0000/g, () => args[i++] ?? "").replace(/\\n/g, "\n").replace(/\\t/g, "\t");
      for (const l of text.replace(/\n$/, "").split("\n")) out(l);
      return 0;
    }
    case "sleep": {
      const s = seconds(args[0] ?? "");
      if (s === undefined) { err(`sleep: invalid number '${args[0] ?? ""}'`); return 1; }
      if (st.t + s * 1000 > st.until) { st.t = st.until + 1; throw new Stop(); }
      st.t += s * 1000;
      return 0;
    }
    case "date": out(formatDate(host.ctx.startedAtMs + st.t, args[0])); return 0;
    case "hostname": out(host.ctx.hostname); return 0;
    case "env": case "printenv":
      if (name === "printenv" && args[0]) { if (st.vars[args[0]] === undefined) return 1; out(st.vars[args[0]]); return 0; }
      for (const [k, v] of Object.entries(host.ctx.env)) out(`${k}=${v}`);
      return 0;
    case "head": case "tail": {
      if (name === "tail" && args.includes("-f")) { st.t = st.until + 1; throw new Stop(); }
      const nArg = args.find((a) => /^-\d+$/.test(a))?.slice(1) ?? (args.includes("-n") ? args[args.indexOf("-n") + 1] : undefined) ?? "10";
      const files = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-n");
      const input = files.length ? (st.files[files[0]] ?? "").replace(/\n$/, "").split("\n") : st.stdin ?? [];
      const k = Number(nArg) || 0;
      for (const l of name === "head" ? input.slice(0, k) : input.slice(-k)) out(l);
      return 0;
    }
    case "grep": {
      const flags = args.filter((a) => a.startsWith("-")).join("");
      const [pattern, file] = args.filter((a) => !a.startsWith("-"));
      const input = file ? (st.files[file] ?? "").replace(/\n$/, "").split("\n") : st.stdin ?? [];
      const ci = flags.includes("i");
      const hit = (l: string) => (ci ? l.toLowerCase().includes((pattern ?? "").toLowerCase()) : l.includes(pattern ?? ""));
      const matched = input.filter((l) => hit(l) !== flags.includes("v"));
      if (flags.includes("c")) out(String(matched.length));
      else if (!flags.includes("q")) for (const l of matched) out(l);
      return matched.length ? 0 : 1;
    }
    case "wc": {
      const input = st.stdin ?? [];
      out(args.includes("-l") ? String(input.length) : `${input.length} ${input.join(" ").split(/\s+/).filter(Boolean).length} ${input.join("\n").length + input.length}`);
      return 0;
    }
    case "cat": {
      if (args.length === 0) { for (const l of st.stdin ?? []) out(l); return 0; }
      let code = 0;
      for (const f of args) {
        const data = st.files[f];
        if (data === undefined) { err(`cat: can't open '${f}': No such file or directory`); code = 1; continue; }
        for (const l of data.replace(/\n$/, "").split("\n")) out(l);
      }
      return code;
    }
    case "touch":
      for (const f of args.filter((a) => !a.startsWith("-"))) st.files[f] ??= "";
      return 0;
    case "rm": {
      const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
      let code = 0;
      for (const f of args.filter((a) => !a.startsWith("-"))) {
        const under = Object.keys(st.files).filter((p) => p === f || p.startsWith(`${f}/`));
        if (under.length === 0 && !force) { err(`rm: can't remove '${f}': No such file or directory`); code = 1; }
        for (const p of under) delete st.files[p];
      }
      return code;
    }
    case "mkdir": return 0;
    case "ls": {
      const paths = args.filter((a) => !a.startsWith("-"));
      let code = 0;
      for (const p of paths) {
        if (st.files[p] !== undefined) { out(p); continue; }
        const kids = [...new Set(Object.keys(st.files).filter((f) => f.startsWith(`${p.replace(/\/$/, "")}/`)).map((f) => f.slice(p.replace(/\/$/, "").length + 1).split("/")[0]))].sort();
        if (kids.length === 0) { err(`ls: ${p}: No such file or directory`); code = 1; continue; }
        for (const k of kids) out(k);
      }
      return code;
    }
    case "test": case "[": {
      const a = name === "[" ? args.slice(0, -1) : args;
      if (a.length === 2 && (a[0] === "-f" || a[0] === "-e" || a[0] === "-s")) return st.files[a[1]] !== undefined && (a[0] !== "-s" || st.files[a[1]] !== "") ? 0 : 1;
      return test(a);
    }
    case "sh": case "ash": case "bash": case "dash": {
      const ci = args.indexOf("-c");
      if (ci < 0) return 0; // no tty, no script: reads EOF from stdin and exits
      const node = parseScript(args[ci + 1] ?? "");
      return exec(node, st, host);
    }
  }
  if ((name === "wget" || name === "curl") && host.hasBin(name)) {
    const io: ToolIo = {
      out, err, net: host.ctx.net,
      write: (path, data) => { st.files[path] = data; },
      sleepMs: (ms) => { if (st.t + ms > st.until) { st.t = st.until + 1; throw new Stop(); } st.t += ms; },
    };
    return name === "wget" ? wget(args, io) : curl(args, io);
  }
  if (name === "nslookup" && host.hasBin(name)) return busyboxNslookup(args, dnsIo(host.ctx.files["/etc/resolv.conf"], { out, err, dns: host.ctx.dns, now: host.ctx.startedAtMs + st.t }), host.version);
  if (host.hasBin(name)) {
    const b = host.external(argv);
    if (b) {
      if (b.exit) {
        for (const l of b.output(b.exit.atMs)) {
          if (st.capture && l.stream === "stdout") { st.capture.push(l.text); continue; }
          if (st.t + l.atMs > st.until) throw new Stop();
          st.lines.push({ ...l, atMs: st.t + l.atMs });
        }
        st.t += b.exit.atMs;
        return b.exit.code;
      }
      st.handoff = { atMs: st.t, behaviour: b };
      throw new Stop();
    }
    return 0;
  }
  err(notFound(host.flavor, cmd));
  return 127;
}

function notFound(flavor: ShellFlavor, cmd: string): string {
  if (flavor === "bash") return `bash: line 1: ${cmd}: command not found`;
  if (flavor === "dash") return `sh: 1: ${cmd}: not found`;
  return `sh: ${cmd}: not found`;
}

function echo(args: string[], out: (t: string) => void): number {
  let noNewline = false;
  let escapes = false;
  while (args[0] === "-n" || args[0] === "-e") {
    if (args[0] === "-n") noNewline = true; else escapes = true;
    args = args.slice(1);
  }
  let text = args.join(" ");
  if (escapes) text = text.replace(/\\n/g, "\n").replace(/\\t/g, "\t");
  if (noNewline && text === "") return 0;
  for (const l of text.split("\n")) out(l);
  return 0;
}

function test(a: string[]): number {
  if (a.length === 0) return 1;
  if (a[0] === "!") return test(a.slice(1)) === 0 ? 1 : 0;
  if (a.length === 1) return a[0] !== "" ? 0 : 1;
  if (a.length === 2) {
    if (a[0] === "-z") return a[1] === "" ? 0 : 1;
    if (a[0] === "-n") return a[1] !== "" ? 0 : 1;
    return 1;
  }
  const [l, op, r] = a;
  const nl = Number(l), nr = Number(r);
  switch (op) {
    case "=": case "==": return l === r ? 0 : 1;
    case "!=": return l !== r ? 0 : 1;
    case "-eq": return nl === nr ? 0 : 1;
    case "-ne": return nl !== nr ? 0 : 1;
    case "-lt": return nl < nr ? 0 : 1;
    case "-le": return nl <= nr ? 0 : 1;
    case "-gt": return nl > nr ? 0 : 1;
    case "-ge": return nl >= nr ? 0 : 1;
  }
  return 2;
}

// ---- expansion ----

function expandWord(w: Word, st: St, host: ScriptHost): string[] {
  let text = "";
  let split = false;
  for (const part of w) {
    if (part.quote === "single") { text += part.text; continue; }
    const e = expandText(part.text, st, host);
    if (part.quote === "none" && e !== part.text) split = true;
    text += e;
  }
  if (split) return text.split(/\s+/).filter(Boolean);
  return [text];
}

function expandText(s: string, st: St, host: ScriptHost): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\" && s[i + 1] === "$") { out += "$"; i++; continue; }
    if (c !== "$") { out += c; continue; }
    if (s.startsWith("$((", i)) {
      const end = s.indexOf("))", i);
      out += String(arith(s.slice(i + 3, end), st.vars));
      i = end + 1;
    } else if (s[i + 1] === "(") {
      let depth = 0, j = i + 1;
      for (; j < s.length; j++) { if (s[j] === "(") depth++; else if (s[j] === ")" && --depth === 0) break; }
      out += substitute(s.slice(i + 2, j), st, host);
      i = j;
    } else if (s[i + 1] === "{") {
      const end = s.indexOf("}", i);
      const inner = s.slice(i + 2, end);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?-)(.*)$/.exec(inner);
      out += m ? (st.vars[m[1]] || m[3]) : (st.vars[inner] ?? "");
      i = end;
    } else if (s[i + 1] === "?") { out += String(st.status); i++; }
    else if (s[i + 1] === "$") { out += "1"; i++; }
    else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
      if (!m) { out += "$"; continue; }
      out += st.vars[m[0]] ?? "";
      i += m[0].length;
    }
  }
  return out;
}

function substitute(script: string, st: St, host: ScriptHost): string {
  const saved = st.capture;
  st.capture = [];
  try {
    exec(parseScript(script), st, host);
    return st.capture.join("\n");
  } finally {
    st.capture = saved;
  }
}

