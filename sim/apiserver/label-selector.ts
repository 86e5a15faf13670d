// Label selector grammar (k8s.io/apimachinery/pkg/labels/selector.go): requirements joined by
// commas; `key`, `!key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)`, `key notin (a,b)`,
// `key gt 1`, `key lt 1`.

import { badRequest } from "./errors";

export type LabelOp = "exists" | "!" | "=" | "==" | "!=" | "in" | "notin" | "gt" | "lt";

export interface LabelRequirement {
  key: string;
  op: LabelOp;
  values: string[];
}

type Tok = { t: "id" | "op" | "(" | ")" | "," | "!" | "eos"; v: string };

const SPECIAL = "=!(),><";

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") { i++; continue; }
    if (c === "(" || c === ")" || c === ",") { out.push({ t: c, v: c }); i++; continue; }
    if (s.startsWith("==", i)) { out.push({ t: "op", v: "==" }); i += 2; continue; }
    if (s.startsWith("!=", i)) { out.push({ t: "op", v: "!=" }); i += 2; continue; }
    if (c === "=") { out.push({ t: "op", v: "=" }); i++; continue; }
    if (c === ">") { out.push({ t: "op", v: "gt" }); i++; continue; }
    if (c === "<") { out.push({ t: "op", v: "lt" }); i++; continue; }
    if (c === "!") { out.push({ t: "!", v: "!" }); i++; continue; }
    let j = i;
    while (j < s.length && !SPECIAL.includes(s[j]) && !" \t\n\r".includes(s[j])) j++;
    const w = s.slice(i, j);
    if (w === "in" || w === "notin") out.push({ t: "op", v: w });
    else out.push({ t: "id", v: w });
    i = j;
  }
  out.push({ t: "eos", v: "" });
  return out;
}

function fail(msg: string): never {
  throw badRequest(`unable to parse requirement: ${msg}`);
}

/** Parses a selector; throws a 400 ApiError with apimachinery's wording on bad input. */
export function parseLabelSelector(s: string): LabelRequirement[] {
  if (s.trim() === "") return [];
  const toks = lex(s);
  let i = 0;
  const reqs: LabelRequirement[] = [];
  for (;;) {
    let tok = toks[i];
    let negate = false;
    if (tok.t === "!") { negate = true; tok = toks[++i]; }
    if (tok.t !== "id") fail(`found '${tok.v}', expected: !, identifier`);
    const key = tok.v;
    tok = toks[++i];
    if (negate) {
      reqs.push({ key, op: "!", values: [] });
    } else if (tok.t === "," || tok.t === "eos") {
      reqs.push({ key, op: "exists", values: [] });
    } else if (tok.t === "op") {
      const op = tok.v as LabelOp;
      i++;
      if (op === "in" || op === "notin") {
        if (toks[i].t !== "(") fail(`found '${toks[i].v}', expected: '('`);
        i++;
        const values: string[] = [];
        for (;;) {
          if (toks[i].t === "id") values.push(toks[i++].v);
          else if (toks[i].t === "," || toks[i].t === ")") values.push("");
          if (toks[i].t === ")") { i++; break; }
          if (toks[i].t !== ",") fail(`found '${toks[i].v}', expected: ',' or ')'`);
          i++;
        }
        reqs.push({ key, op, values });
      } else {
        const vt = toks[i];
        let value = "";
        if (vt.t === "id") { value = vt.v; i++; }
        else if (vt.t !== "," && vt.t !== "eos") fail(`found '${vt.v}', expected: identifier`);
        reqs.push({ key, op, values: [value] });
      }
    } else {
      fail(`found '${tok.v}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    tok = toks[i];
    if (tok.t === "eos") break;
    if (tok.t !== ",") fail(`found '${tok.v}', expected: ',' or 'end of string'`);
    i++;
  }
  return reqs;
}
