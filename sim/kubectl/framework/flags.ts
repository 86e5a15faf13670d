// pflag/cobra-compatible flag parsing (github.com/spf13/pflag flag.go parseArgs/parseLongArg/
// parseShortArg): interspersed flags, `--flag=v`, `--flag v`, `-n v`, `-nv`, `-n=v`, combined bool
// shorthands (`-it`), `--` terminator, NoOptDefVal, and pflag's exact error texts.

import { parseGoDuration } from "../../core/duration";

export type FlagType = "bool" | "string" | "int" | "stringSlice" | "stringArray" | "duration";

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** The value a flag takes when given without `=value` (pflag NoOptDefVal); bools use "true". */
  noOptDefVal?: string;
}

export type FlagValue = string | number | boolean | string[];

export const boolFlag = (name: string, o: { short?: string; default?: boolean } = {}): FlagSpec => ({ name, type: "bool", short: o.short, default: o.default ?? false });
export const stringFlag = (name: string, o: { short?: string; default?: string; noOptDefVal?: string } = {}): FlagSpec => ({ name, type: "string", short: o.short, default: o.default ?? "", noOptDefVal: o.noOptDefVal });
export const intFlag = (name: string, o: { short?: string; default?: number } = {}): FlagSpec => ({ name, type: "int", short: o.short, default: o.default ?? 0 });
export const durationFlag = (name: string, o: { short?: string; default?: string } = {}): FlagSpec => ({ name, type: "duration", short: o.short, default: o.default ?? "0s" });
/** Comma-separated and repeatable (pflag StringSlice: `-f a,b -f c`). */
export const stringSliceFlag = (name: string, o: { short?: string; default?: string[] } = {}): FlagSpec => ({ name, type: "stringSlice", short: o.short, default: o.default ?? [] });
/** Repeatable, never split (pflag StringArray: `--from-literal=a=b,c`). */
export const stringArrayFlag = (name: string, o: { short?: string; default?: string[] } = {}): FlagSpec => ({ name, type: "stringArray", short: o.short, default: o.default ?? [] });

/** A flag error as pflag words it; the caller adds "error: " and the "See ... --help" line. */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FlagError";
  }
}

/** The parsed values of one command line. */
export class FlagValues {
  private values = new Map<string, FlagValue>();
  private changedSet = new Set<string>();
  constructor(private readonly specs: Map<string, FlagSpec>) {
    for (const s of specs.values()) this.values.set(s.name, defaultOf(s));
  }

  has(name: string): boolean {
    return this.specs.has(name);
  }
  /** True when the flag was given on the command line (cobra's Flags().Changed). */
  changed(name: string): boolean {
    return this.changedSet.has(name);
  }
  bool(name: string): boolean {
    return this.get(name) === true;
  }
  string(name: string): string {
    const v = this.get(name);
    return typeof v === "string" ? v : String(v ?? "");
  }
  int(name: string): number {
    const v = this.get(name);
    return typeof v === "number" ? v : 0;
  }
  /** A duration flag in milliseconds. */
  durationMs(name: string): number {
    const v = this.get(name);
    return typeof v === "number" ? v : (parseGoDuration(String(v)) ?? 0);
  }
  strings(name: string): string[] {
    const v = this.get(name);
    return Array.isArray(v) ? v : [];
  }
  get(name: string): FlagValue | undefined {
    if (!this.specs.has(name)) throw new Error(`kubectl: flag --${name} is not defined for this command`);
    return this.values.get(name);
  }

  /** Sets a flag from text as pflag's Value.Set does (repeats append for slices). */
  set(spec: FlagSpec, text: string, shown: string): void {
    const first = !this.changedSet.has(spec.name);
    this.changedSet.add(spec.name);
    const fail = (why: string) => new FlagError(`invalid argument "${text}" for "${shown}" flag: ${why}`);
    switch (spec.type) {
      case "bool": {
        const b = parseGoBool(text);
        if (b === undefined) throw fail(`strconv.ParseBool: parsing "${text}": invalid syntax`);
        this.values.set(spec.name, b);
        return;
      }
      case "int": {
        const n = parseGoInt(text);
        if (typeof n === "string") throw fail(`strconv.ParseInt: parsing "${text}": ${n}`);
        this.values.set(spec.name, n);
        return;
      }
      case "duration": {
        const d = parseGoDuration(text);
        if (d === undefined) throw fail(`time: invalid duration "${text}"`);
        this.values.set(spec.name, d);
        return;
      }
      case "stringSlice": {
        const parts = text === "" ? [] : splitCsv(text);
        this.values.set(spec.name, first ? parts : [...this.strings(spec.name), ...parts]);
        return;
      }
      case "stringArray":
        this.values.set(spec.name, first ? [text] : [...this.strings(spec.name), text]);
        return;
      default:
        this.values.set(spec.name, text);
    }
  }
}

function defaultOf(s: FlagSpec): FlagValue {
  if (s.type === "duration") return parseGoDuration(String(s.default ?? "0s")) ?? 0;
  if (Array.isArray(s.default)) return [...s.default];
  return s.default ?? (s.type === "bool" ? false : s.type === "int" ? 0 : "");
}

/** strconv.ParseBool. */
export function parseGoBool(t: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(t)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(t)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, 64) as pflag's int uses it: a number, or the error's reason. */
export function parseGoInt(t: string): number | string {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[0-9_]+)$/.exec(t);
  if (!m) return "invalid syntax";
  const body = m[2].replace(/_/g, "");
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
  else if (body.length > 1 && body.startsWith("0")) n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  if (Number.isNaN(n)) return "invalid syntax";
  if (n > 9223372036854775807) return "value out of range";
  return m[1] === "-" ? -n : n;
}

/** pflag's readAsCSV: a comma-separated line with "..." quoting. */
function splitCsv(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === "") quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export interface ParsedArgs {
  flags: FlagValues;
  args: string[];
  /** Index in `args` where `--` was (cobra ArgsLenAtDash), -1 when absent. */
  argsLenAtDash: number;
  /** -h/--help was given. */
  help: boolean;
}

function shownName(s: FlagSpec): string {
  return s.short ? `-${s.short}, --${s.name}` : `--${s.name}`;
}

/** Parses `argv` (without the command words) against `specs` as pflag does with interspersed args. */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    byName.set(s.name, s);
    if (s.short) byShort.set(s.short, s);
  }
  const values = new FlagValues(byName);
  const args: string[] = [];
  let argsLenAtDash = -1;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== "-") {
      args.push(a);
      continue;
    }
    if (a.startsWith("--")) {
      const body = a.slice(2);
      if (body.startsWith("-") || body.startsWith("=")) throw new FlagError(`bad flag syntax: ${a}`);
      const eq = body.indexOf("=");
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) {
        if (name === "help") {
          help = true;
          continue;
        }
        throw new FlagError(`unknown flag: --${name}`);
      }
      if (eq >= 0) values.set(spec, body.slice(eq + 1), shownName(spec));
      else if (spec.type === "bool") values.set(spec, "true", shownName(spec));
      else if (spec.noOptDefVal !== undefined) values.set(spec, spec.noOptDefVal, shownName(spec));
      else if (i + 1 < argv.length) values.set(spec, argv[++i], shownName(spec));
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    // Shorthands: each letter is a flag until one takes a value (the rest, or the next argument).
    let shorts = a.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0];
      const spec = byShort.get(c);
      if (!spec) {
        if (c === "h") {
          help = true;
          shorts = shorts.slice(1);
          continue;
        }
        throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
      }
      if (shorts.length > 2 && shorts[1] === "=") {
        values.set(spec, shorts.slice(2), shownName(spec));
        shorts = "";
      } else if (spec.type === "bool" || spec.noOptDefVal !== undefined) {
        values.set(spec, spec.type === "bool" ? "true" : spec.noOptDefVal!, shownName(spec));
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        values.set(spec, shorts.slice(1), shownName(spec));
        shorts = "";
      } else if (i + 1 < argv.length) {
        values.set(spec, argv[++i], shownName(spec));
        shorts = "";
      } else throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
    }
  }
  return { flags: values, args, argsLenAtDash, help };
}
