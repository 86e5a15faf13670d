// vi's word motions (w, b, e) over a buffer of lines. A word is a run of keyword characters
// (letters, digits, _) or a run of other non-blank characters; an empty line is a word too
// (vim's :help word). Line ends count as blanks.

export interface Pos {
  row: number;
  col: number;
}

type Cls = 0 | 1 | 2;

function cls(ch: string | undefined): Cls {
  if (ch === undefined || ch === " " || ch === "\t") return 0;
  return /[A-Za-z0-9_]/.test(ch) ? 1 : 2;
}

function charAt(lines: string[], p: Pos): string | undefined {
  return lines[p.row][p.col];
}

function next(lines: string[], p: Pos): Pos | undefined {
  if (p.col < lines[p.row].length - 1) return { row: p.row, col: p.col + 1 };
  if (p.row < lines.length - 1) return { row: p.row + 1, col: 0 };
  return undefined;
}

function prev(lines: string[], p: Pos): Pos | undefined {
  if (p.col > 0) return { row: p.row, col: Math.min(p.col - 1, Math.max(0, lines[p.row].length - 1)) };
  if (p.row > 0) return { row: p.row - 1, col: Math.max(0, lines[p.row - 1].length - 1) };
  return undefined;
}

const emptyLine = (lines: string[], p: Pos) => lines[p.row].length === 0;

/** `w`: the start of the next word (stays on the last character at the end of the buffer). */
export function wordForward(lines: string[], start: Pos): Pos {
  let p: Pos | undefined = start;
  const c0 = cls(charAt(lines, start));
  let last = start;
  if (c0 !== 0) {
    while (p && p.row === start.row && cls(charAt(lines, p)) === c0) {
      last = p;
      p = next(lines, p);
    }
  }
  while (p && !(p.row !== start.row && emptyLine(lines, p)) && cls(charAt(lines, p)) === 0) {
    last = p;
    p = next(lines, p);
  }
  return p ?? { row: last.row, col: Math.max(0, lines[last.row].length - 1) };
}

/** `e`: the end of the current or next word. */
export function wordEnd(lines: string[], start: Pos): Pos {
  let p = next(lines, start);
  if (!p) return start;
  while (p && cls(charAt(lines, p)) === 0) p = next(lines, p);
  if (!p) return start;
  const c = cls(charAt(lines, p));
  for (;;) {
    const n = next(lines, p);
    if (!n || n.row !== p.row || cls(charAt(lines, n)) !== c) return p;
    p = n;
  }
}

/** `b`: the start of the current or previous word. */
export function wordBack(lines: string[], start: Pos): Pos {
  let p = prev(lines, start);
  if (!p) return start;
  while (p && cls(charAt(lines, p)) === 0 && !(emptyLine(lines, p) && p.row !== start.row)) p = prev(lines, p);
  if (!p) return { row: 0, col: 0 };
  if (emptyLine(lines, p)) return p;
  const c = cls(charAt(lines, p));
  for (;;) {
    const q = prev(lines, p);
    if (!q || q.row !== p.row || cls(charAt(lines, q)) !== c) return p;
    p = q;
  }
}
