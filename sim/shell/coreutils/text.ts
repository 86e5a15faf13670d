// Text coreutils: head, tail, wc, sort, uniq, base64, tr, cut (GNU texts, C.UTF-8 byte order).

import type { Proc } from "../../core/process";
import { abs, lines, q, readInputs, tryHelp } from "./util";

/** head/tail's `-n N`, `-N`, `-n +N` (tail) and `-nN`. */
function lineCount(p: Proc, cmd: string): { n: number; fromStart: boolean; files: string[] } | number {
  const argv = p.argv.slice(1);
  let spec = "10";
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-n" || a === "--lines") spec = argv[++i] ?? "";
    else if (a.startsWith("-n")) spec = a.slice(2);
    else if (a.startsWith("--lines=")) spec = a.slice(8);
    else if (/^-\d+$/.test(a)) spec = a.slice(1);
    else if (a === "-f" || a === "-q" || a === "-v") continue;
    else if (a.startsWith("-") && a !== "-") return tryHelp(p, cmd, `invalid option -- '${a[1]}'`);
    else files.push(a);
  }
  const m = /^([+-]?)(\d+)$/.exec(spec);
  if (!m) {
    p.stderr(`${cmd}: invalid number of lines: ${q(spec)}\n`);
    return 1;
  }
  return { n: Number(m[2]), fromStart: m[1] === "+", files };
}

function headOrTail(p: Proc, cmd: "head" | "tail"): number {
  const o = lineCount(p, cmd);
  if (typeof o === "number") return o;
  const { texts, status } = readInputs(p, o.files, cmd);
  texts.forEach((t, k) => {
    if (texts.length > 1) p.stdout(`${k > 0 ? "\n" : ""}==> ${t.name === "-" ? "standard input" : t.name} <==\n`);
    const parts = t.text.split(/(?<=\n)/);
    let picked: string[];
    if (cmd === "head") picked = parts.slice(0, o.n);
    else if (o.fromStart) picked = parts.slice(Math.max(0, o.n - 1));
    else picked = o.n === 0 ? [] : parts.slice(-o.n);
    p.stdout(picked.join(""));
  });
  return status;
}

export const head = (p: Proc) => headOrTail(p, "head");
const FOLLOW = new Set(["-f", "-F", "--follow", "--follow=name", "--follow=descriptor"]);
/** How often `tail -f` looks at its files again (GNU tail's --sleep-interval default). */
const FOLLOW_INTERVAL_MS = 1000;

/**
 * tail; `-f` keeps printing what is appended to its files as virtual time passes, until the
 * deadline (Ctrl-C in a browser stream, `timeout N`). Without one (the headless runner, where no
 * one can press Ctrl-C) it prints the last lines and returns, as if interrupted at once.
 */
export function tail(p: Proc): number {
  if (!p.argv.some((a) => FOLLOW.has(a))) return headOrTail(p, "tail");
  const q: Proc = Object.assign(Object.create(p) as Proc, { argv: p.argv.filter((a) => !FOLLOW.has(a)) });
  const status = headOrTail(q, "tail");
  const o = lineCount(q, "tail");
  if (p.deadline === undefined || typeof o === "number") return status;
  const read = (f: string) => {
    const e = p.fs.stat(abs(p, f));
    return e?.type === "file" ? e.data : undefined;
  };
  const files = o.files.filter((f) => f !== "-");
  const sizes = files.map((f) => read(f)?.length ?? 0);
  for (let t = p.cluster.now() + FOLLOW_INTERVAL_MS; t <= p.deadline; t += FOLLOW_INTERVAL_MS) {
    p.cluster.advanceTo(t);
    files.forEach((f, k) => {
      const text = read(f) ?? "";
      if (text.length > sizes[k]) p.stdout(text.slice(sizes[k]));
      else if (text.length < sizes[k]) p.stderr(`tail: ${f}: file truncated\n`);
      sizes[k] = text.length;
    });
  }
  if (p.cluster.now() < p.deadline) p.cluster.advanceTo(p.deadline);
  return status;
}

export function wc(p: Proc): number {
  const flags = new Set<string>();
  const files: string[] = [];
  for (const a of p.argv.slice(1)) {
    if (/^-[lwcm]+$/.test(a)) for (const c of a.slice(1)) flags.add(c === "m" ? "c" : c);
    else if (a.startsWith("-") && a !== "-") return tryHelp(p, "wc", `invalid option -- '${a[1]}'`);
    else files.push(a);
  }
  if (flags.size === 0) ["l", "w", "c"].forEach((f) => flags.add(f));
  const { texts, status } = readInputs(p, files, "wc");
  const counts = texts.map((t) => ({
    name: t.name === "-" ? "" : t.name,
    l: (t.text.match(/\n/g) ?? []).length,
    w: (t.text.match(/\S+/g) ?? []).length,
    c: new TextEncoder().encode(t.text).length,
  }));
  const total = { name: "total", l: 0, w: 0, c: 0 };
  for (const c of counts) {
    total.l += c.l;
    total.w += c.w;
    total.c += c.c;
  }
  const onlyOne = flags.size === 1 && texts.length === 1;
  const width = onlyOne ? 1 : texts.some((t) => t.name === "-") ? 7 : String(total.c).length;
  const row = (c: typeof total) =>
    ["l", "w", "c"].filter((f) => flags.has(f)).map((f) => String(c[f as "l" | "w" | "c"]).padStart(width)).join(" ") + (c.name ? ` ${c.name}` : "") + "\n";
  for (const c of counts) p.stdout(row(c));
  if (counts.length > 1) p.stdout(row(total));
  return status;
}

/** The text of sort key `k` (1-based fields separated by blank runs, GNU style), or the line. */
function sortKey(line: string, field: number | undefined, sep: string | undefined): string {
  if (field === undefined) return line;
  if (sep !== undefined) return line.split(sep).slice(field - 1).join(sep);
  const m = line.match(/\s*\S+/g) ?? [];
  return m.slice(field - 1).join("");
}

function leadingNumber(s: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sort(p: Proc): number {
  const argv = p.argv.slice(1);
  const flags = new Set<string>();
  let field: number | undefined;
  let sep: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-k" || a.startsWith("-k")) {
      const spec = a === "-k" ? (argv[++i] ?? "") : a.slice(2);
      const m = /^(\d+)/.exec(spec);
      if (!m || m[1] === "0") {
        p.stderr(`sort: invalid number at field start: invalid count at start of ${q(spec)}\n`);
        return 2;
      }
      field = Number(m[1]);
      if (/n/.test(spec.slice(m[1].length))) flags.add("n");
      if (/r/.test(spec.slice(m[1].length))) flags.add("r");
    } else if (a === "-t") sep = argv[++i];
    else if (a.startsWith("-t")) sep = a.slice(2);
    else if (/^-[rnufhbV]+$/.test(a)) for (const c of a.slice(1)) flags.add(c);
    else if (a.startsWith("-") && a !== "-") return tryHelp(p, "sort", `invalid option -- '${a[1]}'`, 2);
    else files.push(a);
  }
  const texts: string[] = [];
  for (const f of files.length ? files : ["-"]) {
    if (f === "-") texts.push(p.stdin);
    else {
      const e = p.fs.stat(f.startsWith("/") ? f : `${p.cwd === "/" ? "" : p.cwd}/${f}`);
      if (!e || e.type !== "file") {
        p.stderr(`sort: ${e ? "read failed" : "cannot read"}: ${f}: ${e ? "Is a directory" : "No such file or directory"}\n`);
        return 2;
      }
      texts.push(e.data);
    }
  }
  const all = texts.flatMap(lines);
  const numeric = flags.has("n") || flags.has("h") || flags.has("g");
  const cmp = (a: string, b: string): number => {
    const ka = sortKey(a, field, sep);
    const kb = sortKey(b, field, sep);
    let c = numeric ? leadingNumber(ka) - leadingNumber(kb) : compareBytes(flags.has("f") ? ka.toUpperCase() : ka, flags.has("f") ? kb.toUpperCase() : kb);
    if (c === 0 && !flags.has("u")) c = compareBytes(a, b);
    return flags.has("r") ? -c : c;
  };
  const sorted = [...all].sort(cmp);
  const out = flags.has("u") ? sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1], l) !== 0) : sorted;
  p.stdout(out.map((l) => l + "\n").join(""));
  return 0;
}

export function uniq(p: Proc): number {
  const flags = new Set<string>();
  const files: string[] = [];
  for (const a of p.argv.slice(1)) {
    if (/^-[cdui]+$/.test(a)) for (const c of a.slice(1)) flags.add(c);
    else if (a.startsWith("-") && a !== "-") return tryHelp(p, "uniq", `invalid option -- '${a[1]}'`);
    else files.push(a);
  }
  const { texts, status } = readInputs(p, files.slice(0, 1), "uniq");
  if (status) return status;
  const ls = lines(texts.map((t) => t.text).join(""));
  const same = (a: string, b: string) => (flags.has("i") ? a.toLowerCase() === b.toLowerCase() : a === b);
  let out = "";
  for (let i = 0; i < ls.length; ) {
    let j = i + 1;
    while (j < ls.length && same(ls[j], ls[i])) j++;
    const n = j - i;
    if ((!flags.has("d") || n > 1) && (!flags.has("u") || n === 1)) out += (flags.has("c") ? `${String(n).padStart(7)} ` : "") + ls[i] + "\n";
    i = j;
  }
  p.stdout(out);
  return 0;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(p: Proc): number {
  const args = p.argv.slice(1);
  const decode = args.some((a) => a === "-d" || a === "--decode" || a === "-di");
  const noWrap = args.some((a) => a === "-w0" || a === "-w" || a === "--wrap=0");
  const files = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-w");
  const { texts, status } = readInputs(p, files, "base64");
  if (status) return status;
  const input = texts.map((t) => t.text).join("");
  if (decode) {
    const clean = input.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, "").length % 4 === 1) {
      p.stderr("base64: invalid input\n");
      return 1;
    }
    const bytes: number[] = [];
    let bits = 0;
    let acc = 0;
    for (const ch of clean.replace(/=+$/, "")) {
      acc = (acc << 6) | B64.indexOf(ch);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((acc >> bits) & 0xff);
      }
    }
    p.stdout(new TextDecoder().decode(new Uint8Array(bytes)));
    return 0;
  }
  const bytes = new TextEncoder().encode(input);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? B64[n & 63] : "=");
  }
  const wrapped = noWrap ? out : (out.match(/.{1,76}/g) ?? []).join("\n");
  p.stdout(wrapped + (wrapped || !noWrap ? (noWrap ? "" : "\n") : ""));
  return 0;
}

function trSet(s: string): string {
  let out = "";
  const src = s.replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\[:upper:\]/g, "A-Z").replace(/\[:lower:\]/g, "a-z").replace(/\[:digit:\]/g, "0-9").replace(/\[:space:\]/g, " \t\n");
  for (let i = 0; i < src.length; i++) {
    if (src[i + 1] === "-" && i + 2 < src.length) {
      for (let c = src.charCodeAt(i); c <= src.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += src[i];
  }
  return out;
}

export function tr(p: Proc): number {
  const args = p.argv.slice(1);
  const del = args[0] === "-d";
  const sets = args.filter((a) => !/^-[ds]$/.test(a));
  if (sets.length === 0) return tryHelp(p, "tr", "missing operand");
  const from = trSet(sets[0]);
  if (del) {
    p.stdout([...p.stdin].filter((c) => !from.includes(c)).join(""));
    return 0;
  }
  if (sets.length < 2) return tryHelp(p, "tr", `missing operand after ${q(sets[0])}\nTwo strings must be given when translating.`);
  const to = trSet(sets[1]);
  p.stdout([...p.stdin].map((c) => {
    const k = from.indexOf(c);
    return k < 0 ? c : (to[Math.min(k, to.length - 1)] ?? c);
  }).join(""));
  return 0;
}

export function cut(p: Proc): number {
  const args = p.argv.slice(1);
  let delim = "\t";
  let fields: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-d") delim = args[++i] ?? "\t";
    else if (a.startsWith("-d")) delim = a.slice(2);
    else if (a === "-f" || a === "-c") fields = args[++i];
    else if (a.startsWith("-f") || a.startsWith("-c")) fields = a.slice(2);
    else files.push(a);
  }
  if (fields === undefined) return tryHelp(p, "cut", "you must specify a list of bytes, characters, or fields");
  const want = (n: number) => fields!.split(",").some((r) => {
    const [lo, hi] = r.split("-");
    if (!r.includes("-")) return Number(lo) === n;
    return n >= (lo ? Number(lo) : 1) && n <= (hi ? Number(hi) : Infinity);
  });
  const charMode = p.argv.slice(1).some((a) => a.startsWith("-c"));
  const { texts, status } = readInputs(p, files, "cut");
  for (const line of lines(texts.map((t) => t.text).join(""))) {
    if (charMode) p.stdout([...line].filter((_, k) => want(k + 1)).join("") + "\n");
    else if (!line.includes(delim)) p.stdout(line + "\n");
    else p.stdout(line.split(delim).filter((_, k) => want(k + 1)).join(delim) + "\n");
  }
  return status;
}
