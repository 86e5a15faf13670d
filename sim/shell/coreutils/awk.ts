// A small awk (gawk's behaviour for the subset learners pipe kubectl into): BEGIN/END, /re/ and
// expression patterns, print/printf, fields ($0, $N, NF, NR, FS, OFS), variables, += ++ --,
// arithmetic, comparisons, ~ !~, && || !, string concatenation, if/else, next, and length,
// substr, tolower, toupper, index. Regexes run on the linear-time engine.

import type { Proc } from "../../core/process";
import type { RE2JS } from "re2js";
import { LIMITS, LimitError } from "../../core/limits";
import { compilePosix, RegexError } from "../regex";
import { abs, fsErrorText, lines } from "./util";
import { printf as shellPrintf } from "./echo";

type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "re"; re: RE2JS }
  | { k: "var"; name: string }
  | { k: "field"; e: Expr }
  | { k: "un"; op: string; e: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr }
  | { k: "assign"; op: string; target: Expr; e: Expr }
  | { k: "incdec"; op: string; prefix: boolean; target: Expr }
  | { k: "call"; name: string; args: Expr[] };

type Stmt =
  | { k: "print"; args: Expr[] }
  | { k: "printf"; args: Expr[] }
  | { k: "expr"; e: Expr }
  | { k: "if"; cond: Expr; then: Stmt[]; else?: Stmt[] }
  | { k: "next" };

interface Rule {
  kind: "begin" | "end" | "main";
  pattern?: Expr;
  action?: Stmt[];
}

class AwkSyntaxError extends Error {}

const TOKEN = /(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)|(\+\+|--|\+=|-=|\*=|\/=|==|!=|<=|>=|&&|\|\||!~|[-+*/%<>!~=(){};,$?:\n])/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    while (src[i] === " " || src[i] === "\t") i++;
    if (i >= src.length) break;
    if (src[i] === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    // A slash starts a regex where an operand is expected.
    const prev = out[out.length - 1];
    if (src[i] === "/" && (prev === undefined || /^[(,;{}\n!~&|]$|^(&&|\|\||!~|~|==|!=)$/.test(prev))) {
      let j = i + 1;
      while (j < src.length && src[j] !== "/") j += src[j] === "\\" ? 2 : 1;
      if (j >= src.length) throw new AwkSyntaxError("unterminated regexp");
      out.push("/" + src.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) throw new AwkSyntaxError(`invalid char '${src[i]}' in expression`);
    out.push(m[0]);
    i = TOKEN.lastIndex;
  }
  return out;
}

class Parser {
  i = 0;
  constructor(private t: string[]) {}
  peek(): string | undefined {
    return this.t[this.i];
  }
  eat(tok: string): void {
    if (this.t[this.i] !== tok) throw new AwkSyntaxError(this.t[this.i] === undefined ? "unexpected newline or end of string" : `syntax error at '${this.t[this.i]}'`);
    this.i++;
  }
  skipNl(): void {
    while (this.peek() === "\n" || this.peek() === ";") this.i++;
  }
  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.peek() !== undefined) {
      let kind: Rule["kind"] = "main";
      let pattern: Expr | undefined;
      if (this.peek() === "BEGIN" || this.peek() === "END") kind = this.t[this.i++] === "BEGIN" ? "begin" : "end";
      else if (this.peek() !== "{") pattern = this.expr();
      const action = this.peek() === "{" ? this.block() : undefined;
      if (kind !== "main" && !action) throw new AwkSyntaxError(`${kind.toUpperCase()} blocks must have an action part`);
      rules.push({ kind, pattern, action });
      this.skipNl();
    }
    return rules;
  }
  block(): Stmt[] {
    this.eat("{");
    const out: Stmt[] = [];
    this.skipNl();
    while (this.peek() !== "}") {
      if (this.peek() === undefined) throw new AwkSyntaxError("unexpected newline or end of string");
      out.push(this.stmt());
      this.skipNl();
    }
    this.eat("}");
    return out;
  }
  stmt(): Stmt {
    const t = this.peek();
    if (t === "{") return { k: "if", cond: { k: "num", v: 1 }, then: this.block() };
    if (t === "print" || t === "printf") {
      this.i++;
      const args: Expr[] = [];
      if (!this.endOfStmt()) {
        const paren = this.peek() === "(";
        args.push(this.expr(paren));
        while (this.peek() === ",") {
          this.i++;
          args.push(this.expr(paren));
        }
      }
      return { k: t, args };
    }
    if (t === "next") {
      this.i++;
      return { k: "next" };
    }
    if (t === "if") {
      this.i++;
      this.eat("(");
      const cond = this.expr();
      this.eat(")");
      this.skipNl();
      const then = this.peek() === "{" ? this.block() : [this.stmt()];
      const save = this.i;
      this.skipNl();
      if (this.peek() === "else") {
        this.i++;
        this.skipNl();
        return { k: "if", cond, then, else: this.peek() === "{" ? this.block() : [this.stmt()] };
      }
      this.i = save;
      return { k: "if", cond, then };
    }
    return { k: "expr", e: this.expr() };
  }
  endOfStmt(): boolean {
    const t = this.peek();
    return t === undefined || t === ";" || t === "\n" || t === "}";
  }
  // Precedence climbing: || && in/~ comparison concat additive multiplicative unary.
  expr(inPrint = false): Expr {
    return this.ternaryOrAssign(inPrint);
  }
  ternaryOrAssign(inPrint: boolean): Expr {
    const left = this.or(inPrint);
    const t = this.peek();
    if (t && ["=", "+=", "-=", "*=", "/="].includes(t) && (left.k === "var" || left.k === "field")) {
      this.i++;
      return { k: "assign", op: t, target: left, e: this.ternaryOrAssign(inPrint) };
    }
    if (t === "?") {
      this.i++;
      const a = this.ternaryOrAssign(inPrint);
      this.eat(":");
      const b = this.ternaryOrAssign(inPrint);
      return { k: "call", name: "?:", args: [left, a, b] };
    }
    return left;
  }
  or(p: boolean): Expr {
    let a = this.and(p);
    while (this.peek() === "||") a = { k: "bin", op: this.t[this.i++], a, b: this.and(p) };
    return a;
  }
  and(p: boolean): Expr {
    let a = this.match(p);
    while (this.peek() === "&&") a = { k: "bin", op: this.t[this.i++], a, b: this.match(p) };
    return a;
  }
  match(p: boolean): Expr {
    let a = this.compare(p);
    while (this.peek() === "~" || this.peek() === "!~") a = { k: "bin", op: this.t[this.i++], a, b: this.compare(p) };
    return a;
  }
  compare(p: boolean): Expr {
    const a = this.concat(p);
    const t = this.peek();
    // Inside print, ">" is output redirection in awk; not supported here, so it stays a comparison only outside print.
    if (t && ["==", "!=", "<", "<=", ">=", ...(p ? [] : [">"])].includes(t)) return { k: "bin", op: this.t[this.i++], a, b: this.concat(p) };
    return a;
  }
  concat(p: boolean): Expr {
    let a = this.additive();
    for (;;) {
      const t = this.peek();
      if (t === undefined || /^(\n|;|}|\)|,|\|\||&&|~|!~|==|!=|<|<=|>|>=|=|\+=|-=|\*=|\/=|\?|:|\{)$/.test(t) || (t === "in")) return a;
      a = { k: "bin", op: "concat", a, b: this.additive() };
      void p;
    }
  }
  additive(): Expr {
    let a = this.mult();
    while (this.peek() === "+" || this.peek() === "-") a = { k: "bin", op: this.t[this.i++], a, b: this.mult() };
    return a;
  }
  mult(): Expr {
    let a = this.unary();
    while (this.peek() === "*" || this.peek() === "/" || this.peek() === "%") a = { k: "bin", op: this.t[this.i++], a, b: this.unary() };
    return a;
  }
  unary(): Expr {
    const t = this.peek();
    if (t === "!" || t === "-" || t === "+") {
      this.i++;
      return { k: "un", op: t, e: this.unary() };
    }
    if (t === "++" || t === "--") {
      this.i++;
      return { k: "incdec", op: t, prefix: true, target: this.primary() };
    }
    const e = this.primary();
    const n = this.peek();
    if ((n === "++" || n === "--") && (e.k === "var" || e.k === "field")) {
      this.i++;
      return { k: "incdec", op: n, prefix: false, target: e };
    }
    return e;
  }
  primary(): Expr {
    const t = this.t[this.i++];
    if (t === undefined) throw new AwkSyntaxError("unexpected newline or end of string");
    if (/^\d/.test(t)) return { k: "num", v: Number(t) };
    if (t.startsWith('"')) return { k: "str", v: unquote(t.slice(1, -1)) };
    if (t.startsWith("/") && t.length >= 1 && !["/", "/="].includes(t)) return { k: "re", re: compileRe(t.slice(1)) };
    if (t === "$") return { k: "field", e: this.primary() };
    if (t === "(") {
      const e = this.expr();
      this.eat(")");
      return e;
    }
    if (/^[A-Za-z_]/.test(t)) {
      if (this.peek() === "(" && FUNCS.has(t)) {
        this.i++;
        const args: Expr[] = [];
        if (this.peek() !== ")") {
          args.push(this.expr());
          while (this.peek() === ",") {
            this.i++;
            args.push(this.expr());
          }
        }
        this.eat(")");
        return { k: "call", name: t, args };
      }
      if (t === "length") return { k: "call", name: "length", args: [] };
      return { k: "var", name: t };
    }
    throw new AwkSyntaxError(`syntax error at '${t}'`);
  }
}

const FUNCS = new Set(["length", "substr", "tolower", "toupper", "index", "int", "sprintf"]);

function unquote(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", "\\": "\\", '"': '"', "/": "/" })[c] ?? "\\" + c);
}

function compileRe(src: string): RE2JS {
  try {
    return compilePosix(src, { extended: true });
  } catch (e) {
    if (e instanceof RegexError) throw new AwkSyntaxError(e.message);
    throw e;
  }
}

class NextSignal {}

/** awk's number-to-string rule: integers print plainly, others with %.6g. */
function str(v: string | number): string {
  if (typeof v === "string") return v;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

function num(v: string | number): number {
  if (typeof v === "number") return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(v);
  return m ? Number(m[0]) : 0;
}

function looksNumeric(v: string | number): boolean {
  return typeof v === "number" || /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v);
}

class Runtime {
  vars: Record<string, string | number> = Object.create(null);
  fields: string[] = [];
  out = "";
  steps = 0;
  constructor(fs: string) {
    this.vars.FS = fs;
    this.vars.OFS = " ";
    this.vars.NR = 0;
    this.vars.NF = 0;
  }
  setRecord(line: string): void {
    const fs = str(this.vars.FS);
    const parts = fs === " " ? line.split(/[ \t\n]+/).filter((x, i, a) => x !== "" || (i > 0 && i < a.length - 1)) : line.split(fs.length === 1 ? fs : compileRegexSplit(fs));
    this.fields = [line, ...(line === "" ? [] : parts)];
    this.vars.NF = this.fields.length - 1;
  }
  getField(n: number): string {
    return this.fields[n] ?? "";
  }
  setField(n: number, v: string): void {
    if (n === 0) return this.setRecord(v);
    while (this.fields.length <= n) this.fields.push("");
    this.fields[n] = v;
    this.vars.NF = this.fields.length - 1;
    this.fields[0] = this.fields.slice(1).join(str(this.vars.OFS));
  }
  eval(e: Expr): string | number {
    if (++this.steps > LIMITS.loopIterations * 10) throw new LimitError("loopIterations");
    switch (e.k) {
      case "num":
        return e.v;
      case "str":
        return e.v;
      case "re":
        return e.re.test(this.getField(0)) ? 1 : 0;
      case "var":
        return this.vars[e.name] ?? "";
      case "field":
        return this.getField(Math.trunc(num(this.eval(e.e))));
      case "un": {
        const v = this.eval(e.e);
        return e.op === "!" ? (truthy(v) ? 0 : 1) : e.op === "-" ? -num(v) : num(v);
      }
      case "assign": {
        const cur = this.eval(e.target);
        const v = this.eval(e.e);
        const next = e.op === "=" ? v : e.op === "+=" ? num(cur) + num(v) : e.op === "-=" ? num(cur) - num(v) : e.op === "*=" ? num(cur) * num(v) : num(cur) / num(v);
        this.store(e.target, next);
        return next;
      }
      case "incdec": {
        const cur = num(this.eval(e.target));
        const next = e.op === "++" ? cur + 1 : cur - 1;
        this.store(e.target, next);
        return e.prefix ? next : cur;
      }
      case "call":
        return this.call(e.name, e.args);
      case "bin":
        return this.binary(e.op, e.a, e.b);
    }
  }
  store(target: Expr, v: string | number): void {
    if (target.k === "var") this.vars[target.name] = v;
    else if (target.k === "field") this.setField(Math.trunc(num(this.eval(target.e))), str(v));
  }
  binary(op: string, a: Expr, b: Expr): string | number {
    if (op === "&&") return truthy(this.eval(a)) && truthy(this.eval(b)) ? 1 : 0;
    if (op === "||") return truthy(this.eval(a)) || truthy(this.eval(b)) ? 1 : 0;
    if (op === "~" || op === "!~") {
      const s = str(this.eval(a));
      const re = b.k === "re" ? b.re : compileRe(str(this.eval(b)));
      return re.test(s) === (op === "~") ? 1 : 0;
    }
    const x = this.eval(a);
    const y = this.eval(b);
    switch (op) {
      case "concat":
        return str(x) + str(y);
      case "+":
        return num(x) + num(y);
      case "-":
        return num(x) - num(y);
      case "*":
        return num(x) * num(y);
      case "/":
      case "%":
        if (num(y) === 0) throw new AwkSyntaxError("division by zero attempted");
        return op === "/" ? num(x) / num(y) : num(x) % num(y);
    }
    const numeric = looksNumeric(x) && looksNumeric(y);
    const c = numeric ? num(x) - num(y) : str(x) < str(y) ? -1 : str(x) > str(y) ? 1 : 0;
    const r = op === "==" ? c === 0 : op === "!=" ? c !== 0 : op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
    return r ? 1 : 0;
  }
  call(name: string, args: Expr[]): string | number {
    const v = args.map((a) => this.eval(a));
    switch (name) {
      case "?:":
        return truthy(v[0]) ? v[1] : v[2];
      case "length":
        return (args.length ? str(v[0]) : this.getField(0)).length;
      case "substr": {
        const s = str(v[0]);
        const start = Math.round(num(v[1]));
        const len = v.length > 2 ? Math.round(num(v[2])) : Infinity;
        const from = Math.max(1, start);
        const to = Math.min(s.length + 1, start + len);
        return to > from ? s.slice(from - 1, to - 1) : "";
      }
      case "tolower":
        return str(v[0]).toLowerCase();
      case "toupper":
        return str(v[0]).toUpperCase();
      case "index":
        return str(v[0]).indexOf(str(v[1])) + 1;
      case "int":
        return Math.trunc(num(v[0]));
      default:
        return formatPrintf(v.map(str));
    }
  }
  exec(stmts: Stmt[]): void {
    for (const s of stmts) {
      switch (s.k) {
        case "print":
          this.out += (s.args.length ? s.args.map((a) => str(this.eval(a))).join(str(this.vars.OFS)) : this.getField(0)) + "\n";
          break;
        case "printf":
          this.out += formatPrintf(s.args.map((a) => str(this.eval(a))));
          break;
        case "expr":
          this.eval(s.e);
          break;
        case "if":
          if (truthy(this.eval(s.cond))) this.exec(s.then);
          else if (s.else) this.exec(s.else);
          break;
        case "next":
          throw new NextSignal();
      }
      if (this.out.length > LIMITS.outputBytes) throw new LimitError("outputBytes");
    }
  }
}

function compileRegexSplit(fs: string): RegExp {
  return new RegExp(fs.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

function truthy(v: string | number): boolean {
  return typeof v === "number" ? v !== 0 : v !== "";
}

/** printf through the shell's printf, so formats behave the same. */
function formatPrintf(args: string[]): string {
  let out = "";
  shellPrintf({ argv: ["printf", ...args], stdout: (t: string) => (out += t), stderr: () => {} } as unknown as Proc);
  return out;
}

export function awk(p: Proc): number {
  const argv = p.argv.slice(1);
  let fs = " ";
  const assigns: [string, string][] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-F") fs = argv[++i] ?? " ";
    else if (a.startsWith("-F")) fs = a.slice(2);
    else if (a === "-v") {
      const kv = argv[++i] ?? "";
      assigns.push([kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]);
    } else if (a === "--") {
      i++;
      break;
    } else break;
  }
  const src = argv[i];
  if (src === undefined) {
    p.stderr("Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\n");
    return 2;
  }
  if (fs === "t") fs = "\t";
  let rules: Rule[];
  try {
    rules = new Parser(tokenize(src)).program();
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    p.stderr(`awk: cmd. line:1: ${src.split("\n")[0]}\nawk: cmd. line:1: ${e.message}\n`);
    return 1;
  }
  const rt = new Runtime(fs);
  for (const [k, v] of assigns) rt.vars[k] = v;
  let status = 0;
  try {
    for (const r of rules) if (r.kind === "begin") rt.exec(r.action!);
    const files = argv.slice(i + 1);
    const needInput = rules.some((r) => r.kind !== "begin");
    if (needInput) {
      for (const f of files.length ? files : ["-"]) {
        let text: string;
        try {
          text = f === "-" ? p.stdin : p.fs.read(abs(p, f));
        } catch (e) {
          p.stderr(`awk: fatal: cannot open file \`${f}' for reading: ${fsErrorText(e)}\n`);
          status = 2;
          continue;
        }
        for (const line of lines(text)) {
          rt.vars.NR = num(rt.vars.NR) + 1;
          rt.setRecord(line);
          try {
            for (const r of rules) {
              if (r.kind !== "main") continue;
              if (r.pattern && !truthy(rt.eval(r.pattern))) continue;
              if (r.action) rt.exec(r.action);
              else rt.out += rt.getField(0) + "\n";
            }
          } catch (e) {
            if (!(e instanceof NextSignal)) throw e;
          }
        }
      }
    }
    for (const r of rules) if (r.kind === "end") rt.exec(r.action!);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    p.stdout(rt.out);
    p.stderr(`awk: cmd. line:1: fatal: ${e.message}\n`);
    return 2;
  }
  p.stdout(rt.out);
  return status;
}
