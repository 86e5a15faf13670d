// GNU sed, the part learners use on manifests: s///flags (g, p, N, i/I) with & and \1..\9,
// d, p, q, a, i, c; line, $, /re/ and range addresses with !; -n, -e, -E/-r, -i.

import type { Proc } from "../../core/process";
import type { RE2JS } from "re2js";
import { abs, fsErrorText, lines } from "./util";
import { allMatches, compilePosix, RegexError } from "../regex";

type Address = { kind: "line"; n: number } | { kind: "last" } | { kind: "re"; re: RE2JS };

interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  name: string;
  // s
  re?: RE2JS;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
  /** Range state: inside a range started at an earlier line. */
  active?: boolean;
}

class SedError extends Error {}

function usage(p: Proc): number {
  p.stderr("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n");
  return 1;
}

/** Parses a script into commands; errors use GNU's `-e expression #1, char N: ...` form. */
function parseScript(script: string, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${Math.min(i, script.length)}: ${msg}`);
  };
  const regexUntil = (delim: string): string => {
    let out = "";
    while (i < script.length && script[i] !== delim) {
      if (script[i] === "\\" && i + 1 < script.length) {
        out += script[i + 1] === delim ? delim : script.slice(i, i + 2);
        i += 2;
      } else if (script[i] === "\n") {
        return fail(`unterminated address regex`);
      } else out += script[i++];
    }
    return out;
  };
  const compile = (src: string, ignoreCase = false): RE2JS => {
    try {
      return compilePosix(src, { extended, ignoreCase });
    } catch (e) {
      if (e instanceof RegexError) return fail(e.message);
      throw e;
    }
  };
  const address = (): Address | undefined => {
    const m = /^\d+/.exec(script.slice(i));
    if (m) {
      i += m[0].length;
      return { kind: "line", n: Number(m[0]) };
    }
    if (script[i] === "$") {
      i++;
      return { kind: "last" };
    }
    if (script[i] === "/" || script[i] === "\\") {
      const delim = script[i] === "\\" ? script[++i] : "/";
      i++;
      const src = regexUntil(delim);
      if (script[i] !== delim) fail("unterminated address regex");
      i++;
      return { kind: "re", re: compile(src) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    const cmd: SedCommand = { negate: false, name: "" };
    cmd.a1 = address();
    if (cmd.a1 && script[i] === ",") {
      i++;
      cmd.a2 = address() ?? fail("unexpected `,'");
    }
    while (script[i] === " ") i++;
    if (script[i] === "!") {
      cmd.negate = true;
      i++;
    }
    while (script[i] === " ") i++;
    const name = script[i++];
    if (name === undefined) fail("missing command");
    cmd.name = name;
    if (name === "s") {
      const delim = script[i++];
      if (delim === undefined || delim === "\n" || delim === "\\") fail("unterminated `s' command");
      const src = regexUntil(delim);
      if (script[i++] !== delim) fail("unterminated `s' command");
      let repl = "";
      while (i < script.length && script[i] !== delim) {
        if (script[i] === "\\" && i + 1 < script.length) {
          repl += script[i + 1] === delim ? delim : script.slice(i, i + 2);
          i += 2;
        } else repl += script[i++];
      }
      if (script[i++] !== delim) fail("unterminated `s' command");
      let ignoreCase = false;
      while (i < script.length && !/[;\n}]/.test(script[i])) {
        const fl = script[i++];
        if (fl === "g") cmd.global = true;
        else if (fl === "p") cmd.print = true;
        else if (fl === "i" || fl === "I") ignoreCase = true;
        else if (/\d/.test(fl)) cmd.occurrence = Number(fl + (/^\d*/.exec(script.slice(i))![0]));
        else if (fl === " ") continue;
        else fail("unknown option to `s'");
        while (/\d/.test(script[i] ?? "") && cmd.occurrence !== undefined) i++;
      }
      cmd.re = compile(src, ignoreCase);
      cmd.replacement = repl;
    } else if (name === "a" || name === "i" || name === "c") {
      let end = script.indexOf("\n", i);
      if (end < 0) end = script.length;
      cmd.text = script.slice(i, end).replace(/^\\?\s*/, "").replace(/\\n/g, "\n");
      i = end;
    } else if (!"dpqP=".includes(name)) {
      fail(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
  }
  return cmds;
}

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  if (a.kind === "line") return n === a.n;
  if (a.kind === "last") return last;
  return a.re.test(line);
}

function selected(c: SedCommand, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matches(c.a1, line, n, last);
  else if (c.active) {
    hit = true;
    const end = c.a2.kind === "line" ? n >= c.a2.n : matches(c.a2, line, n, last);
    if (end) c.active = false;
  } else if (matches(c.a1, line, n, last)) {
    hit = true;
    c.active = !(c.a2.kind === "line" ? c.a2.n <= n : false);
  } else hit = false;
  return hit !== c.negate;
}

function substitute(c: SedCommand, line: string): { text: string; changed: boolean } {
  const ms = allMatches(c.re!, line);
  let out = "";
  let at = 0;
  let changed = false;
  ms.forEach((m, k) => {
    const nth = k + 1;
    const want = c.occurrence ? (c.global ? nth >= c.occurrence : nth === c.occurrence) : c.global || nth === 1;
    if (!want) return;
    out += line.slice(at, m.start) + expandReplacement(c.replacement!, m.groups);
    at = m.end;
    changed = true;
  });
  return { text: out + line.slice(at), changed };
}

function expandReplacement(repl: string, groups: (string | null)[]): string {
  let out = "";
  for (let i = 0; i < repl.length; i++) {
    const ch = repl[i];
    if (ch === "&") out += groups[0] ?? "";
    else if (ch === "\\" && i + 1 < repl.length) {
      const n = repl[++i];
      if (/\d/.test(n)) out += groups[Number(n)] ?? "";
      else if (n === "n") out += "\n";
      else if (n === "t") out += "\t";
      else out += n;
    } else out += ch;
  }
  return out;
}

function run(cmds: SedCommand[], text: string, quiet: boolean): string {
  const ls = lines(text);
  let out = "";
  for (const c of cmds) c.active = false;
  for (let k = 0; k < ls.length; k++) {
    let line = ls[k];
    const n = k + 1;
    const last = k === ls.length - 1;
    let deleted = false;
    let quit = false;
    let append = "";
    for (const c of cmds) {
      if (!selected(c, line, n, last)) continue;
      if (c.name === "s") {
        const r = substitute(c, line);
        line = r.text;
        if (r.changed && c.print) out += line + "\n";
      } else if (c.name === "d") {
        deleted = true;
        break;
      } else if (c.name === "p") out += line + "\n";
      else if (c.name === "=") out += `${n}\n`;
      else if (c.name === "q") {
        quit = true;
        break;
      } else if (c.name === "a") append += c.text + "\n";
      else if (c.name === "i") out += c.text + "\n";
      else if (c.name === "c") {
        out += c.text + "\n";
        deleted = true;
        break;
      }
    }
    if (!deleted && !quiet) out += line + "\n";
    out += append;
    if (quit) break;
  }
  return out;
}

export function sed(p: Proc): number {
  const argv = p.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let inPlace = false;
  let extended = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-n" || a === "--quiet" || a === "--silent") quiet = true;
    else if (a === "-i" || a.startsWith("--in-place")) inPlace = true;
    else if (a === "-E" || a === "-r" || a === "--regexp-extended") extended = true;
    else if (a === "-e") scripts.push(argv[++i] ?? "");
    else if (/^-[nirE]+$/.test(a)) {
      quiet ||= a.includes("n");
      inPlace ||= a.includes("i");
      extended ||= a.includes("E") || a.includes("r");
    } else if (a.startsWith("-") && a !== "-") {
      p.stderr(`sed: invalid option -- '${a[1]}'\n`);
      return usage(p);
    } else files.push(a);
  }
  if (scripts.length === 0) {
    if (files.length === 0) return usage(p);
    scripts.push(files.shift()!);
  }
  let cmds: SedCommand[];
  try {
    cmds = parseScript(scripts.join("\n"), extended);
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    p.stderr(`sed: ${e.message}\n`);
    return 1;
  }
  if (inPlace && files.length === 0) {
    p.stderr("sed: no input files\n");
    return 1;
  }
  let status = 0;
  const inputs: string[] = [];
  for (const f of files.length ? files : ["-"]) {
    if (f === "-") {
      inputs.push(p.stdin);
      continue;
    }
    try {
      const text = p.fs.read(abs(p, f));
      if (inPlace) p.fs.write(abs(p, f), run(cmds, text, quiet), { mtime: p.cluster.now() });
      else inputs.push(text);
    } catch (e) {
      p.stderr(`sed: can't read ${f}: ${fsErrorText(e)}\n`);
      status = 2;
    }
  }
  if (!inPlace) p.stdout(run(cmds, inputs.join(""), quiet));
  return status;
}
