// Go's text/tabwriter (elastic tabstops), as kubectl uses it, in pure TypeScript.
// Ported from golang/go src/text/tabwriter/tabwriter.go and the github.com/liggitt/tabwriter fork
// (its RememberWidths flag keeps column widths across flushes, for `kubectl get -w`).
//
// Semantics worth knowing:
// - Cells are tab-TERMINATED: the text after the last tab of a line is not part of any column.
// - A column is a run of contiguous lines that all have a cell there; a line with fewer cells
//   ends the run, so later lines start a new block with its own width.
// - A line without any tab (one cell) flushes the writer: it separates blocks completely.
// - Width is counted in code points (runes), as Go does; padding is added to the widest cell.
// - HTML filtering and Escape sequences are not implemented (kubectl does not use them).

export const FLAGS = {
  AlignRight: 1 << 2,
  DiscardEmptyColumns: 1 << 3,
  TabIndent: 1 << 4,
  Debug: 1 << 5,
  RememberWidths: 1 << 6,
} as const;

export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  flags?: number;
}

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

/** `kubectl get` tables: printers.GetNewTabWriter (minwidth 6, tabwidth 4, padding 3, RememberWidths). */
export const KUBECTL_TABLE: TabWriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, padchar: " ", flags: FLAGS.RememberWidths };
/** `kubectl describe`: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0) in describe.go tabbedString. */
export const KUBECTL_DESCRIBE: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: " ", flags: 0 };

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private readonly o: Required<TabWriterOptions>;
  private lines: Cell[][] = [[]];
  private cell = "";
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out: string[] = [];

  constructor(opts: TabWriterOptions) {
    let flags = opts.flags ?? 0;
    if (opts.padchar === "\t") flags &= ~FLAGS.AlignRight;
    this.o = { ...opts, flags };
  }

  /** Buffers text; lines with a single cell (no tab) flush what came before, as Go's Write does. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== "\t" && ch !== "\v" && ch !== "\n" && ch !== "\f") continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === "\t");
      if (ch === "\n" || ch === "\f") {
        this.lines.push([]);
        if (ch === "\f" || ncells === 1) this.flushBuffered();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered; returns the output produced since the last flush. */
  flush(): string {
    this.flushBuffered();
    const s = this.out.join("");
    this.out = [];
    return s;
  }

  private flushBuffered(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = "";
    this.widths = [];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = "";
    return line.length;
  }

  private padding(textw: number, cellw: number, useTabs: boolean): void {
    const { tabwidth, padchar } = this.o;
    if (padchar === "\t" || useTabs) {
      if (tabwidth === 0) return;
      const w = Math.ceil(cellw / tabwidth) * tabwidth;
      this.out.push("\t".repeat(Math.ceil((w - textw) / tabwidth)));
      return;
    }
    if (cellw > textw) this.out.push(padchar.repeat(cellw - textw));
  }

  private writeLines(line0: number, line1: number): void {
    const { flags } = this.o;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      let useTabs = (flags & FLAGS.TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && flags & FLAGS.Debug) this.out.push("|");
        if (c.text.length === 0) {
          if (j < this.widths.length) this.padding(c.width, this.widths[j], useTabs);
          return;
        }
        useTabs = false;
        if ((flags & FLAGS.AlignRight) === 0) {
          this.out.push(c.text);
          if (j < this.widths.length) this.padding(c.width, this.widths[j], false);
        } else {
          if (j < this.widths.length) this.padding(c.width, this.widths[j], false);
          this.out.push(c.text);
        }
      });
      // The last buffered line has no newline yet; its pending text is written by flush.
      if (i + 1 === this.lines.length) this.out.push(this.cell);
      else this.out.push("\n");
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur].length - 1) continue;
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.o.minwidth;
      let discardable = true;
      for (; cur < line1; cur++) {
        const line = this.lines[cur];
        if (column >= line.length - 1) break;
        const c = line[column];
        width = Math.max(width, c.width + this.o.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.o.flags & FLAGS.DiscardEmptyColumns) width = 0;
      if (this.o.flags & FLAGS.RememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) this.maxwidths.push(width);
    else if (this.maxwidths[col] > width) width = this.maxwidths[col];
    else this.maxwidths[col] = width;
    return width;
  }
}

/** Formats a whole text in one go (write + flush). */
export function tabwrite(text: string, opts: TabWriterOptions): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
