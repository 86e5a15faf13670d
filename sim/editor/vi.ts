// vi (as vim 9 with defaults.vim and the YAML filetype plugin behaves) as a key-driven state
// machine: normal, insert, command-line, search and visual-line modes. Messages are vim's own
// (E37, E486, E492, "N fewer lines", `"f" 3L, 20B written`). Simplifications, documented: search
// patterns are literal text, long lines are cut at the screen edge instead of wrapped, one
// window, one unnamed register.

import type { Editor, EditorInput, EditorOptions, EditorOutcome } from "./types";
import { backspaceAt, byteLength, deleteAt, fromLines, insertAt, toLines, yamlIndentAfter } from "./text-buffer";
import { renderVi, type ViMode } from "./vi-screen";
import { wordBack, wordEnd, wordForward, type Pos } from "./vi-motions";

type Mode = ViMode;

interface Snapshot {
  lines: string[];
  row: number;
  col: number;
}

export class ViEditor implements Editor {
  /** The buffer and cursor (public for the shared text operations in text-buffer.ts). */
  lines: string[];
  row = 0;
  col = 0;
  private top = 0;
  private mode: Mode = "normal";
  private cmdline = "";
  private message = "";
  private messageIsError = false;
  private count = "";
  private pending = "";
  private register: { lines: string[]; linewise: boolean } = { lines: [], linewise: false };
  private undoStack: Snapshot[] = [];
  private redoStack: Snapshot[] = [];
  private changeNumber = 0;
  private search: { pattern: string; forward: boolean } | undefined;
  private visualStart = 0;
  private savedText: string;
  private isNew: boolean;
  private writes = 0;
  private done: EditorOutcome | undefined;
  private number = false;
  private paste = false;
  /** The state before the current insert session, pushed on the undo stack if it changes anything. */
  private insertStart: Snapshot | undefined;

  constructor(private opts: EditorOptions) {
    this.lines = toLines(opts.content);
    this.savedText = opts.content ?? "";
    this.isNew = opts.content === undefined;
    this.message = this.isNew ? `"${opts.path}" [New]` : `"${opts.path}" ${this.fileInfo(opts.content ?? "")}`;
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
      if (this.mode === "insert") this.insertText(ev.paste);
      else for (const ch of ev.paste.replace(/\r\n?/g, "\n")) this.key({ key: ch === "\n" ? "Enter" : ch });
      return;
    }
    switch (this.mode) {
      case "normal":
        return this.normalKey(ev.key, !!ev.ctrl);
      case "insert":
        return this.insertKey(ev.key, !!ev.ctrl);
      case "visual":
        return this.visualKey(ev.key, !!ev.ctrl);
      case "command":
      case "search":
        return this.cmdlineKey(ev.key, !!ev.ctrl);
    }
  }

  // ---- normal mode -------------------------------------------------------------------------

  private normalKey(key: string, ctrl: boolean): void {
    if (ctrl) {
      if (key === "r") this.redo();
      this.resetPending();
      return;
    }
    // r takes any character next, digits included.
    if (!(this.pending === "r") && (/^[1-9]$/.test(key) || (key === "0" && this.count !== ""))) {
      this.count += key;
      return;
    }
    const n = Math.max(1, parseInt(this.count || "1", 10));
    const counted = this.count !== "";
    const pending = this.pending;
    this.resetPending();
    if (pending) return this.pendingKey(pending, key, n, counted);
    this.message = "";
    this.messageIsError = false;
    switch (key) {
      case "h": case "ArrowLeft": case "Backspace": this.col = Math.max(0, this.col - n); break;
      case "l": case "ArrowRight": case " ": this.col = Math.min(this.maxCol(), this.col + n); break;
      case "j": case "ArrowDown": case "Enter": this.setRow(this.row + n, key === "Enter"); break;
      case "k": case "ArrowUp": this.setRow(this.row - n, false); break;
      case "0": case "Home": this.col = 0; break;
      case "^": this.col = firstNonBlank(this.lines[this.row]); break;
      case "$": case "End": this.setRow(this.row + n - 1, false); this.col = this.maxCol(); break;
      case "G": this.setRow(counted ? n - 1 : this.lines.length - 1, true); break;
      case "w": this.repeatMotion(n, wordForward); break;
      case "b": this.repeatMotion(n, wordBack); break;
      case "e": this.repeatMotion(n, wordEnd); break;
      case "x": case "Delete": this.deleteChars(n); break;
      case "i": case "Insert": this.startInsert(this.col); break;
      case "a": this.startInsert(Math.min(this.col + 1, this.lines[this.row].length)); break;
      case "A": this.startInsert(this.lines[this.row].length); break;
      case "I": this.startInsert(firstNonBlank(this.lines[this.row])); break;
      case "o": this.openLine(true); break;
      case "O": this.openLine(false); break;
      case "p": this.put(true, n); break;
      case "P": this.put(false, n); break;
      case "u": this.undo(); break;
      case "n": this.searchNext(this.search?.forward ?? true); break;
      case "N": this.searchNext(!(this.search?.forward ?? true)); break;
      case "V": this.mode = "visual"; this.visualStart = this.row; break;
      case ":": this.mode = "command"; this.cmdline = counted ? `.,.+${n - 1}` : ""; break;
      case "/": this.mode = "search"; this.cmdline = ""; break;
      case "?": this.mode = "search"; this.cmdline = ""; this.searchBackwardPrompt = true; break;
      case "d": case "y": case "g": case "Z": case "c": case "r":
        this.pending = key;
        if (counted) this.count = String(n);
        break;
      case "D": this.deleteToEnd(); break;
      case "Escape": break;
    }
  }

  private searchBackwardPrompt = false;

  private pendingKey(op: string, key: string, n: number, counted: boolean): void {
    if (op === "d" && key === "d") return this.deleteLines(this.row, n);
    if (op === "y" && key === "y") return this.yankLines(this.row, n);
    if (op === "c" && key === "c") return this.changeLines(n);
    if (op === "d" && key === "w") return this.deleteWords(n);
    if (op === "d" && key === "$") return this.deleteToEnd();
    if (op === "d" && key === "G") return this.deleteLines(this.row, this.lines.length - this.row);
    if (op === "g" && key === "g") return this.setRow(counted ? n - 1 : 0, true);
    if (op === "r") return this.replaceChars(key, n);
    if (op === "Z" && key === "Z") return this.exCommand("x");
    if (op === "Z" && key === "Q") return this.exCommand("q!");
  }

  private resetPending(): void {
    this.count = "";
    this.pending = "";
  }

  private repeatMotion(n: number, motion: (lines: string[], p: Pos) => Pos): void {
    let p: Pos = { row: this.row, col: this.col };
    for (let i = 0; i < n; i++) p = motion(this.lines, p);
    this.row = p.row;
    this.col = Math.min(p.col, this.maxCol());
  }

  // ---- changes -----------------------------------------------------------------------------

  private snapshot(): Snapshot {
    return { lines: [...this.lines], row: this.row, col: this.col };
  }

  /** Records the state before a change (one undo step). */
  private beginChange(before = this.snapshot()): void {
    this.undoStack.push(before);
    this.redoStack = [];
    this.changeNumber++;
  }

  private deleteChars(n: number): void {
    const line = this.lines[this.row];
    if (line.length === 0) return;
    this.beginChange();
    const cut = line.slice(this.col, this.col + n);
    this.register = { lines: [cut], linewise: false };
    this.lines[this.row] = line.slice(0, this.col) + line.slice(this.col + n);
    this.col = Math.min(this.col, this.maxCol());
  }

  /** r{char}: replaces N characters under the cursor (nothing when the line is too short). */
  private replaceChars(key: string, n: number): void {
    const line = this.lines[this.row];
    if ([...key].length !== 1 || this.col + n > line.length) return;
    this.beginChange();
    this.lines[this.row] = line.slice(0, this.col) + key.repeat(n) + line.slice(this.col + n);
    this.col += n - 1;
  }

  private deleteToEnd(): void {
    const line = this.lines[this.row];
    if (line.length === 0) return;
    this.beginChange();
    this.register = { lines: [line.slice(this.col)], linewise: false };
    this.lines[this.row] = line.slice(0, this.col);
    this.col = this.maxCol();
  }

  private deleteWords(n: number): void {
    let p: Pos = { row: this.row, col: this.col };
    for (let i = 0; i < n; i++) p = wordForward(this.lines, p);
    const line = this.lines[this.row];
    // dw stops at the end of the line (vim's special case for the last word of a line).
    const end = p.row === this.row && !(p.col === line.length - 1 && p.col === this.col) ? p.col : line.length;
    this.beginChange();
    this.register = { lines: [line.slice(this.col, end)], linewise: false };
    this.lines[this.row] = line.slice(0, this.col) + line.slice(end);
    this.col = Math.min(this.col, this.maxCol());
  }

  private deleteLines(from: number, n: number): void {
    const count = Math.min(n, this.lines.length - from);
    this.beginChange();
    this.register = { lines: this.lines.slice(from, from + count), linewise: true };
    this.lines.splice(from, count);
    if (this.lines.length === 0) this.lines = [""];
    this.setRow(Math.min(from, this.lines.length - 1), true);
    if (count > 2) this.info(`${count} fewer lines`);
  }

  private changeLines(n: number): void {
    const count = Math.min(n, this.lines.length - this.row);
    const before = this.snapshot();
    const indent = /^[ \t]*/.exec(this.lines[this.row])![0];
    this.register = { lines: this.lines.slice(this.row, this.row + count), linewise: true };
    this.lines.splice(this.row, count, indent);
    this.insertStart = before;
    this.mode = "insert";
    this.col = indent.length;
  }

  private yankLines(from: number, n: number): void {
    const count = Math.min(n, this.lines.length - from);
    this.register = { lines: this.lines.slice(from, from + count), linewise: true };
    if (count > 2) this.info(`${count} lines yanked`);
  }

  private put(after: boolean, n: number): void {
    const reg = this.register;
    if (reg.lines.length === 0) return this.error("E353: Nothing in register \"");
    this.beginChange();
    if (reg.linewise) {
      const block: string[] = [];
      for (let i = 0; i < n; i++) block.push(...reg.lines);
      const at = after ? this.row + 1 : this.row;
      this.lines.splice(at, 0, ...block);
      this.setRow(at, true);
      if (block.length > 2) this.info(`${block.length} more lines`);
      return;
    }
    const text = reg.lines[0].repeat(n);
    const line = this.lines[this.row];
    const at = after && line.length > 0 ? this.col + 1 : this.col;
    this.lines[this.row] = line.slice(0, at) + text + line.slice(at);
    this.col = at + text.length - 1;
  }

  private undo(): void {
    const prev = this.undoStack.pop();
    if (!prev) return this.info("Already at oldest change");
    const delta = this.lines.length - prev.lines.length;
    this.redoStack.push(this.snapshot());
    this.restore(prev);
    this.info(`${changeSummary(-delta)}; before #${this.changeNumber}  0 seconds ago`);
    this.changeNumber--;
  }

  private redo(): void {
    const next = this.redoStack.pop();
    if (!next) return this.info("Already at newest change");
    const delta = next.lines.length - this.lines.length;
    this.undoStack.push(this.snapshot());
    this.restore(next);
    this.changeNumber++;
    this.info(`${changeSummary(delta)}; after #${this.changeNumber}  0 seconds ago`);
  }

  private restore(s: Snapshot): void {
    this.lines = [...s.lines];
    this.row = Math.min(s.row, this.lines.length - 1);
    this.col = Math.min(s.col, this.maxCol());
  }

  // ---- insert mode -------------------------------------------------------------------------

  private startInsert(col: number): void {
    this.insertStart = this.snapshot();
    this.mode = "insert";
    this.col = col;
    this.message = "";
  }

  private openLine(below: boolean): void {
    this.insertStart = this.snapshot();
    const indent = below ? yamlIndentAfter(this.lines[this.row]) : /^[ \t]*/.exec(this.lines[this.row])![0];
    const at = below ? this.row + 1 : this.row;
    this.lines.splice(at, 0, this.paste ? "" : indent);
    this.row = at;
    this.col = this.lines[at].length;
    this.mode = "insert";
    this.message = "";
  }

  private insertKey(key: string, ctrl: boolean): void {
    if (ctrl) return;
    const line = this.lines[this.row];
    switch (key) {
      case "Escape":
        this.finishInsert();
        return;
      case "Enter": {
        const indent = this.paste ? "" : yamlIndentAfter(line.slice(0, this.col));
        const rest = line.slice(this.col);
        // An untouched auto-indent is removed when the line is left empty (vim does the same).
        this.lines[this.row] = /^[ \t]+$/.test(line.slice(0, this.col)) && rest === "" ? "" : line.slice(0, this.col);
        this.lines.splice(this.row + 1, 0, indent + rest.replace(/^[ \t]+/, ""));
        this.row++;
        this.col = indent.length;
        return;
      }
      case "Backspace":
        backspaceAt(this);
        return;
      case "Delete":
        deleteAt(this);
        return;
      case "Tab": {
        // ftplugin/yaml.vim: expandtab, softtabstop=2.
        const spaces = 2 - (this.col % 2);
        this.insertText(" ".repeat(spaces));
        return;
      }
      case "ArrowLeft": this.col = Math.max(0, this.col - 1); return;
      case "ArrowRight": this.col = Math.min(line.length, this.col + 1); return;
      case "ArrowUp": this.setRow(this.row - 1, false, true); return;
      case "ArrowDown": this.setRow(this.row + 1, false, true); return;
      case "Home": this.col = 0; return;
      case "End": this.col = line.length; return;
    }
    if (key === "-" && !this.paste && /^[ \t]*$/.test(line.slice(0, this.col))) return this.listItemDash();
    if ([...key].length === 1) this.insertText(key);
  }

  /**
   * indent/yaml.vim re-indents a line when `-` is typed first (indentkeys "0-"): a new list item
   * lines up with the previous item of the list it continues.
   */
  private listItemDash(): void {
    const line = this.lines[this.row];
    const indent = this.col;
    for (let r = this.row - 1; r >= 0; r--) {
      const m = /^([ \t]*)- /.exec(this.lines[r]);
      const own = /^[ \t]*/.exec(this.lines[r])![0].length;
      if (m && m[1].length <= indent) {
        this.lines[this.row] = m[1] + line.slice(this.col);
        this.col = m[1].length;
        break;
      }
      if (this.lines[r].trim() !== "" && own < indent && !m) break;
    }
    this.insertText("-");
  }

  private insertText(text: string): void {
    insertAt(this, text);
  }


  private finishInsert(): void {
    this.mode = "normal";
    if (this.insertStart && fromLines(this.insertStart.lines) !== fromLines(this.lines)) this.beginChange(this.insertStart);
    this.insertStart = undefined;
    this.col = Math.max(0, Math.min(this.col - 1, this.maxCol()));
  }

  // ---- visual line mode ----------------------------------------------------------------------

  private visualKey(key: string, ctrl: boolean): void {
    if (ctrl) return;
    if (/^[1-9]$/.test(key) || (key === "0" && this.count !== "")) {
      this.count += key;
      return;
    }
    const n = Math.max(1, parseInt(this.count || "1", 10));
    this.count = "";
    const from = Math.min(this.visualStart, this.row);
    const span = Math.abs(this.row - this.visualStart) + 1;
    switch (key) {
      case "j": case "ArrowDown": this.setRow(this.row + n, false); return;
      case "k": case "ArrowUp": this.setRow(this.row - n, false); return;
      case "G": this.setRow(this.lines.length - 1, true); return;
      case "Escape": case "V": this.mode = "normal"; return;
      case "d": case "x":
        this.mode = "normal";
        this.deleteLines(from, span);
        return;
      case "y":
        this.mode = "normal";
        this.yankLines(from, span);
        this.setRow(from, false);
        return;
      case ">": case "<": {
        this.mode = "normal";
        this.beginChange();
        for (let r = from; r < from + span; r++) {
          this.lines[r] = key === ">" ? (this.lines[r] ? "  " + this.lines[r] : "") : this.lines[r].replace(/^ {1,2}/, "");
        }
        this.setRow(from, true);
        if (span > 2) this.info(`${span} lines ${key}ed 1 time`);
        return;
      }
    }
  }

  // ---- command line and search ----------------------------------------------------------------

  private cmdlineKey(key: string, ctrl: boolean): void {
    if (ctrl) {
      if (key === "c") this.leaveCmdline();
      return;
    }
    if (key === "Escape") return this.leaveCmdline();
    if (key === "Backspace") {
      if (this.cmdline === "") return this.leaveCmdline();
      this.cmdline = this.cmdline.slice(0, -1);
      return;
    }
    if (key === "Enter") {
      const text = this.cmdline;
      const wasSearch = this.mode === "search";
      this.leaveCmdline();
      if (wasSearch) {
        const forward = !this.searchBackwardPrompt;
        this.searchBackwardPrompt = false;
        if (text !== "") this.search = { pattern: text, forward };
        this.searchNext(text !== "" ? forward : this.search?.forward ?? forward);
      } else this.exCommand(text.trim());
      return;
    }
    if ([...key].length === 1) this.cmdline += key;
  }

  private leaveCmdline(): void {
    this.mode = "normal";
    this.cmdline = "";
    this.message = "";
    this.searchBackwardPrompt = false;
  }

  private exCommand(cmd: string): void {
    this.message = "";
    this.messageIsError = false;
    if (cmd === "") return;
    if (/^\d+$/.test(cmd)) return this.setRow(parseInt(cmd, 10) - 1, true);
    if (cmd === "$") return this.setRow(this.lines.length - 1, true);
    const m = /^(\w+)(!?)\s*(.*)$/.exec(cmd);
    if (!m) return this.error(`E492: Not an editor command: ${cmd}`);
    const [, name, bang, arg] = m;
    const force = bang === "!";
    switch (name) {
      case "w": case "write":
        if (arg) return this.error("E139: Writing to another file is not available in this terminal");
        return this.write();
      case "q": case "quit":
        if (!force && this.modified()) return this.error("E37: No write since last change (add ! to override)");
        return this.quit();
      case "wq": case "x": case "xit": case "exit":
        // :x and ZZ write only a modified buffer (a new, empty buffer is not created).
        if (name === "wq" || this.modified()) this.write();
        return this.quit();
      case "qa": case "qall":
        if (!force && this.modified()) return this.error("E37: No write since last change (add ! to override)");
        return this.quit();
      case "set": case "se":
        return this.setOption(arg.trim());
      case "noh": case "nohlsearch":
        return;
      case "syntax": case "filetype":
        return;
    }
    this.error(`E492: Not an editor command: ${cmd}`);
  }

  private setOption(arg: string): void {
    for (const opt of arg.split(/\s+/).filter(Boolean)) {
      const known: Record<string, () => void> = {
        nu: () => (this.number = true), number: () => (this.number = true),
        nonu: () => (this.number = false), nonumber: () => (this.number = false),
        paste: () => (this.paste = true), nopaste: () => (this.paste = false),
      };
      const base = opt.replace(/[=:].*$/, "");
      if (known[base]) known[base]();
      else if (!/^(no)?(ai|autoindent|et|expandtab|ic|ignorecase|hls|hlsearch|list|ruler|sw|shiftwidth|ts|tabstop|sts|softtabstop|cuc|cursorcolumn|cul|cursorline)$/.test(base)) {
        return this.error(`E518: Unknown option: ${opt}`);
      }
    }
  }

  private searchNext(forward: boolean): void {
    const s = this.search;
    if (!s || s.pattern === "") return this.error("E35: No previous regular expression");
    const total = this.lines.length;
    for (let i = 0; i <= total; i++) {
      const r = (this.row + (forward ? i : -i) + total * 2) % total;
      const line = this.lines[r];
      let idx: number;
      if (forward) idx = i === 0 ? line.indexOf(s.pattern, this.col + 1) : line.indexOf(s.pattern);
      else idx = i === 0 ? (this.col > 0 ? line.lastIndexOf(s.pattern, this.col - 1) : -1) : line.lastIndexOf(s.pattern);
      if (i === total && idx === -1) break;
      if (idx !== -1) {
        const wrapped = forward ? r < this.row || (r === this.row && i > 0) : r > this.row || (r === this.row && i > 0);
        this.row = r;
        this.col = idx;
        this.scrollToCursor();
        if (wrapped) this.error(forward ? "search hit BOTTOM, continuing at TOP" : "search hit TOP, continuing at BOTTOM");
        else this.info(`${forward ? "/" : "?"}${s.pattern}`);
        return;
      }
    }
    this.error(`E486: Pattern not found: ${s.pattern}`);
  }

  private write(): void {
    const text = fromLines(this.lines);
    const wasNew = this.isNew;
    this.savedText = text;
    this.isNew = false;
    this.writes++;
    this.info(`"${this.opts.path}" ${wasNew ? "[New] " : ""}${this.fileInfo(text)} written`);
  }

  private quit(): void {
    this.done = { saved: this.writes > 0, content: this.savedText, writes: this.writes };
  }

  private modified(): boolean {
    return fromLines(this.lines) !== this.savedText;
  }

  private fileInfo(text: string): string {
    const lines = text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    return `${lines}L, ${byteLength(text)}B`;
  }

  // ---- cursor and screen -------------------------------------------------------------------

  private maxCol(): number {
    return Math.max(0, this.lines[this.row].length - 1);
  }

  private setRow(row: number, firstNonBlankCol: boolean, insert = false): void {
    this.row = Math.max(0, Math.min(row, this.lines.length - 1));
    const line = this.lines[this.row];
    this.col = firstNonBlankCol ? firstNonBlank(line) : Math.min(this.col, insert ? line.length : this.maxCol());
    this.scrollToCursor();
  }

  private textRows(): number {
    return Math.max(1, this.opts.rows - 1);
  }

  private scrollToCursor(): void {
    const h = this.textRows();
    if (this.row < this.top) this.top = this.row;
    if (this.row >= this.top + h) this.top = this.row - h + 1;
  }

  private info(msg: string): void {
    this.message = msg;
    this.messageIsError = false;
  }

  private error(msg: string): void {
    this.message = msg;
    this.messageIsError = true;
  }

  screen(): string {
    this.scrollToCursor();
    return renderVi({
      lines: this.lines, row: this.row, col: this.col, top: this.top, mode: this.mode, cmdline: this.cmdline,
      message: this.message, messageIsError: this.messageIsError, number: this.number,
      visualStart: this.visualStart, searchBackward: this.searchBackwardPrompt, textRows: this.textRows(),
    }, this.opts.rows, this.opts.cols);
  }
}

function firstNonBlank(line: string): number {
  const m = /^[ \t]*/.exec(line)![0].length;
  return m >= line.length ? Math.max(0, line.length - 1) : m;
}

/** vim's undo message: "1 line less", "3 more lines", "1 change". */
function changeSummary(lineDelta: number): string {
  if (lineDelta === 1) return "1 more line";
  if (lineDelta > 1) return `${lineDelta} more lines`;
  if (lineDelta === -1) return "1 line less";
  if (lineDelta < -1) return `${-lineDelta} fewer lines`;
  return "1 change";
}
