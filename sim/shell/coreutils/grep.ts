// GNU grep over the virtual filesystem: -i -v -c -E -F -w -x -n -o -q -l -h -H -r -e, exit 0 when
// a line matched, 1 when none did, 2 on errors. Patterns run on the linear-time engine (regex.ts).

import type { Proc } from "../../core/process";
import { abs, fsErrorText, lines } from "./util";
import { compilePosix, allMatches, RegexError } from "../regex";
import { RE2JS } from "re2js";

interface GrepOptions {
  patterns: string[];
  flags: Set<string>;
  files: string[];
  /** Context lines (-A, -B, -C). */
  after: number;
  before: number;
}

const BOOL = "ivcEFwxnoqlLhHrRsG";

function parseArgs(p: Proc): GrepOptions | string {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const operands: string[] = [];
  let after = 0;
  let before = 0;
  const argv = p.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const long: Record<string, string> = { "--ignore-case": "i", "--invert-match": "v", "--count": "c", "--extended-regexp": "E", "--fixed-strings": "F", "--word-regexp": "w", "--line-regexp": "x", "--line-number": "n", "--only-matching": "o", "--quiet": "q", "--silent": "q", "--files-with-matches": "l", "--recursive": "r", "--no-filename": "h", "--with-filename": "H" };
      if (a === "--color" || a.startsWith("--color=") || a.startsWith("--colour")) continue;
      if (a.startsWith("--regexp=")) {
        patterns.push(a.slice(9));
        continue;
      }
      if (!long[a]) return `unrecognized option '${a}'`;
      flags.add(long[a]);
      continue;
    }
    if (a.length > 1 && a[0] === "-") {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === "e" || c === "f") {
          const v = a.slice(j + 1) || argv[++i];
          if (v === undefined) return `option requires an argument -- '${c}'`;
          if (c === "e") patterns.push(v);
          else return "-f is not supported in this sandbox";
          break;
        }
        if (/[ABCm]/.test(c)) {
          const v = a.slice(j + 1) || argv[++i];
          if (v === undefined) return `option requires an argument -- '${c}'`;
          if (!/^\d+$/.test(v)) return `${v}: invalid context length argument`;
          if (c === "A" || c === "C") after = Number(v);
          if (c === "B" || c === "C") before = Number(v);
          break;
        }
        if (!BOOL.includes(c)) return `invalid option -- '${c}'`;
        flags.add(c);
      }
      continue;
    }
    operands.push(a);
  }
  if (patterns.length === 0) {
    if (operands.length === 0) return "";
    patterns.push(operands.shift()!);
  }
  return { patterns: patterns.flatMap((x) => x.split("\n")), flags, files: operands, after, before };
}

function buildRegex(o: GrepOptions): RE2JS {
  const f = o.flags;
  const sources = o.patterns.map((pat) => {
    if (f.has("F")) return RE2JS.quote(pat);
    return compilePosix(pat, { extended: f.has("E") }).pattern();
  });
  let src = sources.map((s) => `(?:${s})`).join("|");
  if (f.has("x")) src = `^(?:${src})$`;
  else if (f.has("w")) src = `(?:^|\\b)(?:${src})(?:\\b|$)`;
  return RE2JS.compile(src, f.has("i") ? RE2JS.CASE_INSENSITIVE : 0);
}

function expandRecursive(p: Proc, files: string[]): string[] {
  const out: string[] = [];
  const walk = (name: string) => {
    const e = p.fs.stat(abs(p, name));
    if (e?.type === "dir") for (const child of p.fs.list(abs(p, name))) walk(name.endsWith("/") ? name + child : `${name}/${child}`);
    else out.push(name);
  };
  for (const f of files.length ? files : ["."]) walk(f);
  return out;
}

export function grep(p: Proc): number {
  const o = parseArgs(p);
  if (typeof o === "string") {
    if (o) p.stderr(`grep: ${o}\n`);
    p.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const f = o.flags;
  let re: RE2JS;
  try {
    re = buildRegex(o);
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    p.stderr(`grep: ${e.message}\n`);
    return 2;
  }
  const recursive = f.has("r") || f.has("R");
  const files = recursive ? expandRecursive(p, o.files) : o.files.length ? o.files : ["-"];
  const withName = f.has("H") || (!f.has("h") && (files.length > 1 || recursive));
  let matchedAny = false;
  let error = false;
  for (const file of files) {
    let text: string;
    if (file === "-") text = p.stdin;
    else {
      try {
        text = p.fs.read(abs(p, file));
      } catch (e) {
        if (!f.has("s")) p.stderr(`grep: ${file}: ${fsErrorText(e)}\n`);
        error = true;
        continue;
      }
    }
    const label = file === "-" ? "(standard input)" : file;
    const prefix = withName ? `${label}:` : "";
    let count = 0;
    const ls = lines(text);
    // Context (-A/-B/-C): GNU prints "--" between groups that are not adjacent.
    let lastPrinted = -1;
    let afterLeft = 0;
    const context = o.after > 0 || o.before > 0;
    const printLine = (n: number, sep: string) => {
      if (context && lastPrinted >= 0 && n > lastPrinted + 1) p.stdout("--\n");
      p.stdout(`${withName ? label + sep : ""}${f.has("n") ? `${n + 1}${sep}` : ""}${ls[n]}\n`);
      lastPrinted = n;
    };
    for (let n = 0; n < ls.length; n++) {
      const line = ls[n];
      const hit = re.test(line) !== f.has("v");
      if (!hit) {
        if (afterLeft > 0 && !f.has("c") && !f.has("l") && !f.has("L") && !f.has("o")) {
          printLine(n, "-");
          afterLeft--;
        }
        continue;
      }
      count++;
      matchedAny = true;
      if (f.has("q")) return 0;
      if (f.has("c") || f.has("l") || f.has("L")) continue;
      if (f.has("o") && !f.has("v")) {
        const num = f.has("n") ? `${n + 1}:` : "";
        for (const m of allMatches(re, line)) if (m.end > m.start) p.stdout(`${prefix}${num}${line.slice(m.start, m.end)}\n`);
        continue;
      }
      for (let b = Math.max(lastPrinted + 1, n - o.before); b < n; b++) printLine(b, "-");
      printLine(n, ":");
      afterLeft = o.after;
    }
    if (f.has("c")) p.stdout(`${prefix}${count}\n`);
    if (f.has("l") && count > 0) p.stdout(`${label}\n`);
    if (f.has("L") && count === 0) p.stdout(`${label}\n`);
  }
  if (error && !(f.has("q") && matchedAny)) return 2;
  return matchedAny ? 0 : 1;
}
