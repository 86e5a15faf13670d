// GNU nano 7.2 as a key-driven state machine: typing, arrows, ^O (write, with its file-name
// prompt), ^X (with "Save modified buffer?"), ^K/^U (cut and paste whole lines; consecutive cuts
// gather in one cutbuffer), ^W (search), ^C (cursor position). Enter keeps the line's indentation
// (nano's `set autoindent`, plus the YAML block rule shared with vi). Simplifications: no undo,
// no justify, long lines are cut at the screen edge, and the file can only be written under its
// own name.

import type { Editor, EditorInput, EditorOptions, EditorOutcome } from "./types";
import { backspaceAt, deleteAt, fromLines, insertAt, toLines, yamlIndentAfter } from "./text-buffer";
import { REVERSE, RESET, clip, frame, padRight } from "./screen";

type Prompt = { kind: "write"; text: string; thenExit: boolean } | { kind: "save?" } | { kind: "search"; text: string };

const MAIN_SHORTCUTS: [string, string][][] = [
  [["^G", "Help"], ["^O", "Write Out"], ["^W", "Where Is"], ["^K", "Cut"], ["^T", "Execute"], ["^C", "Location"]],
  [["^X", "Exit"], ["^R", "Read File"], ["^\\", "Replace"], ["^U", "Paste"], ["^J", "Justify"], ["^/", "Go To Line"]],
];
const WRITE_SHORTCUTS: [string, string][][] = [
  [["^G", "Help"], ["M-D", "DOS Format"], ["M-A", "Append"], ["M-B", "Backup File"]],
  [["^C", "Cancel"], ["M-M", "Mac Format"], ["M-P", "Prepend"], ["^T", "Browse"]],
];
const SEARCH_SHORTCUTS: [string, string][][] = [
  [["^G", "Help"], ["M-C", "Case Sens"], ["M-B", "Backwards"], ["M-J", "Justified"], ["^P", "Older"], ["^T", "Go To Line"]],
  [["^C", "Cancel"], ["M-R", "Reg.exp."], ["^R", "Replace"], ["^W", "Beg of Par"], ["^N", "Newer"], ["^/", "End of Par"]],
];

export class NanoEditor implements Editor {
  lines: string[];
  row = 0;
  col = 0;
  private top = 0;
  private status: string;
  private prompt: Prompt | undefined;
  private cutbuffer: string[] = [];
  private lastWasCut = false;
  private lastSearch = "";
  private savedText: string;
  private writes = 0;
  private done: EditorOutcome | undefined;

  constructor(private opts: EditorOptions) {
    this.lines = toLines(opts.content);
    this.savedText = opts.content ?? "";
    const n = opts.content === undefined || opts.content === "" ? 0 : toLines(opts.content).length;
    this.status = opts.content === undefined ? "[ New File ]" : `[ Read ${n} line${n === 1 ? "" : "s"} ]`;
  }

  text(): string {
    return fromLines(this.lines);
  }

  outcome(): EditorOutcome | undefined {
    return this.done;
  }

  resize(rows: number, cols: number): void {
    this.opts = { ...this.opts, rows, cols };
  }

  key(ev: EditorInput): void {
    if (this.done) return;
    if ("paste" in ev) {
      if (this.prompt && this.prompt.kind !== "save?") this.prompt.text += ev.paste.replace(/[\r\n]/g, "");
      else if (!this.prompt) this.insertText(ev.paste);
      return;
    }
    if (this.prompt) return this.promptKey(ev.key, !!ev.ctrl);
    const wasCut = this.lastWasCut;
    this.lastWasCut = false;
    if (ev.ctrl) return this.ctrlKey(ev.key.toLowerCase(), wasCut);
    this.status = "";
    const line = this.lines[this.row];
    switch (ev.key) {
      case "ArrowLeft":
        if (this.col > 0) this.col--;
        else if (this.row > 0) this.moveTo(this.row - 1, Infinity);
        return;
      case "ArrowRight":
        if (this.col < line.length) this.col++;
        else if (this.row < this.lines.length - 1) this.moveTo(this.row + 1, 0);
        return;
      case "ArrowUp": return this.moveTo(this.row - 1, this.col);
      case "ArrowDown": return this.moveTo(this.row + 1, this.col);
      case "Home": this.col = 0; return;
      case "End": this.col = line.length; return;
      case "Enter": return this.newline();
      case "Backspace": return this.backspace();
      case "Delete": return this.deleteForward();
      case "Tab": return this.insertText("\t");
      case "Escape": return;
    }
    if ([...ev.key].length === 1 && !ev.alt) this.insertText(ev.key);
  }

  private ctrlKey(key: string, wasCut: boolean): void {
    switch (key) {
      case "o":
        this.prompt = { kind: "write", text: this.opts.path, thenExit: false };
        return;
      case "x":
        if (this.modified()) this.prompt = { kind: "save?" };
        else this.exit();
        return;
      case "k": return this.cut(wasCut);
      case "u": return this.paste();
      case "w":
        this.prompt = { kind: "search", text: "" };
        return;
      case "c": return this.location();
      case "a": this.col = 0; return;
      case "e": this.col = this.lines[this.row].length; return;
      case "p": return this.moveTo(this.row - 1, this.col);
      case "n": return this.moveTo(this.row + 1, this.col);
      case "f": return this.key({ key: "ArrowRight" });
      case "b": return this.key({ key: "ArrowLeft" });
      case "d": return this.deleteForward();
      case "h": return this.backspace();
      case "g":
        this.status = "[ Help is not available in this terminal ]";
        return;
    }
  }

  private promptKey(key: string, ctrl: boolean): void {
    const p = this.prompt!;
    if (ctrl && key.toLowerCase() === "c") {
      this.prompt = undefined;
      this.status = "[ Cancelled ]";
      return;
    }
    if (p.kind === "save?") {
      const k = key.toLowerCase();
      if (k === "y") this.prompt = { kind: "write", text: this.opts.path, thenExit: true };
      else if (k === "n") this.exit();
      return;
    }
    if (key === "Enter") {
      this.prompt = undefined;
      if (p.kind === "write") return this.writeOut(p.text, p.thenExit);
      return this.searchFor(p.text === "" ? this.lastSearch : p.text);
    }
    if (key === "Backspace") p.text = p.text.slice(0, -1);
    else if (!ctrl && [...key].length === 1) p.text += key;
  }

  private writeOut(name: string, thenExit: boolean): void {
    if (name !== this.opts.path) {
      this.status = "[ Writing to another file is not available in this terminal ]";
      return;
    }
    const text = fromLines(this.lines);
    this.savedText = text;
    this.writes++;
    const n = text === "" ? 0 : this.lines.length;
    this.status = `[ Wrote ${n} line${n === 1 ? "" : "s"} ]`;
    if (thenExit) this.exit();
  }

  private exit(): void {
    this.done = { saved: this.writes > 0, content: this.savedText, writes: this.writes };
  }

  private modified(): boolean {
    return fromLines(this.lines) !== this.savedText;
  }

  // ---- editing -------------------------------------------------------------------------------

  private insertText(text: string): void {
    insertAt(this, text);
    this.status = "";
  }


  private newline(): void {
    const line = this.lines[this.row];
    const indent = yamlIndentAfter(line.slice(0, this.col));
    const rest = line.slice(this.col).replace(/^[ \t]+/, "");
    this.lines[this.row] = line.slice(0, this.col);
    this.lines.splice(this.row + 1, 0, indent + rest);
    this.row++;
    this.col = indent.length;
  }

  private backspace(): void {
    backspaceAt(this);
  }


  private deleteForward(): void {
    deleteAt(this);
  }


  /** ^K: cuts the whole line; cuts in a row gather in the cutbuffer (nano's keep_cutbuffer). */
  private cut(continuing: boolean): void {
    if (!continuing) this.cutbuffer = [];
    this.lastWasCut = true;
    this.status = "";
    if (this.lines.length === 1 && this.lines[0] === "") return;
    this.cutbuffer.push(this.lines[this.row]);
    this.lines.splice(this.row, 1);
    if (this.lines.length === 0) this.lines = [""];
    this.moveTo(Math.min(this.row, this.lines.length - 1), 0);
  }

  /** ^U: pastes the cutbuffer at the cursor (whole lines, so above the cursor's line at column 0). */
  private paste(): void {
    if (this.cutbuffer.length === 0) return;
    this.insertText(this.cutbuffer.join("\n") + "\n");
  }

  private searchFor(needle: string): void {
    if (needle === "") {
      this.status = "[ Cancelled ]";
      return;
    }
    this.lastSearch = needle;
    const total = this.lines.length;
    for (let i = 0; i <= total; i++) {
      const r = (this.row + i) % total;
      const from = i === 0 ? this.col + 1 : 0;
      const idx = this.lines[r].indexOf(needle, from);
      if (idx === -1 || (i === total && idx > this.col)) continue;
      const wrapped = i > 0 && r <= this.row;
      if (r === this.row && idx === this.col) {
        this.status = "[ This is the only occurrence ]";
        return;
      }
      this.row = r;
      this.col = idx;
      this.status = wrapped ? "[ Search Wrapped ]" : "";
      return;
    }
    this.status = `[ "${needle}" not found ]`;
  }

  private location(): void {
    const total = this.lines.length;
    const lineLen = this.lines[this.row].length;
    const text = fromLines(this.lines);
    const chars = [...text].length;
    const before = this.lines.slice(0, this.row).reduce((n, l) => n + l.length + 1, 0) + this.col;
    const pct = (a: number, b: number) => (b === 0 ? 0 : Math.floor((a * 100) / b));
    this.status = `[ line ${this.row + 1}/${total} (${pct(this.row + 1, total)}%), col ${this.col + 1}/${lineLen + 1} (${pct(this.col + 1, lineLen + 1)}%), char ${before + 1}/${chars + 1} (${pct(before + 1, chars + 1)}%) ]`;
  }

  private moveTo(row: number, col: number): void {
    if (row < 0 || row >= this.lines.length) return;
    this.row = row;
    this.col = Math.min(col, this.lines[row].length);
  }

  // ---- screen --------------------------------------------------------------------------------

  private textRows(): number {
    return Math.max(1, this.opts.rows - 4);
  }

  screen(): string {
    const { rows, cols } = this.opts;
    const h = this.textRows();
    if (this.row < this.top) this.top = this.row;
    if (this.row >= this.top + h) this.top = this.row - h + 1;
    const out: string[] = [this.titleBar(cols)];
    for (let i = 0; i < h; i++) {
      const r = this.top + i;
      out.push(r < this.lines.length ? clip(this.lines[r].replace(/\t/g, "        "), cols) : "");
    }
    out.push(this.statusRow(cols));
    out.push(...this.shortcutRows(cols));
    while (out.length > rows) out.splice(1, 1);
    if (this.prompt && this.prompt.kind !== "save?") {
      return frame(out, out.length - 3, Math.min(cols - 1, this.promptLabel().length + this.prompt.text.length));
    }
    if (this.prompt) return frame(out, out.length - 3, this.promptLabel().length);
    const screenCol = this.lines[this.row].slice(0, this.col).replace(/\t/g, "        ").length;
    return frame(out, 1 + this.row - this.top, Math.min(cols - 1, screenCol));
  }

  private titleBar(cols: number): string {
    const left = "  GNU nano 7.2";
    const right = this.modified() ? "Modified  " : "";
    const name = this.opts.path;
    const start = Math.max(left.length + 1, Math.floor((cols - name.length) / 2));
    let bar = padRight(left, start) + name;
    bar = padRight(bar, cols - right.length) + right;
    return REVERSE + bar + RESET;
  }

  private promptLabel(): string {
    const p = this.prompt!;
    if (p.kind === "save?") return "Save modified buffer? ";
    if (p.kind === "write") return "File Name to Write: ";
    return this.lastSearch ? `Search [${this.lastSearch}]: ` : "Search: ";
  }

  private statusRow(cols: number): string {
    const p = this.prompt;
    if (p) return REVERSE + padRight(this.promptLabel() + (p.kind === "save?" ? "" : p.text), cols) + RESET;
    if (!this.status) return "";
    const start = Math.max(0, Math.floor((cols - this.status.length) / 2));
    return " ".repeat(start) + REVERSE + this.status + RESET;
  }

  private shortcutRows(cols: number): string[] {
    if (this.prompt?.kind === "save?") {
      return [`${REVERSE} Y${RESET} Yes`, `${REVERSE} N${RESET} No           ${REVERSE}^C${RESET} Cancel`];
    }
    const table = this.prompt?.kind === "write" ? WRITE_SHORTCUTS : this.prompt?.kind === "search" ? SEARCH_SHORTCUTS : MAIN_SHORTCUTS;
    return table.map((row) => {
      const width = Math.floor(cols / row.length);
      return row.map(([k, label]) => `${REVERSE}${k}${RESET} ` + padRight(label, width - k.length - 1)).join("");
    });
  }
}
