// POSIX regular expressions (GNU grep/sed dialects: BRE by default, ERE with -E) translated to
// RE2 syntax and run on re2js, a linear-time engine, so no pattern can hang the sandbox.

import { RE2JS } from "re2js";
import { LIMITS, LimitError } from "../core/limits";

/** A bad pattern; `message` is GNU's wording ("Unmatched ( or \\("). */
export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegexError";
  }
}

export interface CompileOptions {
  extended: boolean;
  ignoreCase?: boolean;
}

export function compilePosix(pattern: string, opts: CompileOptions): RE2JS {
  if (pattern.length > LIMITS.regexLength) throw new LimitError("regexLength");
  const translated = opts.extended ? translateEre(pattern) : translateBre(pattern);
  try {
    return RE2JS.compile(translated, (opts.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | RE2JS.MULTILINE);
  } catch (e) {
    throw new RegexError(gnuMessage(e instanceof Error ? e.message : String(e)));
  }
}

function gnuMessage(re2Message: string): string {
  if (/missing closing \)/.test(re2Message)) return "Unmatched ( or \\(";
  if (/unexpected \)/.test(re2Message)) return "Unmatched ) or \\)";
  if (/missing closing \]/.test(re2Message)) return "Unmatched [, [^, [:, [., or [=";
  if (/invalid repeat count/.test(re2Message)) return "Invalid content of \\{\\}";
  if (/invalid character class range/.test(re2Message)) return "Invalid range end";
  if (/invalid character class/.test(re2Message)) return "Invalid character class name";
  if (/missing argument to repetition operator/.test(re2Message)) return "Invalid preceding regular expression";
  if (/trailing backslash/.test(re2Message)) return "Trailing backslash";
  return "Invalid regular expression";
}

/** Copies a bracket expression starting at `i` ("[...]"), escaping what RE2 would read differently. */
function bracket(p: string, i: number): { text: string; end: number } {
  let j = i + 1;
  let out = "[";
  if (p[j] === "^") {
    out += "^";
    j++;
  }
  if (p[j] === "]") {
    out += "\\]";
    j++;
  }
  while (j < p.length && p[j] !== "]") {
    if (p[j] === "[" && (p[j + 1] === ":" || p[j + 1] === "." || p[j + 1] === "=")) {
      const close = p.indexOf(p[j + 1] + "]", j + 2);
      if (close < 0) throw new RegexError("Unmatched [, [^, [:, [., or [=");
      out += p.slice(j, close + 2);
      j = close + 2;
      continue;
    }
    out += p[j] === "\\" || p[j] === "[" ? "\\" + p[j] : p[j];
    j++;
  }
  if (j >= p.length) throw new RegexError("Unmatched [, [^, [:, [., or [=");
  return { text: out + "]", end: j + 1 };
}

const PASS_ESCAPES = new Set(["w", "W", "s", "S", "b", "B"]);

function translateEre(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; ) {
    const c = p[i];
    if (c === "[") {
      const b = bracket(p, i);
      out += b.text;
      i = b.end;
    } else if (c === "\\") {
      const n = p[i + 1];
      if (n === undefined) throw new RegexError("Trailing backslash");
      if (n === "<" || n === ">") out += "\\b";
      else if (PASS_ESCAPES.has(n)) out += "\\" + n;
      else if (/[1-9]/.test(n)) throw new RegexError("back-references are not supported in this sandbox");
      else out += escapeLiteral(n);
      i += 2;
    } else if (c === "{" && !/^\{\d+(,\d*)?\}/.test(p.slice(i))) {
      out += "\\{";
      i++;
    } else if ((c === "*" || c === "+" || c === "?") && (out === "" || out.endsWith("(") || out.endsWith("|"))) {
      out += "\\" + c; // GNU ERE takes a leading repetition operator literally
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function translateBre(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; ) {
    const c = p[i];
    if (c === "[") {
      const b = bracket(p, i);
      out += b.text;
      i = b.end;
    } else if (c === "\\") {
      const n = p[i + 1];
      if (n === undefined) throw new RegexError("Trailing backslash");
      if (n === "(" || n === ")" || n === "|" || n === "+" || n === "?") out += n;
      else if (n === "{") out += "{";
      else if (n === "}") out += "}";
      else if (n === "<" || n === ">") out += "\\b";
      else if (PASS_ESCAPES.has(n)) out += "\\" + n;
      else if (/[1-9]/.test(n)) throw new RegexError("back-references are not supported in this sandbox");
      else out += escapeLiteral(n);
      i += 2;
    } else if (c === "*" && (out === "" || out === "^" || out.endsWith("(") || out.endsWith("|"))) {
      out += "\\*"; // a leading * is literal in a BRE
      i++;
    } else if (c === "^" && out !== "" && !out.endsWith("(") && !out.endsWith("|")) {
      out += "\\^";
      i++;
    } else if (c === "$" && i !== p.length - 1 && !p.startsWith("\\)", i + 1) && !p.startsWith("\\|", i + 1)) {
      out += "\\$";
      i++;
    } else if ("+?(){}|".includes(c)) {
      out += "\\" + c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function escapeLiteral(c: string): string {
  return /[\\.+*?()|[\]{}^$]/.test(c) ? "\\" + c : c;
}

/** Every match of `re` in `line`: [start, end) pairs, skipping empty matches as grep -o does. */
export function allMatches(re: RE2JS, line: string): { start: number; end: number; groups: (string | null)[] }[] {
  const m = re.matcher(line);
  const found: { start: number; end: number; groups: (string | null)[] }[] = [];
  let from = 0;
  while (from <= line.length && m.find(from)) {
    const start = m.start();
    const end = m.end();
    const groups: (string | null)[] = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
    found.push({ start, end, groups });
    from = end > start ? end : end + 1;
  }
  return found;
}
