// Word expansion as bash does it, in order: tilde, parameters ($x, ${x}, ${x:-d}, ${#x}, $?),
// command substitution ($(...) and backticks), arithmetic ($((...))), field splitting of unquoted
// results, pathname expansion (globs) and quote removal.

import { evalArithmetic } from "./arithmetic";

export interface ExpandContext {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Runs a command substitution and returns its stdout. */
  substitute(src: string): string;
  /** Pathname expansion of a pattern; empty when nothing matches. */
  glob(pattern: string): string[];
  home: string;
}

/** A piece of an expanded word: `text` with a flag per character for "came from quotes". */
interface Field {
  text: string;
  /** Same length as text: the glob pattern, with quoted glob characters escaped. */
  pattern: string;
  hasGlob: boolean;
  /** A quoted empty string ("") still makes an argument. */
  forced: boolean;
}

export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExpansionError";
  }
}

const GLOB_CHARS = new Set(["*", "?", "["]);

/** Expands a raw word to zero or more fields (arguments). */
export function expandWord(raw: string, ctx: ExpandContext): string[] {
  return expandRaw(raw, ctx, { split: true, glob: true });
}

/** Expands without field splitting or globbing (assignments, redirection targets, `case` words). */
export function expandNoSplit(raw: string, ctx: ExpandContext): string {
  return expandRaw(raw, ctx, { split: false, glob: false }).join(" ");
}

/** A heredoc body: $-expansions, backticks and \$ \` \\ escapes; quotes are literal. */
export function expandHeredoc(body: string, ctx: ExpandContext): string {
  let out = "";
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === "\\" && (body[i + 1] === "$" || body[i + 1] === "`" || body[i + 1] === "\\")) {
      out += body[i + 1];
      i += 2;
    } else if (c === "\\" && body[i + 1] === "\n") {
      i += 2;
    } else if (c === "$" || c === "`") {
      const r = dollar(body, i, ctx);
      out += r.value;
      i = r.end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function expandRaw(raw: string, ctx: ExpandContext, opts: { split: boolean; glob: boolean }): string[] {
  const fields: Field[] = [];
  let cur: Field = { text: "", pattern: "", hasGlob: false, forced: false };
  const lit = (s: string, quoted: boolean) => {
    for (const ch of s) {
      cur.text += ch;
      if (!quoted && GLOB_CHARS.has(ch)) {
        cur.pattern += ch;
        cur.hasGlob = true;
      } else cur.pattern += GLOB_CHARS.has(ch) || ch === "\\" ? "\\" + ch : ch;
    }
  };
  const unquotedValue = (v: string) => {
    if (!opts.split) return lit(v, true);
    const parts = v.split(/[ \t\n]+/);
    parts.forEach((part, k) => {
      if (k > 0) {
        if (cur.text !== "" || cur.forced) fields.push(cur);
        cur = { text: "", pattern: "", hasGlob: false, forced: false };
      }
      lit(part, false);
    });
  };
  let i = 0;
  if (raw[0] === "~" && (raw.length === 1 || raw[1] === "/")) {
    lit(ctx.home, true);
    i = 1;
  }
  while (i < raw.length) {
    const c = raw[i];
    if (c === "\\") {
      if (i + 1 < raw.length) lit(raw[i + 1], true);
      i += 2;
    } else if (c === "'") {
      const end = raw.indexOf("'", i + 1);
      lit(raw.slice(i + 1, end), true);
      cur.forced = true;
      i = end + 1;
    } else if (c === '"') {
      const r = doubleQuoted(raw, i + 1, ctx);
      lit(r.value, true);
      cur.forced = true;
      i = r.end;
    } else if (c === "$" || c === "`") {
      const r = dollar(raw, i, ctx);
      if (r.literal) lit(r.value, false);
      else unquotedValue(r.value);
      i = r.end;
    } else {
      lit(c, false);
      i++;
    }
  }
  if (cur.text !== "" || cur.forced) fields.push(cur);
  const out: string[] = [];
  for (const f of fields) {
    if (opts.glob && f.hasGlob) {
      const matches = ctx.glob(f.pattern);
      if (matches.length) {
        out.push(...matches);
        continue;
      }
    }
    out.push(f.text);
  }
  return out;
}

function doubleQuoted(raw: string, start: number, ctx: ExpandContext): { value: string; end: number } {
  let out = "";
  let i = start;
  while (i < raw.length && raw[i] !== '"') {
    const c = raw[i];
    if (c === "\\" && '$`"\\\n'.includes(raw[i + 1] ?? "")) {
      if (raw[i + 1] !== "\n") out += raw[i + 1];
      i += 2;
    } else if (c === "$" || c === "`") {
      const r = dollar(raw, i, ctx);
      out += r.value;
      i = r.end;
    } else {
      out += c;
      i++;
    }
  }
  return { value: out, end: i + 1 };
}

/** Expands the `$...` or backtick construct at `i`. `literal`: a lone `$` that stays as text. */
function dollar(raw: string, i: number, ctx: ExpandContext): { value: string; end: number; literal?: boolean } {
  if (raw[i] === "`") {
    let j = i + 1;
    let inner = "";
    while (j < raw.length && raw[j] !== "`") {
      if (raw[j] === "\\" && "$`\\".includes(raw[j + 1] ?? "")) {
        inner += raw[j + 1];
        j += 2;
      } else inner += raw[j++];
    }
    return { value: trimTrailingNewlines(ctx.substitute(inner)), end: j + 1 };
  }
  const next = raw[i + 1];
  if (next === "(" && raw[i + 2] === "(") {
    const end = matchClose(raw, i + 3, "(", ")");
    if (raw[end + 1] === ")") {
      const expr = expandHeredoc(raw.slice(i + 3, end), ctx);
      return { value: String(evalArithmetic(expr, ctx)), end: end + 2 };
    }
  }
  if (next === "(") {
    const end = matchClose(raw, i + 2, "(", ")");
    return { value: trimTrailingNewlines(ctx.substitute(raw.slice(i + 2, end))), end: end + 1 };
  }
  if (next === "{") {
    const end = matchClose(raw, i + 2, "{", "}");
    return { value: braced(raw.slice(i + 2, end), ctx), end: end + 1 };
  }
  if (next !== undefined && /[?$#@*!0-9-]/.test(next)) {
    return { value: ctx.getVar(next) ?? "", end: i + 2 };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
  if (m) return { value: ctx.getVar(m[0]) ?? "", end: i + 1 + m[0].length };
  return { value: "$", end: i + 1, literal: true };
}

function braced(body: string, ctx: ExpandContext): string {
  if (body.startsWith("#") && body.length > 1) return String((ctx.getVar(body.slice(1)) ?? "").length);
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])(?:(:?[-=+?])(.*))?$/s.exec(body);
  if (!m) throw new ExpansionError(`\${${body}}: bad substitution`);
  const [, name, op, word] = m;
  const v = ctx.getVar(name);
  if (!op) return v ?? "";
  const unset = op.startsWith(":") ? !v : v === undefined;
  const arg = () => expandHeredoc(word ?? "", ctx);
  switch (op.replace(":", "")) {
    case "-":
      return unset ? arg() : (v ?? "");
    case "=":
      if (unset) ctx.setVar(name, arg());
      return ctx.getVar(name) ?? "";
    case "+":
      return unset ? "" : arg();
    default:
      if (unset) throw new ExpansionError(`${name}: ${word || "parameter null or not set"}`);
      return v ?? "";
  }
}

/** The index of the closing bracket matching an opening one just before `start`. */
function matchClose(raw: string, start: number, open: string, close: string): number {
  let depth = 1;
  for (let j = start; j < raw.length; j++) {
    const c = raw[j];
    if (c === "\\") j++;
    else if (c === "'") j = raw.indexOf("'", j + 1);
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
    if (j < 0) break;
  }
  return raw.length;
}

function trimTrailingNewlines(s: string): string {
  return s.replace(/\n+$/, "");
}
