// A small POSIX-sh parser for the scripts containers run (`sh -c 'while true; do echo hi; sleep 5;
// done'`): lists, && and ||, pipes, while/until/for/if, quotes, redirections. The interactive
// shell lives in sim/shell; this one only has to describe what a container prints over time.

export interface WordPart {
  text: string;
  quote: "none" | "single" | "double";
}
export type Word = WordPart[];

export type Node =
  | { k: "cmd"; words: Word[]; redirs: { op: string; target: Word }[] }
  | { k: "and" | "or"; a: Node; b: Node }
  | { k: "seq"; items: Node[] }
  | { k: "pipe"; items: Node[] }
  | { k: "while"; until: boolean; cond: Node; body: Node }
  | { k: "for"; name: string; words: Word[]; body: Node }
  | { k: "if"; cond: Node; then: Node; else?: Node };

type Token = { t: "word"; w: Word } | { t: "op"; v: string };

export class ShellSyntaxError extends Error {}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t") { i++; continue; }
    if (c === "#") { while (i < src.length && src[i] !== "\n") i++; continue; }
    if (c === "\n") { out.push({ t: "op", v: ";" }); i++; continue; }
    const two = src.slice(i, i + 2);
    if (two === ">&" || (c === "1" && src.startsWith(">&", i + 1))) {
      out.push({ t: "op", v: ">&" });
      i += c === "1" ? 3 : 2;
      continue;
    }
    if (two === "&&" || two === "||" || two === ">>" || two === "2>" ) {
      if (two === "2>" && src[i + 2] === "&") { out.push({ t: "op", v: "2>&" }); i += 3; continue; }
      out.push({ t: "op", v: two }); i += 2; continue;
    }
    if (";|&<>()".includes(c)) { out.push({ t: "op", v: c === "&" ? ";" : c }); i++; continue; }
    const parts: Word = [];
    let cur = "";
    const flush = () => { if (cur) parts.push({ text: cur, quote: "none" }); cur = ""; };
    while (i < src.length && !" \t\n;|&<>()".includes(src[i])) {
      const ch = src[i];
      if (ch === "'") {
        flush();
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ShellSyntaxError("Unterminated quoted string");
        parts.push({ text: src.slice(i + 1, end), quote: "single" });
        i = end + 1;
      } else if (ch === '"') {
        flush();
        let j = i + 1, s = "";
        while (j < src.length && src[j] !== '"') {
          if (src[j] === "\\" && j + 1 < src.length && '"\\$`'.includes(src[j + 1])) { s += src[j] === "\\" && src[j + 1] === "$" ? "\\$" : src[j + 1]; j += 2; continue; }
          s += src[j++];
        }
        if (j >= src.length) throw new ShellSyntaxError("Unterminated quoted string");
        parts.push({ text: s, quote: "double" });
        i = j + 1;
      } else if (ch === "\\" && i + 1 < src.length) {
        flush();
        parts.push({ text: src[i + 1], quote: "single" });
        i += 2;
      } else if (ch === "$" && src[i + 1] === "(") {
        // Keep $(...) and $((...)) together as one unquoted part; the runner expands them.
        let depth = 0, j = i + 1;
        for (; j < src.length; j++) {
          if (src[j] === "(") depth++;
          else if (src[j] === ")" && --depth === 0) break;
        }
        cur += src.slice(i, j + 1);
        i = j + 1;
      } else if (ch === "`") {
        const end = src.indexOf("`", i + 1);
        cur += `$(${src.slice(i + 1, end < 0 ? src.length : end)})`;
        i = end < 0 ? src.length : end + 1;
      } else {
        cur += ch;
        i++;
      }
    }
    flush();
    out.push({ t: "word", w: parts });
  }
  return out;
}

const KEYWORDS = new Set(["do", "done", "then", "else", "elif", "fi", "in"]);

function literal(tok: Token | undefined): string | undefined {
  if (!tok || tok.t !== "word" || tok.w.length !== 1 || tok.w[0].quote !== "none") return undefined;
  return tok.w[0].text;
}

export function parseScript(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peekLit = () => literal(toks[p]);
  const skipSeps = () => { while (toks[p]?.t === "op" && (toks[p] as { v: string }).v === ";") p++; };
  const expectLit = (w: string) => {
    skipSeps();
    if (peekLit() !== w) throw new ShellSyntaxError(`syntax error: unexpected ${toks[p] ? JSON.stringify(literal(toks[p]) ?? (toks[p] as { v?: string }).v) : "end of file"} (expecting "${w}")`);
    p++;
  };

  function list(stop: string[]): Node {
    const items: Node[] = [];
    for (;;) {
      skipSeps();
      const l = peekLit();
      if (p >= toks.length || (l !== undefined && stop.includes(l))) break;
      items.push(andOr(stop));
    }
    return items.length === 1 ? items[0] : { k: "seq", items };
  }

  function andOr(stop: string[]): Node {
    let n = pipeline(stop);
    for (;;) {
      const t = toks[p];
      if (t?.t === "op" && (t.v === "&&" || t.v === "||")) {
        p++;
        skipSeps();
        n = { k: t.v === "&&" ? "and" : "or", a: n, b: pipeline(stop) };
      } else return n;
    }
  }

  function pipeline(stop: string[]): Node {
    const items = [command(stop)];
    while (toks[p]?.t === "op" && (toks[p] as { v: string }).v === "|") { p++; items.push(command(stop)); }
    return items.length === 1 ? items[0] : { k: "pipe", items };
  }

  function command(stop: string[]): Node {
    const l = peekLit();
    if (l === "while" || l === "until") {
      p++;
      const cond = list(["do"]);
      expectLit("do");
      const body = list(["done"]);
      expectLit("done");
      return { k: "while", until: l === "until", cond, body };
    }
    if (l === "for") {
      p++;
      const name = peekLit() ?? "";
      p++;
      const words: Word[] = [];
      if (peekLit() === "in") {
        p++;
        while (toks[p]?.t === "word") words.push((toks[p++] as { w: Word }).w);
      }
      expectLit("do");
      const body = list(["done"]);
      expectLit("done");
      return { k: "for", name, words, body };
    }
    if (l === "if") {
      p++;
      return ifRest();
    }
    const words: Word[] = [];
    const redirs: { op: string; target: Word }[] = [];
    for (;;) {
      const t = toks[p];
      if (!t) break;
      if (t.t === "op") {
        if (t.v === ">" || t.v === ">>" || t.v === "<" || t.v === "2>" || t.v === "2>&" || t.v === ">&") {
          p++;
          const target = toks[p];
          if (target?.t !== "word") throw new ShellSyntaxError("syntax error: unexpected newline");
          p++;
          redirs.push({ op: t.v, target: target.w });
          continue;
        }
        break;
      }
      const lit = literal(t);
      if (words.length === 0 && lit !== undefined && (KEYWORDS.has(lit) || stop.includes(lit))) break;
      words.push(t.w);
      p++;
    }
    if (words.length === 0 && redirs.length === 0) {
      const t = toks[p];
      throw new ShellSyntaxError(`syntax error: unexpected "${t ? (literal(t) ?? (t as { v?: string }).v) : "end of file"}"`);
    }
    return { k: "cmd", words, redirs };
  }

  function ifRest(): Node {
    const cond = list(["then"]);
    expectLit("then");
    const then = list(["else", "elif", "fi"]);
    skipSeps();
    const l = peekLit();
    if (l === "elif") { p++; return { k: "if", cond, then, else: ifRest() }; }
    let els: Node | undefined;
    if (l === "else") { p++; els = list(["fi"]); }
    expectLit("fi");
    return { k: "if", cond, then, else: els };
  }

  const root = list([]);
  if (p < toks.length) throw new ShellSyntaxError(`syntax error: unexpected "${literal(toks[p]) ?? (toks[p] as { v?: string }).v}"`);
  return root;
}
