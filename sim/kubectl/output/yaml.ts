// YAML exactly as kubectl -o yaml prints it: sigs.k8s.io/yaml (JSON -> map -> goyaml.v2 Marshal).
// Ported from goyaml.v2: encode.go stringv (style choice, resolve), sorter.go (key order) and
// emitterc.go (scalar analysis, plain/single/double/literal writers, 80-column folding).

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

/** Serialises plain JSON data the way kubectl's YAML printer does. */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, -1, "root");
  return e.finish();
}

type Ctx = "root" | "map" | "seq";

class Emitter {
  out = "";
  column = 0;
  whitespace = true;
  indention = true;

  finish(): string {
    return this.out.endsWith("\n") ? this.out : this.out + "\n";
  }

  node(v: unknown, indent: number, ctx: Ctx): void {
    if (Array.isArray(v)) {
      if (v.length === 0) return this.flowEmpty("[]");
      // Sequences in a mapping are indentless (`key:\n- a`).
      const seqIndent = ctx === "map" ? indent : indent + BEST_INDENT < 0 ? 0 : indent + BEST_INDENT;
      for (const item of v) {
        this.writeIndent(ctx === "root" ? 0 : seqIndent);
        this.indicator("-", true, false, true);
        this.node(item, ctx === "root" ? 0 : seqIndent, "seq");
      }
      return;
    }
    if (v !== null && typeof v === "object") {
      const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort(goYamlKeyCompare);
      if (keys.length === 0) return this.flowEmpty("{}");
      const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
      for (const k of keys) {
        this.writeIndent(mapIndent);
        this.scalar(k, mapIndent, true);
        this.indicator(":", false, false, false);
        this.node((v as Record<string, unknown>)[k], mapIndent, "map");
      }
      return;
    }
    this.scalar(v, indent < 0 ? 0 : indent, false);
  }

  private flowEmpty(text: string): void {
    this.indicator(text, true, false, false);
  }

  /** emit_scalar: the scalar's indent is the parent's plus best_indent. */
  scalar(v: unknown, parentIndent: number, simpleKey: boolean): void {
    const indent = simpleKey ? parentIndent : parentIndent + BEST_INDENT;
    if (v === null || v === undefined) return this.plain("null", indent, !simpleKey);
    if (typeof v === "boolean") return this.plain(v ? "true" : "false", indent, !simpleKey);
    if (typeof v === "number") return this.plain(formatNumber(v), indent, !simpleKey);
    const s = String(v);
    let style: "plain" | "single" | "double" | "literal";
    if (s.includes("\n")) style = "literal";
    else if (resolvesToNonString(s) || isBase60Float(s)) style = "double";
    else style = "plain";
    const a = analyze(s);
    if (style === "plain") {
      if (!a.blockPlainAllowed || (s.length === 0 && simpleKey)) style = "single";
    }
    if (style === "single" && !a.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
    const allowBreaks = !simpleKey;
    if (style === "plain") this.plain(s, indent, allowBreaks);
    else if (style === "single") this.single(s, indent, allowBreaks);
    else if (style === "double") this.double(s, indent, allowBreaks);
    else this.literal(s, indent);
  }

  private put(c: string): void {
    this.out += c;
    this.column++;
  }
  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }
  writeIndent(indent: number): void {
    const i = indent < 0 ? 0 : indent;
    if (!this.indention || this.column > i || (this.column === i && !this.whitespace)) this.putBreak();
    while (this.column < i) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  indicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const c of ind) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private plain(s: string, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    const cs = [...s];
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      if (cs[i] === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cs[i + 1] !== " ") this.writeIndent(indent);
        else this.put(" ");
        spaces = true;
      } else {
        this.put(cs[i]);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private single(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const cs = [...s];
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      if (cs[i] === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== " ") this.writeIndent(indent);
        else this.put(" ");
        spaces = true;
      } else {
        if (cs[i] === "'") this.put("'");
        this.put(cs[i]);
        this.indention = false;
        spaces = false;
      }
    }
    this.indicator("'", false, false, false);
  }

  private double(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const cs = [...s];
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      const cp = c.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(cp) || c === '"' || c === "\\") {
        this.put("\\");
        const esc = ESCAPES[cp];
        if (esc) this.put(esc);
        else if (cp <= 0xff) for (const ch of "x" + hex(cp, 2)) this.put(ch);
        else if (cp <= 0xffff) for (const ch of "u" + hex(cp, 4)) this.put(ch);
        else for (const ch of "U" + hex(cp, 8)) this.put(ch);
        spaces = false;
      } else if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
          this.writeIndent(indent);
          if (cs[i + 1] === " ") this.put("\\");
        } else this.put(" ");
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
  }

  private literal(s: string, indent: number): void {
    this.indicator("|", true, false, false);
    // write_block_scalar_hints: an indentation indicator when the text starts with a space or
    // break; chomping "-" without a final newline, "+" with several.
    let hints = "";
    if (s[0] === " " || s[0] === "\n") hints += String(BEST_INDENT);
    if (s.length === 0 || !s.endsWith("\n")) hints += "-";
    else if (s.length === 1 || s.endsWith("\n\n")) hints += "+";
    if (hints) this.indicator(hints, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of s) {
      if (c === "\n") {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent(indent);
          breaks = false;
        }
        this.put(c);
        this.indention = false;
      }
    }
  }
}

const ESCAPES: Record<number, string> = {
  0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e",
  0x22: '"', 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P",
};

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, "0");
}

function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || (cp >= 0x10000 && cp <= 0x10ffff);
}
function isBreak(cp: number): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}
function isBlankZ(c: string | undefined): boolean {
  return c === undefined || c === " " || c === "\t" || (c !== "" && isBreak(c.codePointAt(0)!));
}

/** yaml_emitter_analyze_scalar, reduced to the flags the block context needs. */
function analyze(s: string): { blockPlainAllowed: boolean; singleQuotedAllowed: boolean; blockAllowed: boolean } {
  if (s.length === 0) return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const cs = [...s];
  let blockIndicators = s.startsWith("---") || s.startsWith("...");
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let lineBreaks = false, special = false;
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankZ(cs[1]);
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const cp = c.codePointAt(0)!;
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) blockIndicators = true;
      else if ((c === "?" || c === ":") && followedByWhitespace) blockIndicators = true;
      else if (c === "-" && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ":" && followedByWhitespace) blockIndicators = true;
      else if (c === "#" && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(cp) || cp === 0xfeff) special = true;
    if (isBreak(cp)) lineBreaks = true;
    if (c === " ") {
      if (i === 0) leadingSpace = true;
      if (i === cs.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      if (i === 0) leadingBreak = true;
      if (i === cs.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(c);
    followedByWhitespace = isBlankZ(cs[i + 2]);
  }
  let blockPlainAllowed = true, singleQuotedAllowed = true, blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

const NON_STRING_WORDS = new Set([
  "", "~", "null", "Null", "NULL",
  "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
  "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
]);

/** goyaml.v2 resolve(): would this text, unquoted, read back as something other than a string? */
function resolvesToNonString(s: string): boolean {
  if (NON_STRING_WORDS.has(s)) return true;
  const c = s[0];
  if (!(c === "+" || c === "-" || c === "." || (c >= "0" && c <= "9"))) return false;
  const plain = s.replace(/_/g, "");
  if (/^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[0-9]+)$/.test(plain)) return true;
  if (/^[-+]?0b[01]+$/.test(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  return isTimestamp(s);
}

/** goyaml.v2 parseTimestamp's accepted layouts. */
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-\d/.test(s)) return false;
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{2}:\d{2}(\.\d+)?([Zz]|[-+]\d{2}:\d{2})?$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}(\.\d+)?$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{2}:\d{2}(\.\d+)?$/.test(s)
  );
}

function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/** Integers print as integers; other floats as strconv.FormatFloat(f, 'g', -1, 64). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? ".nan" : n > 0 ? "+.inf" : "-.inf";
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split("e");
    const ev = Number(e);
    return `${m}e${ev < 0 ? "-" : "+"}${String(Math.abs(ev)).padStart(2, "0")}`;
  }
  return String(n);
}

/** goyaml.v2 sorter.go keyList.Less: letters by code point, digit runs numerically, non-letters first. */
export function goYamlKeyCompare(a: string, b: string): number {
  return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

function keyLess(x: string, y: string): boolean {
  const ar = [...x];
  const br = [...y];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0, bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}
