// `diff -u` output (GNU diffutils): hunks with 3 lines of context, "@@ -a,b +c,d @@" headers
// (",1" omitted, an empty side numbered from the line before). The edit script is a plain LCS,
// fine for manifests of a few hundred lines.

type Op = { t: " " | "-" | "+"; line: string };

function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ t: " ", line: a[i++] });
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push({ t: "+", line: b[j++] });
    else ops.push({ t: "-", line: a[i++] });
  }
  // GNU diff lists deletions before insertions within a change.
  for (let k = 0; k < ops.length; k++) {
    let e = k;
    while (e < ops.length && ops[e].t !== " ") e++;
    if (e > k) ops.splice(k, e - k, ...ops.slice(k, e).filter((o) => o.t === "-"), ...ops.slice(k, e).filter((o) => o.t === "+"));
    k = e;
  }
  return ops;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** The hunks of `diff -u` between two texts (without the ---/+++ header); "" when equal. */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const split = (s: string) => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));
  const ops = editScript(split(before), split(after));
  const changes = ops.map((o, k) => (o.t !== " " ? k : -1)).filter((k) => k >= 0);
  if (changes.length === 0) return "";
  const out: string[] = [];
  let k = 0;
  while (k < changes.length) {
    const first = changes[k];
    let last = first;
    while (k + 1 < changes.length && changes[k + 1] - last <= 2 * context + 1) last = changes[++k];
    k++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, last + context);
    let aStart = 1;
    let bStart = 1;
    for (let x = 0; x < from; x++) {
      if (ops[x].t !== "+") aStart++;
      if (ops[x].t !== "-") bStart++;
    }
    const slice = ops.slice(from, to + 1);
    const aCount = slice.filter((o) => o.t !== "+").length;
    const bCount = slice.filter((o) => o.t !== "-").length;
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`);
    for (const o of slice) out.push(`${o.t}${o.line}`);
  }
  return out.join("\n") + "\n";
}
