// The parser of a Go text/template subset (text/template/parse: lex.go, parse.go): text,
// {{pipeline}}, {{- / -}} trimming, comments, if / else if / else, range (with $i, $v :=), with,
// variables, parenthesised pipelines, literals and field chains. Errors read as Go's do:
// `template: output:LINE: MESSAGE`.

export class TemplateParseError extends Error {}

export type Operand =
  | { t: "dot" }
  | { t: "field"; base?: Operand; path: string[] }
  | { t: "var"; name: string; path: string[] }
  | { t: "ident"; name: string }
  | { t: "string"; value: string }
  | { t: "number"; value: number; float: boolean; text: string }
  | { t: "bool"; value: boolean }
  | { t: "nil" }
  | { t: "pipe"; pipe: Pipeline; path: string[] };

export interface Command {
  args: Operand[];
  text: string;
  pos: Pos;
}

export interface Pipeline {
  decl: string[];
  /** `=` assigns an existing variable instead of declaring one. */
  assign: boolean;
  cmds: Command[];
  text: string;
  pos: Pos;
}

export interface Pos {
  line: number;
  col: number;
}

export type Node =
  | { t: "text"; text: string }
  | { t: "action"; pipe: Pipeline }
  | { t: "if" | "with"; pipe: Pipeline; list: Node[]; else?: Node[] }
  | { t: "range"; pipe: Pipeline; list: Node[]; else?: Node[] }
  | { t: "break" | "continue" };

export const FUNCS = new Set(["and", "or", "not", "len", "index", "printf", "print", "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "slice", "call", "exists", "base64decode"]);

const fail = (line: number, msg: string): never => {
  throw new TemplateParseError(`template: output:${line}: ${msg}`);
};

interface Action {
  body: string;
  pos: Pos;
  line: number;
}

type Item = { k: "text"; text: string } | { k: "action"; a: Action };

function posAt(src: string, offset: number): Pos {
  const before = src.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - (before.lastIndexOf("\n") + 1);
  return { line, col };
}

/** Splits the template into text and actions, applying the trim markers. */
function split(src: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf("{{", i);
    if (open < 0) {
      items.push({ k: "text", text: src.slice(i) });
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src.startsWith("- ", start) || src.startsWith("-\t", start) || src.startsWith("-\n", start)) {
      text = text.replace(/[ \t\r\n]+$/, "");
      start += 1;
    }
    if (text) items.push({ k: "text", text });
    const close = findClose(src, start);
    if (close < 0) fail(posAt(src, open).line, src.indexOf("}", start) >= 0 ? "bad character U+007D '}'" : "unclosed action");
    let end = close;
    let trimAfter = false;
    if (/[ \t\r\n]-$/.test(src.slice(start, close))) {
      end = close - 1;
      trimAfter = true;
    }
    const body = src.slice(start, end);
    const lead = body.length - body.trimStart().length;
    items.push({ k: "action", a: { body, pos: posAt(src, start + lead), line: posAt(src, open).line } });
    i = close + 2;
    if (trimAfter) while (i < src.length && " \t\r\n".includes(src[i])) i++;
  }
  return items;
}

/** The `}}` closing an action, skipping quoted strings. */
function findClose(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "`" || c === "'") {
      const q = c;
      for (i++; i < src.length && src[i] !== q; i++) if (src[i] === "\\" && q !== "`") i++;
      continue;
    }
    if (c === "}" && src[i + 1] === "}") return i;
  }
  return -1;
}

type Tok = { k: "ident" | "field" | "var" | "string" | "number" | "char" | "punct"; v: string; at: number };

function unquote(s: string, line: number): string {
  try {
    return JSON.parse(s.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1").replace(/\\'/g, "'").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
  } catch {
    return fail(line, `invalid syntax`);
  }
}

function lex(body: string, line: number): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (" \t\r\n".includes(c)) {
      i++;
      continue;
    }
    const rest = body.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^"(?:[^"\\\n]|\\.)*"/.exec(rest))) toks.push({ k: "string", v: unquote(m[0], line), at: i });
    else if ((m = /^`[^`]*`/.exec(rest))) toks.push({ k: "string", v: m[0].slice(1, -1), at: i });
    else if ((m = /^'(?:[^'\\]|\\.)'/.exec(rest))) toks.push({ k: "char", v: String(unquote(`"${m[0].slice(1, -1)}"`, line).codePointAt(0)), at: i });
    else if ((m = /^(?:\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(rest))) toks.push({ k: "field", v: m[0], at: i });
    else if ((m = /^\$[A-Za-z0-9_]*/.exec(rest))) toks.push({ k: "var", v: m[0], at: i });
    else if ((m = /^[+-]?(?:0[xX][0-9a-fA-F_]+|(?:[0-9][0-9_]*)?\.?[0-9_]+(?:[eE][+-]?[0-9]+)?)/.exec(rest)) && /[0-9]/.test(m[0])) toks.push({ k: "number", v: m[0], at: i });
    else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) toks.push({ k: "ident", v: m[0], at: i });
    else if ((m = /^(?::=|[()|,=.])/.exec(rest))) toks.push({ k: "punct", v: m[0], at: i });
    else fail(line, `bad character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} '${c}'`);
    i += m![0].length;
  }
  return toks;
}

class PipeParser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly body: string, private readonly line: number, private readonly pos: Pos) {}

  pipeline(stopAt?: string): Pipeline {
    const start = this.i;
    const decl: string[] = [];
    let assign = false;
    // `$x :=`, `$i, $v :=` or `$x =`.
    const save = this.i;
    while (this.peek()?.k === "var") {
      decl.push(this.toks[this.i++].v);
      const p = this.peek();
      if (p?.v === "," && p.k === "punct") {
        this.i++;
        continue;
      }
      if (p?.k === "punct" && (p.v === ":=" || p.v === "=")) {
        assign = p.v === "=";
        this.i++;
        break;
      }
      decl.length = 0;
      this.i = save;
      break;
    }
    const cmds: Command[] = [];
    for (;;) {
      const from = this.peek()?.at ?? this.body.length;
      const args: Operand[] = [];
      while (this.peek() && !(this.peek()!.k === "punct" && (this.peek()!.v === "|" || this.peek()!.v === stopAt))) args.push(this.operand());
      if (args.length === 0) fail(this.line, "missing value for command");
      const to = this.i < this.toks.length ? this.toks[this.i].at : this.body.length;
      cmds.push({ args, text: this.body.slice(from, to).trim(), pos: { line: this.pos.line, col: this.pos.col + from - (this.toks[0]?.at ?? 0) } });
      if (this.peek()?.v === "|" && this.peek()?.k === "punct") {
        this.i++;
        continue;
      }
      break;
    }
    const end = this.i < this.toks.length ? this.toks[this.i].at : this.body.length;
    return { decl, assign, cmds, text: this.body.slice(this.toks[start]?.at ?? 0, end).trim(), pos: this.pos };
  }

  done(): boolean {
    return this.i >= this.toks.length;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private chain(): string[] {
    const t = this.peek();
    if (t?.k === "field" && t.at === (this.toks[this.i - 1]?.at ?? -1) + (this.toks[this.i - 1]?.v.length ?? 0)) {
      this.i++;
      return t.v.slice(1).split(".");
    }
    return [];
  }

  private operand(): Operand {
    const t = this.toks[this.i++];
    switch (t.k) {
      case "field":
        return { t: "field", path: t.v.slice(1).split(".") };
      case "var":
        return { t: "var", name: t.v, path: this.chain() };
      case "string":
        return { t: "string", value: t.v };
      case "char":
        return { t: "number", value: Number(t.v), float: false, text: t.v };
      case "number": {
        const float = /[.eE]/.test(t.v) && !/^[+-]?0[xX]/.test(t.v);
        const n = Number(t.v.replace(/_/g, ""));
        if (Number.isNaN(n)) fail(this.line, `bad number syntax: "${t.v}"`);
        return { t: "number", value: n, float, text: t.v };
      }
      case "ident":
        if (t.v === "true" || t.v === "false") return { t: "bool", value: t.v === "true" };
        if (t.v === "nil") return { t: "nil" };
        if (!FUNCS.has(t.v)) fail(this.line, `function "${t.v}" not defined`);
        return { t: "ident", name: t.v };
      case "punct":
        if (t.v === ".") return { t: "dot" };
        if (t.v === "(") {
          const pipe = this.pipeline(")");
          if (this.peek()?.v !== ")") fail(this.line, "unclosed left paren");
          this.i++;
          return { t: "pipe", pipe, path: this.chain() };
        }
        return fail(this.line, `unexpected "${t.v}" in operand`);
    }
    return fail(this.line, `unexpected "${t.v}" in operand`);
  }
}

function parsePipe(a: Action, body: string): Pipeline {
  const toks = lex(body, a.line);
  const p = new PipeParser(toks, body, a.line, a.pos);
  const pipe = p.pipeline();
  if (!p.done()) fail(a.line, `unexpected "${toks[toks.length - 1].v}" in command`);
  return pipe;
}

/** Parses a template into its node list. */
export function parseTemplate(src: string): Node[] {
  const items = split(src);
  let at = 0;
  const list = (ends: string[]): { nodes: Node[]; end: string; a?: Action } => {
    const nodes: Node[] = [];
    while (at < items.length) {
      const it = items[at++];
      if (it.k === "text") {
        nodes.push({ t: "text", text: it.text });
        continue;
      }
      const body = it.a.body.trim();
      if (body.startsWith("/*")) {
        if (!body.endsWith("*/")) fail(it.a.line, "unclosed comment");
        continue;
      }
      const word = /^[a-z]+/.exec(body)?.[0] ?? "";
      if (word === "end" || word === "else") {
        if (!ends.includes(word)) fail(it.a.line, `unexpected {{${word}}}`);
        return { nodes, end: word, a: { ...it.a, body: body.slice(word.length) } };
      }
      if (word === "if" || word === "with" || word === "range") {
        nodes.push(control(word, it.a, body.slice(word.length)));
        continue;
      }
      if (word === "break" || word === "continue") {
        nodes.push({ t: word });
        continue;
      }
      if (word === "define" || word === "template" || word === "block") fail(it.a.line, `{{${word}}} is not supported here`);
      nodes.push({ t: "action", pipe: parsePipe(it.a, it.a.body) });
    }
    if (ends.length) fail(posLineEnd(src), "unexpected EOF");
    return { nodes, end: "" };
  };
  const control = (kind: "if" | "with" | "range", a: Action, rest: string): Node => {
    // Positions in errors point at the pipeline, after the keyword.
    const skip = a.body.trimStart().length - rest.trimStart().length;
    const pipe = parsePipe({ ...a, pos: { line: a.pos.line, col: a.pos.col + skip } }, rest);
    const body = list(["end", "else"]);
    const node = { t: kind, pipe, list: body.nodes } as Node & { else?: Node[] };
    if (body.end === "else") {
      const tail = body.a!.body.trim();
      if (tail.startsWith("if ") || tail.startsWith("with ")) {
        // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}} sharing one {{end}}.
        const w = tail.startsWith("if ") ? "if" : "with";
        node.else = [control(w, body.a!, tail.slice(w.length))];
      } else {
        const e = list(["end"]);
        node.else = e.nodes;
      }
    }
    return node;
  };
  return list([]).nodes;
}

function posLineEnd(src: string): number {
  return src.split("\n").length;
}
