// Executes the Go text/template subset (text/template/exec.go, funcs.go) on API objects as
// kubectl's go-template printer does (cli-runtime printers/template.go): JSON numbers are int64
// when whole, float64 otherwise; a missing key prints "<no value>"; values print as fmt's %v
// (map[k:v] with sorted keys, [a b]); functions are text/template's plus kubectl's exists and
// base64decode.

import { parseTemplate, type Command, type Node, type Operand, type Pipeline } from "./go-template-parse";

export { TemplateParseError } from "./go-template-parse";

export class TemplateExecError extends Error {}

/** A float64 (a literal like 1.0 or a JSON number with a fraction). */
class GoFloat {
  constructor(readonly v: number) {}
}

const MISSING = Symbol("no value");
type Val = unknown;

function isInt(v: Val): v is number {
  return typeof v === "number";
}

function num(v: Val): number | undefined {
  return typeof v === "number" ? v : v instanceof GoFloat ? v.v : undefined;
}

function fmtFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  return String(n);
}

/** fmt's %v. */
export function goPrint(v: Val, top = true): string {
  if (v === MISSING) return "<no value>";
  if (v === null || v === undefined) return top ? "<no value>" : "<nil>";
  if (v instanceof GoFloat) return fmtFloat(v.v);
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => goPrint(x, false)).join(" ")}]`;
  if (typeof v === "object") {
    const keys = Object.keys(v as object).sort();
    return `map[${keys.map((k) => `${k}:${goPrint((v as Record<string, Val>)[k], false)}`).join(" ")}]`;
  }
  return String(v);
}

function truthy(v: Val): boolean {
  if (v === MISSING || v === null || v === undefined || v === false || v === "" || v === 0) return false;
  if (v instanceof GoFloat) return v.v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return true;
}

/** JSON numbers with a fraction become float64, as unstructured decoding makes them. */
function fromJson(v: Val): Val {
  if (typeof v === "number" && !Number.isInteger(v)) return new GoFloat(v);
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v;
}

class Fail extends Error {}

/** fmt.Sprintf for the verbs templates use: %s %v %d %q %f %t %x %%, width and precision. */
function sprintf(format: string, args: Val[]): string {
  let i = 0;
  return format.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    let s: string;
    switch (verb) {
      case "d":
        s = isInt(a) ? String(a) : `%!d(${typeName(a)}=${goPrint(a, false)})`;
        break;
      case "f":
      case "F": {
        const n = num(a);
        s = n === undefined ? `%!f(${typeName(a)}=${goPrint(a, false)})` : n.toFixed(prec ? Number(prec) : 6);
        break;
      }
      case "q":
        s = typeof a === "string" ? JSON.stringify(a) : `%!q(${typeName(a)}=${goPrint(a, false)})`;
        break;
      case "t":
        s = typeof a === "boolean" ? String(a) : `%!t(${typeName(a)}=${goPrint(a, false)})`;
        break;
      case "x":
        s = isInt(a) ? a.toString(16) : typeof a === "string" ? [...new TextEncoder().encode(a)].map((b) => b.toString(16).padStart(2, "0")).join("") : goPrint(a, false);
        break;
      default:
        s = goPrint(a, false);
        if (verb === "s" && prec) s = s.slice(0, Number(prec));
    }
    if (width && s.length < Number(width)) s = flags.includes("-") ? s.padEnd(Number(width)) : s.padStart(Number(width), flags.includes("0") && verb !== "s" ? "0" : " ");
    return s;
  }) + (i < args.length ? `%!(EXTRA ${args.slice(i).map((a) => `${typeName(a)}=${goPrint(a, false)}`).join(", ")})` : "");
}

function typeName(v: Val): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "int64";
  if (v instanceof GoFloat) return "float64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "[]interface {}";
  if (v && typeof v === "object") return "map[string]interface {}";
  return "<nil>";
}

/** Sprint: a space between operands when neither is a string. */
function sprint(args: Val[]): string {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== "string" && typeof args[i - 1] !== "string") out += " ";
    out += goPrint(a, false);
  });
  return out;
}

function basicKind(v: Val): string {
  if (typeof v === "number") return "int";
  if (v instanceof GoFloat) return "float";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v === null || v === undefined || v === MISSING) return "nil";
  return "complex";
}

function eq(a: Val, b: Val): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === "nil" || kb === "nil") return ka === kb;
  if (ka === "complex" || kb === "complex") throw new Fail("error calling eq: non-comparable type");
  if (ka !== kb) throw new Fail("error calling eq: incompatible types for comparison");
  return (num(a) ?? a) === (num(b) ?? b);
}

function lt(a: Val, b: Val, name: string): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new Fail(`error calling ${name}: incompatible types for comparison`);
  if (ka === "bool" || ka === "nil" || ka === "complex") throw new Fail(`error calling ${name}: invalid type for comparison`);
  return (num(a) ?? (a as string)) < (num(b) ?? (b as string));
}

function index(v: Val, keys: Val[]): Val {
  let cur = v;
  for (const k of keys) {
    if (cur === MISSING || cur === null || cur === undefined) throw new Fail("error calling index: index of untyped nil");
    if (Array.isArray(cur) || typeof cur === "string") {
      if (!isInt(k)) throw new Fail(`error calling index: cannot index slice/array with type ${typeName(k)}`);
      if (k < 0 || k >= cur.length) throw new Fail(`error calling index: index out of range: ${k}`);
      cur = typeof cur === "string" ? cur.charCodeAt(k) : cur[k];
    } else if (typeof cur === "object") {
      if (typeof k !== "string") throw new Fail(`error calling index: value has type ${typeName(k)}; should be string`);
      cur = Object.prototype.hasOwnProperty.call(cur, k) ? (cur as Record<string, Val>)[k] : MISSING;
    } else throw new Fail(`error calling index: can't index item of type ${typeName(cur)}`);
  }
  return cur;
}

function callFunc(name: string, args: Val[], lazy: (() => Val)[]): Val {
  const need = (n: number) => {
    if (args.length !== n) throw new Fail(`wrong number of args for ${name}: want ${n} got ${args.length}`);
  };
  switch (name) {
    case "and": {
      let last: Val = undefined;
      for (const f of lazy) if (!truthy((last = f()))) return last;
      return last;
    }
    case "or": {
      let last: Val = undefined;
      for (const f of lazy) if (truthy((last = f()))) return last;
      return last;
    }
    case "not":
      need(1);
      return !truthy(args[0]);
    case "len": {
      need(1);
      const a = args[0];
      if (typeof a === "string" || Array.isArray(a)) return a.length;
      if (a && typeof a === "object" && !(a instanceof GoFloat)) return Object.keys(a).length;
      throw new Fail(`error calling len: len of type ${typeName(a)}`);
    }
    case "index":
      if (args.length < 1) throw new Fail("wrong number of args for index: want at least 1 got 0");
      return index(args[0], args.slice(1));
    case "printf":
      if (typeof args[0] !== "string") throw new Fail("wrong type for value; expected string; got " + typeName(args[0]));
      return sprintf(args[0], args.slice(1));
    case "print":
      return sprint(args);
    case "println":
      return args.map((a) => goPrint(a, false)).join(" ") + "\n";
    case "eq":
      if (args.length < 2) throw new Fail("missing argument for comparison");
      return args.slice(1).some((b) => eq(args[0], b));
    case "ne":
      need(2);
      return !eq(args[0], args[1]);
    case "lt":
    case "le":
    case "gt":
    case "ge": {
      need(2);
      const [a, b] = args;
      if (name === "lt") return lt(a, b, name);
      if (name === "ge") return !lt(a, b, name);
      if (name === "gt") return !lt(a, b, name) && !eq(a, b);
      return lt(a, b, name) || eq(a, b);
    }
    case "html":
      return sprint(args).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&#34;").replace(/'/g, "&#39;");
    case "js":
      return sprint(args).replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/"/g, "\\\"").replace(/</g, "\\u003C").replace(/>/g, "\\u003E");
    case "urlquery":
      return encodeURIComponent(sprint(args)).replace(/%20/g, "+");
    case "exists": {
      // kubectl's exists: whether the path of keys/indices leads somewhere.
      let cur = args[0];
      for (const k of args.slice(1)) {
        if (Array.isArray(cur) && isInt(k) && k >= 0 && k < cur.length) cur = cur[k];
        else if (cur && typeof cur === "object" && typeof k === "string" && Object.prototype.hasOwnProperty.call(cur, k)) cur = (cur as Record<string, Val>)[k];
        else return false;
      }
      return true;
    }
    case "base64decode": {
      need(1);
      try {
        const bin = atob(String(args[0]));
        return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
      } catch {
        throw new Fail("error calling base64decode: illegal base64 data at input byte 0");
      }
    }
    default:
      throw new Fail(`"${name}" is not a defined function`);
  }
}

interface Scope {
  vars: Map<string, Val>[];
}

class Exec {
  out = "";
  private steps = 0;
  constructor(private readonly root: Val) {}

  private lookupVar(s: Scope, name: string): Val {
    for (let i = s.vars.length - 1; i >= 0; i--) if (s.vars[i].has(name)) return s.vars[i].get(name);
    throw new Fail(`undefined variable: ${name}`);
  }

  private field(v: Val, path: string[]): Val {
    let cur = v;
    for (const key of path) {
      if (cur === MISSING || cur === null || cur === undefined) return MISSING;
      if (typeof cur !== "object" || Array.isArray(cur) || cur instanceof GoFloat) throw new Fail(`can't evaluate field ${key} in type ${typeName(cur)}`);
      cur = Object.prototype.hasOwnProperty.call(cur, key) ? (cur as Record<string, Val>)[key] : MISSING;
    }
    return cur;
  }

  private operand(o: Operand, dot: Val, s: Scope): Val {
    switch (o.t) {
      case "dot":
        return dot;
      case "field":
        return this.field(dot, o.path);
      case "var":
        return this.field(this.lookupVar(s, o.name), o.path);
      case "string":
        return o.value;
      case "number":
        return o.float ? new GoFloat(o.value) : o.value;
      case "bool":
        return o.value;
      case "nil":
        throw new Fail("nil is not a command");
      case "pipe":
        return this.field(this.pipeline(o.pipe, dot, s), o.path);
      case "ident":
        return callFunc(o.name, [], []);
    }
  }

  private command(c: Command, dot: Val, s: Scope, final: Val | typeof NONE): Val {
    const [first, ...rest] = c.args;
    const finalArgs = final === NONE ? [] : [final];
    if (first.t === "ident") {
      const lazy = [...rest.map((a) => () => this.operand(a, dot, s)), ...finalArgs.map((f) => () => f)];
      const args = first.name === "and" || first.name === "or" ? [] : lazy.map((f) => f());
      return callFunc(first.name, args, lazy);
    }
    if (rest.length || final !== NONE) throw new Fail(`can't give argument to non-function ${c.args[0].t === "field" ? "." + (c.args[0] as { path: string[] }).path.join(".") : c.text.split(/\s/)[0]}`);
    return this.operand(first, dot, s);
  }

  pipeline(p: Pipeline, dot: Val, s: Scope): Val {
    let v: Val | typeof NONE = NONE;
    for (const c of p.cmds) {
      try {
        v = this.command(c, dot, s, v);
      } catch (e) {
        if (e instanceof Fail) throw new TemplateExecError(`template: output:${c.pos.line}:${c.pos.col}: executing "output" at <${c.text}>: ${e.message}`);
        throw e;
      }
    }
    const val = v === NONE ? undefined : v;
    if (p.decl.length === 1) {
      if (p.assign) {
        for (let i = s.vars.length - 1; i >= 0; i--) if (s.vars[i].has(p.decl[0])) s.vars[i].set(p.decl[0], val);
      } else s.vars[s.vars.length - 1].set(p.decl[0], val);
    }
    return val;
  }

  run(nodes: Node[], dot: Val, s: Scope): "break" | "continue" | undefined {
    for (const n of nodes) {
      if (++this.steps > 200_000) throw new TemplateExecError("template: output: execution limit exceeded");
      switch (n.t) {
        case "text":
          this.out += n.text;
          break;
        case "action": {
          const v = this.pipeline(n.pipe, dot, s);
          if (n.pipe.decl.length === 0) this.out += goPrint(v);
          break;
        }
        case "if":
        case "with": {
          s.vars.push(new Map());
          const v = this.pipeline(n.pipe, dot, s);
          const r = truthy(v) ? this.run(n.list, n.t === "with" ? v : dot, s) : n.else ? this.run(n.else, dot, s) : undefined;
          s.vars.pop();
          if (r) return r;
          break;
        }
        case "range": {
          const r = this.range(n, dot, s);
          if (r) return r;
          break;
        }
        case "break":
        case "continue":
          return n.t;
      }
    }
    return undefined;
  }

  private range(n: Extract<Node, { t: "range" }>, dot: Val, s: Scope): undefined {
    s.vars.push(new Map());
    const decl = n.pipe.decl;
    const v = this.pipeline({ ...n.pipe, decl: [] }, dot, s);
    let entries: [Val, Val][];
    if (Array.isArray(v)) entries = v.map((x, i) => [i, x]);
    else if (v && typeof v === "object" && !(v instanceof GoFloat)) entries = Object.keys(v).sort().map((k) => [k, (v as Record<string, Val>)[k]]);
    else if (typeof v === "number") entries = Array.from({ length: Math.max(0, v) }, (_x, i) => [i, i]);
    else if (v === MISSING || v === null || v === undefined) entries = [];
    else {
      const c = n.pipe.cmds[0];
      throw new TemplateExecError(`template: output:${c.pos.line}:${c.pos.col}: range can't iterate over ${goPrint(v)}`);
    }
    if (entries.length === 0 && n.else) this.run(n.else, dot, s);
    for (const [k, x] of entries) {
      const frame = s.vars[s.vars.length - 1];
      if (decl.length === 1) frame.set(decl[0], x);
      if (decl.length === 2) {
        frame.set(decl[0], k);
        frame.set(decl[1], x);
      }
      const r = this.run(n.list, x, s);
      if (r === "break") break;
    }
    s.vars.pop();
    return undefined;
  }
}

const NONE = Symbol("none");

/** Parses (TemplateParseError) and runs (TemplateExecError) a template on a JSON value. */
export function executeGoTemplate(template: string, data: unknown): string {
  const nodes = parseTemplate(template);
  const root = fromJson(data);
  const ex = new Exec(root);
  ex.run(nodes, root, { vars: [new Map([["$", root]])] });
  return ex.out;
}

/** Only parses: kubectl reports template syntax errors before fetching anything. */
export function checkGoTemplate(template: string): void {
  parseTemplate(template);
}
