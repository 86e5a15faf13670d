// Runs a parsed command line: lists, && / ||, pipelines (stage by stage, each one's stdout the next
// one's stdin, since every program is synchronous), compound commands, aliases, builtins that
// change the shell itself, and programs (coreutils, kubectl) through the Program contract.

import type { AndOr, Command, List, Pipeline, SimpleCommand } from "./ast";
import { parse } from "./parser";
import { ShellSyntaxError, Lexer } from "./lexer";
import { expandHeredoc, expandNoSplit, expandWord, ExpansionError, type ExpandContext } from "./expand";
import { ArithmeticError } from "./arithmetic";
import { applyRedirects, RedirectError, type Io, type Sink } from "./redirect";
import { glob } from "./glob";
import { BUILTINS, type Builtin } from "./builtins";
import { LIMITS, LimitError } from "../core/limits";
import type { FileSystem } from "../core/vfs";
import type { ClusterPort, Proc, Program } from "../core/process";
import type { JobControl } from "./job-builtins";

export interface ShellState {
  cwd: string;
  vars: Record<string, string>;
  exported: string[];
  aliases: Record<string, string>;
  history: string[];
  lastStatus: number;
}

export interface ShellHost {
  fs: FileSystem;
  cluster: ClusterPort;
  hostname: string;
  programs: Record<string, Program>;
  /** "sh" inside containers (dash's messages: `sh: 1: foo: not found`); bash otherwise. */
  dialect?: "bash" | "sh";
}

/** `exit N`: unwinds to the top of the line (or of the subshell). */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/**
 * A streaming line reached the time the terminal has seen so far (`Shell.cutAt`): the line stops
 * there (the rest of a pipeline still reads what was printed) and the sandbox resumes it later.
 */
export class StreamCut {}

export function initialShellState(hostname: string): ShellState {
  const vars: Record<string, string> = Object.create(null);
  Object.assign(vars, {
    HOME: "/root",
    HOSTNAME: hostname,
    LANG: "C.UTF-8",
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    PWD: "/root",
    SHELL: "/bin/bash",
    SHLVL: "1",
    TERM: "xterm-256color",
    USER: "root",
  });
  return { cwd: "/root", vars, exported: Object.keys(vars), aliases: Object.create(null), history: [], lastStatus: 0 };
}

export class Shell {
  state: ShellState;
  /** Set by `timeout N`: watching programs stop at this virtual time. */
  deadline: number | undefined;
  /** A browser terminal's stream horizon: a command that lets time reach it stops the line (StreamCut). */
  cutAt: number | undefined;
  /** The sandbox's job table (browser terminals); undefined: no job control. */
  jobControl: JobControl | undefined;
  /** Set by `clear`: the terminal should clear the screen before showing this line's output. */
  clearRequested = false;
  /** Called by `clear`: the sandbox drops the output printed before it. */
  onClear: () => void = () => {};
  private loopIterations = 0;
  private substitutionDepth = 0;

  constructor(readonly host: ShellHost, state: ShellState) {
    this.state = state;
  }

  /** Parses and runs one input (possibly several lines), returning its exit status. */
  runSource(src: string, io: Io): number {
    let parsed;
    try {
      parsed = parse(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(`bash: ${e.message}\n`);
        return (this.state.lastStatus = 2);
      }
      throw e;
    }
    for (const w of parsed.warnings) io.err(`bash: ${w}\n`);
    return this.execList(parsed.list, io);
  }

  /** Resets per-line counters; the sandbox calls this before each command line. */
  beginLine(): void {
    this.loopIterations = 0;
    this.substitutionDepth = 0;
    this.clearRequested = false;
    this.deadline = undefined;
    this.cutAt = undefined;
  }

  execList(list: List, io: Io): number {
    let status = this.state.lastStatus;
    for (const item of list.items) status = this.execAndOr(item, io);
    return status;
  }

  private execAndOr(node: AndOr, io: Io): number {
    let status = this.execPipeline(node.first, io);
    for (const { op, pipeline } of node.rest) {
      if ((op === "&&") === (status === 0)) status = this.execPipeline(pipeline, io);
    }
    return status;
  }

  private execPipeline(p: Pipeline, io: Io): number {
    let stdin = io.stdin;
    let status = 0;
    let cut: StreamCut | undefined;
    p.cmds.forEach((cmd, k) => {
      const last = k === p.cmds.length - 1;
      const buf = last ? undefined : new OutputBuffer();
      const reader = k === 0 ? io.reader : { text: stdin, pos: 0 };
      try {
        status = this.execCommand(cmd, { stdin, reader, out: buf ? buf.sink : io.out, err: io.err });
      } catch (e) {
        // A cut stage still hands what it printed to the rest of the pipeline (`get -w | grep x`).
        if (!(e instanceof StreamCut)) throw e;
        cut = e;
      }
      if (buf) stdin = buf.text();
    });
    if (cut) throw cut;
    if (p.negate) status = status === 0 ? 1 : 0;
    return (this.state.lastStatus = status);
  }

  execCommand(cmd: Command, io: Io): number {
    if (cmd.type === "simple") return this.execSimple(cmd, io);
    return this.withRedirects(cmd.redirs, io, (rio) => {
      switch (cmd.type) {
        case "if": {
          for (const c of cmd.clauses) if (this.execList(c.cond, rio) === 0) return this.execList(c.body, rio);
          return cmd.otherwise ? this.execList(cmd.otherwise, rio) : 0;
        }
        case "for": {
          const items = (cmd.words ?? []).flatMap((w) => expandWord(w, this.expandContext()));
          let status = 0;
          for (const item of items) {
            this.countIteration();
            this.setVar(cmd.name, item);
            status = this.execList(cmd.body, rio);
          }
          return status;
        }
        case "while": {
          let status = 0;
          while ((this.execList(cmd.cond, rio) === 0) !== cmd.until) {
            this.countIteration();
            status = this.execList(cmd.body, rio);
          }
          return status;
        }
        case "group":
          return cmd.subshell ? this.subshell(() => this.execList(cmd.body, rio)) : this.execList(cmd.body, rio);
      }
    });
  }

  private execSimple(cmd: SimpleCommand, io: Io): number {
    const ctx = this.expandContext();
    let argv: string[];
    const assigns: [string, string][] = [];
    const fdFiles: string[] = [];
    try {
      argv = this.expandAliases(cmd.words).flatMap((w) => (/^[<>]\(/.test(w) ? [this.processSubstitution(w, fdFiles)] : expandWord(w, ctx)));
      for (const a of cmd.assigns) assigns.push([a.name, expandNoSplit(a.value, ctx)]);
    } catch (e) {
      return this.expansionFailure(e, io);
    }
    if (fdFiles.length) {
      // The /dev/fd files live as long as the command, as the pipes bash opens do.
      try {
        return this.withRedirects(cmd.redirs, io, (rio) => this.runArgv(argv, rio, Object.fromEntries(assigns)));
      } finally {
        for (const f of fdFiles) if (this.host.fs.stat(f)) this.host.fs.remove(f);
      }
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return this.withRedirects(cmd.redirs, io, () => 0);
    }
    return this.withRedirects(cmd.redirs, io, (rio) => this.runArgv(argv, rio, Object.fromEntries(assigns)));
  }

  /** Runs a command by name: builtin, program, or `command not found`. */
  runArgv(argv: string[], io: Io, extraEnv: Record<string, string> = {}): number {
    const name = argv[0];
    const builtin: Builtin | undefined = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
    if (builtin) {
      const status = builtin(this, argv, io);
      if (this.cutAt !== undefined && this.host.cluster.now() >= this.cutAt) throw new StreamCut();
      return status;
    }
    const program = this.lookupProgram(name);
    if (!program) {
      if (name.includes("/")) {
        io.err(`bash: ${name}: No such file or directory\n`);
        return 127;
      }
      io.err(this.host.dialect === "sh" ? `sh: 1: ${name}: not found\n` : `bash: ${name}: command not found\n`);
      return 127;
    }
    const env: Record<string, string> = Object.create(null);
    for (const k of this.state.exported) if (this.state.vars[k] !== undefined) env[k] = this.state.vars[k];
    Object.assign(env, extraEnv);
    const reader = io.reader;
    let consumed = false;
    const proc: Proc = {
      argv,
      stdin: "",
      env,
      cwd: this.state.cwd,
      fs: this.host.fs,
      cluster: this.host.cluster,
      deadline: this.cutAt === undefined ? this.deadline : Math.min(this.deadline ?? Infinity, this.cutAt),
      cutAt: this.cutAt,
      hostname: this.host.hostname,
      stdoutIsTerminal: io.out === this.terminal,
      stdout: io.out,
      stderr: io.err,
    };
    // A program that reads stdin consumes all of it (as cat would); one that doesn't leaves it for `read`.
    Object.defineProperty(proc, "stdin", {
      enumerable: true,
      get: () => {
        consumed = true;
        return reader ? reader.text.slice(reader.pos) : io.stdin;
      },
    });
    let status: number;
    try {
      status = program(proc);
    } finally {
      if (reader && consumed) reader.pos = reader.text.length;
    }
    if (this.cutAt !== undefined && this.host.cluster.now() >= this.cutAt) throw new StreamCut();
    return status;
  }

  /** The learner's terminal (set by the sandbox), so programs can tell it from a pipe. */
  terminal: Sink | undefined;

  lookupProgram(name: string): Program | undefined {
    const m = /^(?:\/usr\/local\/bin|\/usr\/bin|\/bin|\/usr\/sbin|\/sbin)\/([^/]+)$/.exec(name);
    const base = m ? m[1] : name;
    if (name.includes("/") && !m) return undefined;
    return Object.hasOwn(this.host.programs, base) ? this.host.programs[base] : undefined;
  }

  /** Runs `fn` with the shell's variables, aliases and directory restored afterwards. */
  subshell(fn: () => number): number {
    const saved = structuredClone(this.state);
    try {
      return fn();
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    } finally {
      const history = this.state.history;
      this.state = saved;
      this.state.history = history;
    }
  }

  setVar(name: string, value: string): void {
    this.state.vars[name] = value;
  }

  getVar(name: string): string | undefined {
    switch (name) {
      case "?":
        return String(this.state.lastStatus);
      case "$":
        return "1";
      case "#":
        return "0";
      case "0":
        return "bash";
      case "@":
      case "*":
      case "!":
      case "-":
        return "";
      case "RANDOM":
        return undefined;
    }
    return Object.hasOwn(this.state.vars, name) ? this.state.vars[name] : undefined;
  }

  expandContext(): ExpandContext {
    return {
      getVar: (n) => this.getVar(n),
      setVar: (n, v) => this.setVar(n, v),
      substitute: (src) => this.substitute(src),
      glob: (pattern) => {
        try {
          return glob(pattern, this.host.fs, this.state.cwd);
        } catch {
          return [];
        }
      },
      home: this.state.vars.HOME ?? "/root",
    };
  }

  private substitute(src: string): string {
    if (this.substitutionDepth >= LIMITS.substitutionDepth) throw new LimitError("substitutionDepth");
    this.substitutionDepth++;
    const buf = new OutputBuffer();
    try {
      const status = this.subshell(() => this.runSource(src, { stdin: "", out: buf.sink, err: this.currentErr }));
      this.pendingStatus = status;
    } finally {
      this.substitutionDepth--;
    }
    return buf.text();
  }

  /** `<(cmd)`: cmd's output as a file (/dev/fd/63, 62, ...); `>(cmd)` gets a file nobody reads. */
  private processSubstitution(word: string, files: string[]): string {
    const path = `/dev/fd/${63 - files.length}`;
    const text = word.startsWith("<") ? this.substitute(word.slice(2, -1)) : "";
    this.host.fs.mkdir("/dev/fd", { parents: true });
    this.host.fs.write(path, text);
    files.push(path);
    return path;
  }

  /** Where stderr of command substitutions goes (the terminal of the current line). */
  currentErr: Sink = () => {};
  private pendingStatus = 0;

  private expandAliases(words: string[]): string[] {
    const seen = new Set<string>();
    let out = words;
    while (out.length && Object.hasOwn(this.state.aliases, out[0]) && !seen.has(out[0])) {
      seen.add(out[0]);
      const value = this.state.aliases[out[0]];
      const toks = new Lexer(value).tokens().flatMap((t) => (t.kind === "word" ? [t.raw] : []));
      out = [...toks, ...out.slice(1)];
      if (!value.endsWith(" ")) break;
    }
    return out;
  }

  private withRedirects(redirs: Command["redirs"], io: Io, run: (io: Io) => number): number {
    let applied;
    try {
      applied = applyRedirects(redirs, io, {
        fs: this.host.fs,
        cwd: this.state.cwd,
        home: this.state.vars.HOME ?? "/root",
        now: this.host.cluster.now(),
        expandTarget: (raw) => expandNoSplit(raw, this.expandContext()),
        expandHeredoc: (body) => expandHeredoc(body, this.expandContext()),
      });
    } catch (e) {
      if (e instanceof RedirectError) {
        io.err(`bash: ${e.message}\n`);
        return 1;
      }
      return this.expansionFailure(e, io);
    }
    try {
      return run(applied.io);
    } finally {
      applied.flush();
    }
  }

  private expansionFailure(e: unknown, io: Io): number {
    if (e instanceof ExpansionError || e instanceof ArithmeticError) {
      // bash discards the rest of the line after an expansion error (interactive shells too).
      io.err(`bash: ${e.message}\n`);
      throw new ExitSignal(1);
    }
    throw e;
  }

  private countIteration(): void {
    if (++this.loopIterations > LIMITS.loopIterations) throw new LimitError("loopIterations");
  }
}

/** Collects a pipe stage's or a substitution's output, within the output limit. */
export class OutputBuffer {
  private chunks: string[] = [];
  private size = 0;
  sink: Sink = (text) => {
    this.size += text.length;
    if (this.size > LIMITS.outputBytes) throw new LimitError("outputBytes");
    this.chunks.push(text);
  };
  text(): string {
    return this.chunks.join("");
  }
}
