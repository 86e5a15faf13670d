// Label selector grammar and errors as k8s.io/apimachinery/pkg/labels/selector.go lexes and
// parses them: requirements joined by commas; `key`, `!key`, `key=v`, `key==v`, `key!=v`,
// `key in (a,b)`, `key notin (a,b)`, `key>1`, `key<1`. Errors become 400 BadRequest Status
// bodies carrying the parser's message.

import { goValue } from "../api/field-errors";
import { isQualifiedName, isValidLabelValue } from "../api/validation/names";
import { badRequest } from "./errors";

export type LabelOp = "exists" | "!" | "=" | "==" | "!=" | "in" | "notin" | "gt" | "lt";

export interface LabelRequirement {
  key: string;
  op: LabelOp;
  values: string[];
}

type TokKind = "error" | "eos" | ")" | "," | "!" | "==" | "=" | "gt" | "id" | "in" | "lt" | "!=" | "notin" | "(";

interface Tok {
  t: TokKind;
  lit: string;
}

const LITERALS: Record<string, TokKind> = { ")": ")", ",": ",", "!": "!", "==": "==", "=": "=", ">": "gt", in: "in", "<": "lt", "!=": "!=", notin: "notin", "(": "(" };
const BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

const isWhitespace = (c: string): boolean => c === " " || c === "\t" || c === "\r" || c === "\n";
const isSpecial = (c: string): boolean => "=!(),><".includes(c);

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && isWhitespace(s[i])) i++;
    if (i >= s.length) {
      out.push({ t: "eos", lit: "" });
      return out;
    }
    if (isSpecial(s[i])) {
      // scanSpecialSymbol: the longest literal made of special symbols.
      let buf = "";
      let last: Tok | undefined;
      while (i < s.length && isSpecial(s[i])) {
        buf += s[i];
        const t = LITERALS[buf];
        if (t) {
          last = { t, lit: buf };
          i++;
        } else if (last) break;
        else i++;
      }
      out.push(last ?? { t: "error", lit: `error expected: keyword found '${buf}'` });
      continue;
    }
    let buf = "";
    while (i < s.length && !isSpecial(s[i]) && !isWhitespace(s[i])) buf += s[i++];
    out.push({ t: LITERALS[buf] ?? "id", lit: buf });
  }
}

class SelectorError extends Error {}

function fail(msg: string): never {
  throw new SelectorError(msg);
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  /** In value context `in`/`notin` are identifiers. */
  private peek(values: boolean): Tok {
    const t = this.toks[this.pos];
    return values && (t.t === "in" || t.t === "notin") ? { t: "id", lit: t.lit } : t;
  }

  private next(values: boolean): Tok {
    const t = this.peek(values);
    this.pos++;
    return t;
  }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const t = this.peek(true);
      if (t.t === "eos") return reqs;
      if (t.t !== "id" && t.t !== "!") fail(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        if (e instanceof SelectorError) fail(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.next(true);
      if (after.t === "eos") return reqs;
      if (after.t !== ",") fail(`found '${after.lit}', expected: ',' or 'end of string'`);
      const t2 = this.peek(true);
      if (t2.t !== "id" && t2.t !== "!") fail(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let tok = this.next(true);
    let op: LabelOp | undefined;
    if (tok.t === "!") {
      op = "!";
      tok = this.next(true);
    }
    if (tok.t !== "id") fail(`found '${tok.lit}', expected: identifier`);
    const key = tok.lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) fail(`: Invalid value: ${goValue(key)}: ${keyErrs.join("; ")}`);
    const la = this.peek(true).t;
    if (la === "eos" || la === ",") return newRequirement(key, op ?? "exists", []);
    if (op === "!") return newRequirement(key, "!", []);
    const o = this.next(false);
    switch (o.t) {
      case "in":
      case "notin":
        return newRequirement(key, o.t, this.values());
      case "=":
      case "==":
      case "!=":
      case "gt":
      case "lt":
        return newRequirement(key, o.t, this.exactValue());
      default:
        return fail(`found '${o.lit}', expected: ${BINARY_OPERATORS}`);
    }
  }

  private values(): string[] {
    const open = this.next(true);
    if (open.t !== "(") fail(`found '${open.lit}' expected: '('`);
    const first = this.peek(true);
    if (first.t === ")") {
      this.pos++;
      return [""];
    }
    if (first.t !== "id" && first.t !== ",") fail(`found '${first.lit}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const t = this.next(true);
      if (t.t === "id") {
        set.add(t.lit);
        const t2 = this.peek(true);
        if (t2.t === ",") continue;
        if (t2.t === ")") break;
        fail(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (t.t === ",") {
        if (set.size === 0) set.add("");
        const t2 = this.peek(true);
        if (t2.t === ")") {
          set.add("");
          break;
        }
        if (t2.t === ",") set.add("");
      } else {
        fail(`found '${t.lit}', expected: ',', or identifier`);
      }
    }
    const close = this.next(true);
    if (close.t !== ")") fail(`found '${first.lit}', expected: ')'`);
    return [...set].sort();
  }

  private exactValue(): string[] {
    const t = this.peek(true);
    if (t.t === "eos" || t.t === ",") return [""];
    this.pos++;
    if (t.t === "id") return [t.lit];
    return fail(`found '${t.lit}', expected: identifier`);
  }
}

/** NewRequirement's checks on values (the key was checked while parsing). */
function newRequirement(key: string, op: LabelOp, values: string[]): LabelRequirement {
  const errs: string[] = [];
  if ((op === "gt" || op === "lt") && values.length === 1 && !/^[+-]?\d+$/.test(values[0])) {
    errs.push(`values[0]: Invalid value: ${goValue(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(`values[${i}][${key}]: Invalid value: ${goValue(v)}: ${msgs.join("; ")}`);
  });
  if (errs.length) fail(errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
  return { key, op, values };
}

/** Parses a selector; throws a 400 ApiError with apimachinery's wording on bad input. */
export function parseLabelSelector(s: string): LabelRequirement[] {
  try {
    return new Parser(lex(s)).parse();
  } catch (e) {
    if (e instanceof SelectorError) throw badRequest(e.message);
    throw e;
  }
}
