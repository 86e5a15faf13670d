// kubectl's JSONPath template dialect, ported from k8s.io/client-go/util/jsonpath (parser.go,
// jsonpath.go): text and {actions}, fields, [index], [start:end:step], [*], [a,b] unions, ..
// recursive descent, [?(@.x == "y")] filters, range/end, quoted literals. Maps and lists print as
// compact JSON (sorted keys), null as "null", results of one action joined by spaces.

import { toCompactJson } from "./json";
import { goSharpV } from "./go-format";

type Node =
  | { t: "list"; nodes: Node[] }
  | { t: "text"; text: string }
  | { t: "field"; name: string }
  | { t: "wildcard" }
  | { t: "recursive" }
  | { t: "array"; params: [Param, Param, Param] }
  | { t: "union"; lists: Node[] }
  | { t: "filter"; left: Node; right: Node; op: string }
  | { t: "int"; value: number }
  | { t: "float"; value: number }
  | { t: "bool"; value: boolean }
  | { t: "ident"; name: string };

interface Param {
  value: number;
  known: boolean;
}

export class JsonPathParseError extends Error {}
export class JsonPathExecError extends Error {}

const isAlnum = (c: string | undefined) => c !== undefined && (c === "_" || /[\p{L}\p{Nd}]/u.test(c));
const isTerminator = (c: string | undefined) => c === undefined || c === " " || c === "\t" || c === "\r" || c === "\n" || ".,[]$@{}".includes(c);

class Parser {
  pos = 0;
  start = 0;
  root: Node & { t: "list" } = { t: "list", nodes: [] };
  constructor(private input: string) {}

  parse(): Node & { t: "list" } {
    this.parseText(this.root);
    return this.root;
  }
  private next(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    const c = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += c.length;
    this.lastWidth = c.length;
    return c;
  }
  private lastWidth = 0;
  private backup(): void {
    this.pos -= this.lastWidth;
  }
  private peek(): string | undefined {
    const c = this.next();
    if (c !== undefined) this.backup();
    return c;
  }
  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private parseText(cur: Node & { t: "list" }): void {
    for (;;) {
      if (this.input.startsWith("{", this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ t: "text", text: this.consume() });
        this.pos += 1;
        this.consume();
        const list: Node & { t: "list" } = { t: "list", nodes: [] };
        cur.nodes.push(list);
        return this.parseInside(list);
      }
      if (this.next() === undefined) break;
    }
    if (this.pos > this.start) cur.nodes.push({ t: "text", text: this.consume() });
  }

  private parseInside(cur: Node & { t: "list" }): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith("}")) {
        this.pos += 1;
        this.consume();
        return this.parseText(this.root);
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        const last = cur.nodes[cur.nodes.length - 1];
        if (last?.t === "recursive") throw new JsonPathParseError("invalid multiple recursive descent");
        this.pos += 2;
        this.consume();
        cur.nodes.push({ t: "recursive" });
        if (isAlnum(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === undefined || r === "\r" || r === "\n") throw new JsonPathParseError("unclosed action");
      if (r === " " || r === "@" || r === "$") this.consume();
      else if (r === "[") this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === ".") this.parseField(cur);
      else if (r === "+" || r === "-" || /\d/.test(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlnum(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else throw new JsonPathParseError(`unrecognized character in action: U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} '${r}'`);
    }
  }

  private parseIdentifier(cur: Node & { t: "list" }): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        if (r !== undefined) this.backup();
        break;
      }
    }
    const v = this.consume();
    cur.nodes.push(v === "true" || v === "false" ? { t: "bool", value: v === "true" } : { t: "ident", name: v });
  }

  private parseNumber(cur: Node & { t: "list" }): void {
    const r = this.peek();
    if (r === "+" || r === "-") this.next();
    for (;;) {
      const c = this.next();
      if (c === undefined) break;
      if (c !== "." && !/\d/.test(c)) {
        this.backup();
        break;
      }
    }
    const v = this.consume();
    if (/^[+-]?\d+$/.test(v)) cur.nodes.push({ t: "int", value: parseInt(v, 10) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) cur.nodes.push({ t: "float", value: parseFloat(v) });
    else throw new JsonPathParseError(`cannot parse number ${v}`);
  }

  private parseArray(cur: Node & { t: "list" }): void {
    for (;;) {
      const c = this.next();
      if (c === undefined || c === "\n") throw new JsonPathParseError("unterminated array");
      if (c === "]") break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      const lists = parts.map((s) => parseAction(`[${s.trim()}]`));
      cur.nodes.push({ t: "union", lists });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      const sub = parseAction(`.${dict[1]}`) as Node & { t: "list" };
      cur.nodes.push(...sub.nodes);
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const raw = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: [Param, Param, Param] = [
      { value: 0, known: false },
      { value: 0, known: false },
      { value: 0, known: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = raw[i];
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") params[i] = { value: 0, known: false };
        else {
          const n = Number(v);
          if (!/^-?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
          params[i] = { value: n, known: true };
        }
      } else if (i === 1) params[i] = { value: params[0].value + 1, known: true };
    }
    cur.nodes.push({ t: "array", params });
  }

  private parseFilter(cur: Node & { t: "list" }): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === undefined || r === "\n") throw new JsonPathParseError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")") {
        if (begin === end) break;
      }
    }
    if (this.next() !== "]") throw new JsonPathParseError("unclosed array expect ]");
    let text = this.consume();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.nodes.push({ t: "filter", left: parseAction(text), right: { t: "list", nodes: [] }, op: "exists" });
    else cur.nodes.push({ t: "filter", left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
  }

  private parseQuote(cur: Node & { t: "list" }, q: string): void {
    for (;;) {
      const c = this.next();
      if (c === undefined || c === "\n") throw new JsonPathParseError("unterminated quoted string");
      if (c === q && this.input[this.pos - 2] !== "\\") break;
    }
    const v = this.consume();
    cur.nodes.push({ t: "text", text: unquote(v) });
  }

  private parseField(cur: Node & { t: "list" }): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === "\\") this.next();
      else if (isTerminator(r)) {
        if (r !== undefined) this.backup();
        break;
      }
    }
    const v = this.consume();
    cur.nodes.push(v === "*" ? { t: "wildcard" } : { t: "field", name: v.replace(/\\/g, "") });
  }
}

function parseAction(text: string): Node {
  const p = new Parser(`{${text}}`);
  const root = p.parse();
  return root.nodes[0];
}

/** strconv.Unquote extended to single quotes. */
function unquote(s: string): string {
  const body = s.slice(1, -1);
  const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", a: "\x07", b: "\b", f: "\f", v: "\v", "0": "\0" };
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e[0] === "x" || e[0] === "u") return String.fromCharCode(parseInt(e.slice(1), 16));
    return map[e] ?? e;
  });
}

export interface JsonPath {
  template: string;
  root: Node & { t: "list" };
}

/** Parses a template; throws JsonPathParseError with client-go's wording. */
export function parseJsonPath(template: string): JsonPath {
  return { template, root: new Parser(template).parse() };
}

/** True when an action is `{range ...}` / `{end}`. */
function leadingIdent(n: Node): string | undefined {
  return n.t === "list" && n.nodes[0]?.t === "ident" ? n.nodes[0].name : undefined;
}

/** Index after the `{end}` matching the range whose body starts at `from` (nodes.length if none). */
function skipBlock(nodes: Node[], from: number): number {
  let depth = 1;
  for (let i = from; i < nodes.length; i++) {
    const id = leadingIdent(nodes[i]);
    if (id === "range") depth++;
    else if (id === "end" && --depth === 0) return i + 1;
  }
  return nodes.length;
}

class Evaluator {
  constructor(private allowMissingKeys: boolean) {}

  findResults(data: unknown, nodes: Node[]): unknown[][] {
    return this.block(data, nodes, 0, false).results;
  }

  /** Evaluates nodes from `start` with `data` current; inside a range, returns at its `{end}`. */
  private block(data: unknown, nodes: Node[], start: number, inRange: boolean): { results: unknown[][]; next: number; ended: boolean } {
    const out: unknown[][] = [];
    const cur = [data];
    let i = start;
    while (i < nodes.length) {
      const node = nodes[i];
      const id = leadingIdent(node);
      if (id === "end") {
        if (!inRange) throw new JsonPathExecError("not in range, nothing to end");
        return { results: out, next: i + 1, ended: true };
      }
      if (id === "range") {
        const rest: Node = { t: "list", nodes: (node as Node & { t: "list" }).nodes.slice(1) };
        const items = this.walk(cur, rest);
        let next = skipBlock(nodes, i + 1);
        let ended = next <= nodes.length && next > i + 1 && leadingIdent(nodes[next - 1]) === "end";
        for (const item of items) {
          const r = this.block(item, nodes, i + 1, true);
          out.push(...r.results);
          next = r.next;
          ended = r.ended;
        }
        // A range without {end}: the rest runs once more in the outer scope, as client-go does.
        i = ended ? next : i + 1;
        if (!ended && items.length === 0) i = nodes.length;
        continue;
      }
      out.push(this.walk(cur, node));
      i++;
    }
    return { results: out, next: i, ended: false };
  }

  walk(input: unknown[], node: Node): unknown[] {
    switch (node.t) {
      case "list": {
        let v = input;
        for (const n of node.nodes) v = this.walk(v, n);
        return v;
      }
      case "text":
        return [node.text];
      case "int":
      case "float":
      case "bool":
        return input.map(() => node.value);
      case "field":
        return this.field(input, node.name);
      case "array":
        return this.array(input, node.params);
      case "union":
        return node.lists.flatMap((l) => this.walk(input, l));
      case "wildcard":
        return input.flatMap((v) => children(v));
      case "recursive":
        return this.recursive(input);
      case "filter":
        return this.filter(input, node);
      case "ident":
        throw new JsonPathExecError(`unrecognized identifier ${node.name}`);
    }
  }

  private field(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const out: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (typeof v === "object" && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, name)) {
        const x = (v as Record<string, unknown>)[name];
        if (x !== undefined) out.push(x);
      }
    }
    if (out.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`);
    return out;
  }

  private array(input: unknown[], p: [Param, Param, Param]): unknown[] {
    const out: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      let start = p[0].known ? p[0].value : 0;
      if (start < 0) start += len;
      let end = p[1].known ? p[1].value : len;
      if (end < 0) end += len;
      if (end !== start) {
        if (start >= len) throw new JsonPathExecError(`array index out of bounds: index ${start}, length ${len}`);
        if (end > len) throw new JsonPathExecError(`array index out of bounds: index ${end - 1}, length ${len}`);
      }
      if (start < 0 || end < start) throw new JsonPathExecError(`slice bounds out of range [${start}:${end}]`);
      const step = p[2].known ? p[2].value : 1;
      if (!p[2].known) out.push(...v.slice(start, end));
      // reflect.Slice3's third index is a capacity, not a step: it keeps [start, end).
      else {
        if (step < end) throw new JsonPathExecError(`slice bounds out of range [::${step}] with capacity ${len}`);
        out.push(...v.slice(start, end));
      }
    }
    return out;
  }

  private recursive(input: unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length) {
        out.push(v);
        out.push(...this.recursive(kids));
      }
    }
    return out;
  }

  private filter(input: unknown[], node: Node & { t: "filter" }): unknown[] {
    const out: unknown[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goPlainV(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: unknown[];
        try {
          lefts = this.walk([item], node.left);
        } catch (e) {
          if (node.op === "exists") continue;
          throw e;
        }
        if (node.op === "exists") {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        if (lefts.length !== 1) throw new JsonPathExecError("can only compare one element at a time");
        const rights = this.walk([item], node.right);
        if (rights.length !== 1) throw new JsonPathExecError("can only compare one element at a time");
        if (compare(lefts[0], rights[0], node.op)) out.push(item);
      }
    }
    return out;
  }

}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return Object.keys(o).sort().map((k) => o[k]);
  }
  // Go indexes a string's bytes (uint8): leaves that recursive descent does not enter.
  if (typeof v === "string") return [...v].map((c) => c.codePointAt(0)!);
  return [];
}

/** text/template's eq/lt/...: same basic kind required. */
function compare(a: unknown, b: unknown, op: string): boolean {
  const kind = (x: unknown) => (typeof x === "number" ? "number" : typeof x === "string" ? "string" : typeof x === "boolean" ? "bool" : "other");
  if (op !== "==" && op !== "!=" && op !== "<" && op !== ">" && op !== "<=" && op !== ">=") throw new JsonPathExecError(`unrecognized filter operator ${op}`);
  if (kind(a) !== kind(b) || kind(a) === "other") {
    if ((op === "==" || op === "!=") && kind(a) === "other" && kind(b) === "other") throw new JsonPathExecError("invalid type for comparison");
    throw new JsonPathExecError("incompatible types for comparison");
  }
  if ((op === "<" || op === ">" || op === "<=" || op === ">=") && kind(a) === "bool") throw new JsonPathExecError("invalid type for comparison");
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case "==": return x === y;
    case "!=": return x !== y;
    case "<": return x < y;
    case ">": return x > y;
    case "<=": return x <= y;
    default: return x >= y;
  }
}

function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (v && typeof v === "object") return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "interface {}";
}

function goPlainV(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goPlainV).join(" ")}]`;
  if (v && typeof v === "object") return `map[${Object.keys(v).sort().map((k) => `${k}:${goPlainV((v as Record<string, unknown>)[k])}`).join(" ")}]`;
  if (v === null || v === undefined) return "<nil>";
  return String(v);
}

/** One result as PrintResults writes it. */
function toText(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") return toCompactJson(v, true);
  return String(v);
}

export interface JsonPathOptions {
  allowMissingKeys?: boolean;
}

/** Executes a parsed template on data; throws JsonPathExecError. */
export function executeJsonPath(jp: JsonPath, data: unknown, opts: JsonPathOptions = {}): string {
  const ev = new Evaluator(opts.allowMissingKeys ?? true);
  const full = ev.findResults(data, jp.root.nodes);
  return full.map((results) => results.map(toText).join(" ")).join("");
}

/** The raw result groups (one per template node), as custom-columns reads them. */
export function findJsonPathResults(jp: JsonPath, data: unknown, opts: JsonPathOptions = {}): unknown[][] {
  return new Evaluator(opts.allowMissingKeys ?? true).findResults(data, jp.root.nodes);
}

/** kubectl's error texts for -o jsonpath (cli-runtime printers/jsonpath.go). */
export function jsonPathParseErrorText(template: string, e: Error): string {
  return `error parsing jsonpath ${template}, ${e.message}`;
}

export function jsonPathExecErrorText(template: string, e: Error, data: unknown): string {
  return (
    `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n\n`
  );
}

/** RelaxedJSONPathExpression (kubectl get/sort-by): ".a.b" or "a.b" or "{.a.b}" into "{.a.b}". */
export function relaxedJsonPath(expr: string): string {
  if (expr.length === 0) return expr;
  const m = /^\{?(\.?[^{}]*?)\}?$/.exec(expr);
  if (!m || (expr.startsWith("{") !== expr.endsWith("}"))) throw new Error(`unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  const body = m[1].startsWith(".") ? m[1] : `.${m[1]}`;
  return `{${body}}`;
}
