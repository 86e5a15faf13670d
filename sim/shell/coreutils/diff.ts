// GNU diff for two files (or `-` for stdin): the normal format (`2c2`, `< old`, `---`, `> new`) or
// unified with -u (`--- a`, `+++ b`, `@@ -l,n +l,n @@`, 3 lines of context); -q only says whether
// they differ. Exit 0 when equal, 1 when different, 2 on trouble. The line matching is a longest
// common subsequence (what diff minimises), computed on lines past the common head and tail.

import type { Proc } from "../../core/process";
import { abs, fsErrorText } from "./util";

const MAX_CELLS = 4_000_000;

type Op = { kind: "same" | "del" | "add"; a: number; b: number };

function lines(text: string): string[] {
  if (text === "") return [];
  const ls = text.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

/** The edit script turning a into b (indices into each). */
function editScript(a: string[], b: string[]): Op[] | undefined {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if ((n + 1) * (m + 1) > MAX_CELLS) return undefined;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[head + i] === b[head + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: "same", a: k, b: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) ops.push({ kind: "same", a: head + i++, b: head + j++ });
    // Deletions first within a change, as diff prints them.
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: "del", a: head + i++, b: head + j });
    else ops.push({ kind: "add", a: head + i, b: head + j++ });
  }
  for (let k = 0; k < tail; k++) ops.push({ kind: "same", a: a.length - tail + k, b: b.length - tail + k });
  return ops;
}

function range(from: number, count: number): string {
  return count <= 1 ? String(from + (count === 0 ? 0 : 1)) : `${from + 1},${from + count}`;
}

function normal(ops: Op[], a: string[], b: string[]): string {
  let out = "";
  for (let k = 0; k < ops.length; ) {
    if (ops[k].kind === "same") {
      k++;
      continue;
    }
    const start = k;
    while (k < ops.length && ops[k].kind !== "same") k++;
    const hunk = ops.slice(start, k);
    const dels = hunk.filter((o) => o.kind === "del");
    const adds = hunk.filter((o) => o.kind === "add");
    const a0 = hunk[0].a;
    const b0 = hunk[0].b;
    if (dels.length && adds.length) out += `${range(a0, dels.length)}c${range(b0, adds.length)}\n`;
    else if (dels.length) out += `${range(a0, dels.length)}d${b0}\n`;
    else out += `${a0}a${range(b0, adds.length)}\n`;
    out += dels.map((o) => `< ${a[o.a]}\n`).join("");
    if (dels.length && adds.length) out += "---\n";
    out += adds.map((o) => `> ${b[o.b]}\n`).join("");
  }
  return out;
}

function unified(ops: Op[], a: string[], b: string[], names: [string, string]): string {
  const ctx = 3;
  let out = `--- ${names[0]}\n+++ ${names[1]}\n`;
  const changed = ops.map((o, k) => (o.kind === "same" ? -1 : k)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    let from = Math.max(0, changed[k] - ctx);
    let to = Math.min(ops.length, changed[k] + ctx + 1);
    while (k + 1 < changed.length && changed[k + 1] - ctx <= to) to = Math.min(ops.length, changed[++k] + ctx + 1);
    k++;
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((o) => o.kind !== "add").length;
    const bCount = hunk.filter((o) => o.kind !== "del").length;
    const aStart = aCount ? hunk.find((o) => o.kind !== "add")!.a + 1 : hunk[0].a;
    const bStart = bCount ? hunk.find((o) => o.kind !== "del")!.b + 1 : hunk[0].b;
    out += `@@ -${aStart}${aCount === 1 ? "" : `,${aCount}`} +${bStart}${bCount === 1 ? "" : `,${bCount}`} @@\n`;
    out += hunk.map((o) => (o.kind === "same" ? ` ${a[o.a]}\n` : o.kind === "del" ? `-${a[o.a]}\n` : `+${b[o.b]}\n`)).join("");
    from = to;
  }
  return out;
}

export function diff(p: Proc): number {
  const args = p.argv.slice(1);
  const flags = args.filter((x) => x.startsWith("-") && x !== "-");
  const files = args.filter((x) => !x.startsWith("-") || x === "-");
  if (files.length < 2) {
    p.stderr(`diff: missing operand after '${files[0] ?? "diff"}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  if (files.length > 2) {
    p.stderr(`diff: extra operand '${files[2]}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const texts: string[] = [];
  for (const f of files) {
    try {
      texts.push(f === "-" ? p.stdin : p.fs.read(abs(p, f)));
    } catch (e) {
      p.stderr(`diff: ${f}: ${fsErrorText(e)}\n`);
      return 2;
    }
  }
  if (texts[0] === texts[1]) return 0;
  if (flags.includes("-q") || flags.includes("--brief")) {
    p.stdout(`Files ${files[0]} and ${files[1]} differ\n`);
    return 1;
  }
  const a = lines(texts[0]);
  const b = lines(texts[1]);
  const ops = editScript(a, b);
  if (!ops) {
    p.stderr("diff: sandbox limit reached: the files are too large to compare\n");
    return 2;
  }
  const isUnified = flags.some((f) => f === "-u" || f === "--unified" || /^-U\d+$/.test(f));
  const label = (f: string) => {
    if (f === "-") return "-";
    const st = p.fs.stat(abs(p, f));
    const d = new Date(st?.mtime ?? 0);
    const two = (n: number) => String(n).padStart(2, "0");
    return `${f}\t${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1_000_000).padStart(9, "0")} +0000`;
  };
  p.stdout(isUnified ? unified(ops, a, b, [label(files[0]), label(files[1])]) : normal(ops, a, b));
  return 1;
}
