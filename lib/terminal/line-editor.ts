// A pure line editor for the browser terminal: key data in, new state and terminal writes out.
// Knows bash's editing keys (readline defaults), history, and multi-line input: a line that opens
// a heredoc (<<EOF, <<-'EOF') or ends with a backslash continues with the "> " prompt until the
// terminator, then the whole text is submitted as one command. Tab asks the host for completions
// (effect "complete", answered with completed()); Ctrl-R searches this terminal's history
// backwards incrementally, as readline's reverse-search-history does.
import type { CompletionEdit } from "./completion";
import { charWidth, textWidth } from "./width";

export interface EditorState {
  prompt: string;
  primaryPrompt: string;
  buffer: string[]; // code points
  cursor: number; // index into buffer
  history: string[];
  historyIndex: number; // === history.length while editing a new line
  draft: string[];
  pending: string[]; // earlier lines of a multi-line command
  heredocs: string[]; // terminators still awaited, in order
  cols: number;
  cursorRow: number; // terminal rows between the prompt's first row and the cursor
  queued: string; // input that arrived after a submit (a multi-line paste), for after the command ran
  lastTab: boolean; // the previous key was Tab (a second Tab lists the candidates)
  search?: HistorySearch; // Ctrl-R in progress
  rows: number; // the terminal's height, for paging a long completion listing
  pager?: Pager; // a completion listing waiting on "(y or n)" or "--More--"
}

/** A long completion listing: readline's "Display all N possibilities?" query, then its --More-- pager. */
export interface Pager {
  phase: "query" | "more";
  lines: string[];
  /** Lines printed so far. */
  shown: number;
}

/** readline's completion-query-items: from this many candidates on, ask before listing them. */
export const COMPLETION_QUERY_ITEMS = 100;

/** Ctrl-R: the query typed so far, the history entry it matched, what to restore on Ctrl-G. */
export interface HistorySearch {
  query: string;
  match?: number;
  failed: boolean;
  saved: { prompt: string; buffer: string[]; cursor: number };
}

export type Effect =
  | { kind: "write"; data: string }
  | { kind: "submit"; command: string }
  | { kind: "clearScreen" }
  /** Tab: ask for completions of `line` at `cursor` (a string index); answer with completed(). */
  | { kind: "complete"; line: string; cursor: number; again: boolean };

export const CONTINUATION_PROMPT = "> ";

export function createEditor(opts: { prompt: string; history?: string[]; cols?: number; rows?: number }): EditorState {
  const history = (opts.history ?? []).filter((h) => h.trim() !== "" && !h.includes("\n"));
  return {
    prompt: opts.prompt,
    primaryPrompt: opts.prompt,
    buffer: [],
    cursor: 0,
    history,
    historyIndex: history.length,
    draft: [],
    pending: [],
    heredocs: [],
    cols: Math.max(2, opts.cols ?? 80),
    rows: Math.max(2, opts.rows ?? 24),
    cursorRow: 0,
    queued: "",
    lastTab: false,
  };
}

const ROW = (pos: number, cols: number) => Math.floor(pos / cols);

/** Writes that move from the current cursor to the prompt's first row, redraw, and place the cursor. */
function render(s: EditorState): { state: EditorState; data: string } {
  const text = s.buffer.join("");
  let out = "\r";
  if (s.cursorRow > 0) out += `\x1b[${s.cursorRow}A`;
  out += "\x1b[J" + s.prompt + text;
  const end = textWidth(s.prompt) + textWidth(text);
  // At an exact multiple of the width xterm holds the cursor in a pending wrap; force the wrap.
  if (end > 0 && end % s.cols === 0) out += " \r";
  const target = textWidth(s.prompt) + textWidth(s.buffer.slice(0, s.cursor).join(""));
  const up = ROW(end, s.cols) - ROW(target, s.cols);
  if (up > 0) out += `\x1b[${up}A`;
  out += "\r";
  if (target % s.cols > 0) out += `\x1b[${target % s.cols}C`;
  return { state: { ...s, cursorRow: ROW(target, s.cols) }, data: out };
}

/** Shows a fresh prompt (after a command finished, or at start). */
export function showPrompt(s: EditorState, prompt: string): { state: EditorState; data: string } {
  const next: EditorState = { ...s, prompt, primaryPrompt: prompt, buffer: [], cursor: 0, historyIndex: s.history.length, draft: [], pending: [], heredocs: [], cursorRow: 0 };
  return { state: { ...next, cursorRow: ROW(textWidth(prompt), s.cols) }, data: prompt };
}

export function resize(s: EditorState, cols: number, rows = s.rows): EditorState {
  return { ...s, cols: Math.max(2, cols), rows: Math.max(2, rows) };
}

/** Heredoc terminators a line opens (not <<<), outside quotes. */
export function heredocTerminators(line: string): string[] {
  const found: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"') i++;
      continue;
    }
    if (c === "\\") { i++; continue; }
    if (c === "'" || c === '"') { quote = c; continue; }
    if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) break;
    if (c === "<" && line[i + 1] === "<" && line[i + 2] === "<") {
      i += 2; // a here-string, not a heredoc
      continue;
    }
    if (c === "<" && line[i + 1] === "<") {
      const m = /^<<-?[ \t]*(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()'"]+))/.exec(line.slice(i));
      if (m) {
        found.push(m[1] ?? m[2] ?? m[3]);
        i += m[0].length - 1;
      }
    }
  }
  return found;
}

function endsWithContinuation(line: string): boolean {
  const m = /(\\+)$/.exec(line);
  return !!m && m[1].length % 2 === 1;
}

function edit(s: EditorState, buffer: string[], cursor: number): { state: EditorState; data: string } {
  return render({ ...s, buffer, cursor });
}

function enter(s: EditorState): { state: EditorState; effects: Effect[] } {
  const line = s.buffer.join("");
  const effects: Effect[] = [];
  // Move to the end of the input, then to a new line.
  const moved = render({ ...s, cursor: s.buffer.length });
  effects.push({ kind: "write", data: moved.data + "\r\n" });
  let heredocs = s.heredocs;
  if (heredocs.length > 0) {
    if (line.replace(/^\t+/, "") === heredocs[0]) heredocs = heredocs.slice(1);
  } else {
    heredocs = heredocTerminators(line);
  }
  const pending = [...s.pending, line];
  const continues = heredocs.length > 0 || (s.heredocs.length === 0 && endsWithContinuation(line));
  if (continues) {
    const state: EditorState = { ...s, prompt: CONTINUATION_PROMPT, buffer: [], cursor: 0, pending, heredocs, cursorRow: 0 };
    effects.push({ kind: "write", data: CONTINUATION_PROMPT });
    return { state: { ...state, cursorRow: ROW(textWidth(CONTINUATION_PROMPT), s.cols) }, effects };
  }
  const command = pending.join("\n");
  let history = s.history;
  if (command.trim() !== "" && !command.includes("\n") && !/^[ \t]/.test(command) && history[history.length - 1] !== command) {
    history = [...history, command].slice(-1000);
  }
  const state: EditorState = { ...s, history, historyIndex: history.length, buffer: [], cursor: 0, draft: [], pending: [], heredocs: [], cursorRow: 0 };
  if (command.trim() === "") {
    const p = showPrompt(state, s.primaryPrompt);
    effects.push({ kind: "write", data: p.data });
    return { state: p.state, effects };
  }
  effects.push({ kind: "submit", command });
  return { state, effects };
}

function historyMove(s: EditorState, delta: number): { state: EditorState; data: string } | null {
  const idx = s.historyIndex + delta;
  if (idx < 0 || idx > s.history.length || s.pending.length > 0) return null;
  const draft = s.historyIndex === s.history.length ? s.buffer : s.draft;
  const buffer = idx === s.history.length ? draft : [...s.history[idx]];
  return render({ ...s, historyIndex: idx, draft, buffer, cursor: buffer.length });
}

function wordStart(buf: string[], cursor: number): number {
  let i = cursor;
  while (i > 0 && /\s/.test(buf[i - 1])) i--;
  while (i > 0 && !/\s/.test(buf[i - 1])) i--;
  return i;
}

const KEYS: Record<string, string> = {
  "\x1b[A": "up", "\x1bOA": "up", "\x1b[B": "down", "\x1bOB": "down",
  "\x1b[C": "right", "\x1bOC": "right", "\x1b[D": "left", "\x1bOD": "left",
  "\x1b[H": "home", "\x1bOH": "home", "\x1b[1~": "home", "\x1b[7~": "home",
  "\x1b[F": "end", "\x1bOF": "end", "\x1b[4~": "end", "\x1b[8~": "end",
  "\x1b[3~": "delete",
  "\x01": "home", "\x05": "end", "\x02": "left", "\x06": "right", "\x10": "up", "\x0e": "down",
  "\x7f": "backspace", "\x08": "backspace", "\x03": "interrupt", "\x0c": "clear",
  "\x15": "killStart", "\x0b": "killEnd", "\x17": "killWord", "\x04": "eof",
};

/** Splits raw terminal input into keys: escape sequences, line ends, single characters. */
export function tokenize(data: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < data.length; ) {
    if (data[i] === "\x1b") {
      const m = /^\x1b(\[[0-9;?]*[\x40-\x7e]|O[\x40-\x7e]|[\s\S]?)/.exec(data.slice(i))!;
      out.push(m[0]);
      i += m[0].length;
    } else if (data[i] === "\r" && data[i + 1] === "\n") {
      out.push("\r");
      i += 2;
    } else {
      const cp = data.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      out.push(ch === "\n" ? "\r" : ch);
      i += ch.length;
    }
  }
  return out;
}

/** Feeds raw input (typed keys or pasted text) to the editor. */
export function feed(state: EditorState, data: string): { state: EditorState; effects: Effect[] } {
  let s = state;
  const effects: Effect[] = [];
  const write = (r: { state: EditorState; data: string } | null) => {
    if (!r) return;
    s = r.state;
    if (r.data) effects.push({ kind: "write", data: r.data });
  };
  for (const key of tokenize(data)) {
    if (effects.some((e) => e.kind === "submit" || e.kind === "complete")) {
      // The rest waits until the command has run; the host feeds it again afterwards (takeQueued).
      s = { ...s, queued: s.queued + key };
      continue;
    }
    if (s.pager) {
      write(pagerKey(s, key));
      continue;
    }
    if (s.search) {
      const r = searchKey(s, key);
      write(r);
      if (!r.passOn) continue;
    }
    const wasTab = s.lastTab;
    s = { ...s, lastTab: key === "\t" };
    const name = KEYS[key];
    const b = s.buffer;
    const c = s.cursor;
    if (key === "\r") {
      const r = enter(s);
      s = r.state;
      effects.push(...r.effects);
    } else if (name === "left") write(c > 0 ? render({ ...s, cursor: c - 1 }) : null);
    else if (name === "right") write(c < b.length ? render({ ...s, cursor: c + 1 }) : null);
    else if (name === "home") write(render({ ...s, cursor: 0 }));
    else if (name === "end") write(render({ ...s, cursor: b.length }));
    else if (name === "up") write(historyMove(s, -1));
    else if (name === "down") write(historyMove(s, 1));
    else if (name === "backspace") write(c > 0 ? edit(s, [...b.slice(0, c - 1), ...b.slice(c)], c - 1) : null);
    else if (name === "delete" || (name === "eof" && b.length > 0)) write(c < b.length ? edit(s, [...b.slice(0, c), ...b.slice(c + 1)], c) : null);
    else if (name === "killStart") write(edit(s, b.slice(c), 0));
    else if (name === "killEnd") write(edit(s, b.slice(0, c), c));
    else if (name === "killWord") {
      const w = wordStart(b, c);
      write(edit(s, [...b.slice(0, w), ...b.slice(c)], w));
    } else if (name === "interrupt") {
      const moved = render({ ...s, cursor: b.length });
      effects.push({ kind: "write", data: moved.data + "^C\r\n" });
      write(showPrompt({ ...s, cursorRow: 0 }, s.primaryPrompt));
    } else if (name === "clear") {
      effects.push({ kind: "clearScreen" });
      write(render({ ...s, cursorRow: 0 }));
    } else if (key === "\t") {
      effects.push({ kind: "complete", line: b.join(""), cursor: b.slice(0, c).join("").length, again: wasTab });
    } else if (key === "\x12") {
      const saved = { prompt: s.prompt, buffer: b, cursor: c };
      write(renderSearch({ ...s, search: { query: "", failed: false, saved } }));
    } else if (!key.startsWith("\x1b") && charWidth(key) > 0) {
      if (c === b.length && !wrapsAt(s, key)) {
        s = { ...s, buffer: [...b, key], cursor: c + 1 };
        s = { ...s, cursorRow: ROW(textWidth(s.prompt) + textWidth(s.buffer.join("")), s.cols) };
        effects.push({ kind: "write", data: key });
      } else write(edit(s, [...b.slice(0, c), key, ...b.slice(c)], c + 1));
    }
    // Anything else (unknown escape sequences, other control characters) is ignored.
  }
  return { state: s, effects: effects.filter((e) => e.kind !== "write" || e.data !== "") };
}

/** True when appending `key` reaches or crosses the right edge (then a full redraw places the cursor). */
function wrapsAt(s: EditorState, key: string): boolean {
  const before = textWidth(s.prompt) + textWidth(s.buffer.join(""));
  return Math.floor((before + charWidth(key)) / s.cols) !== Math.floor(before / s.cols) || (before + charWidth(key)) % s.cols === 0;
}

/** Input that arrived after a submit in the same chunk; the host feeds it once the command has run. */
export function takeQueued(s: EditorState): { state: EditorState; queued: string } {
  return { state: { ...s, queued: "" }, queued: s.queued };
}

// ---- Ctrl-R (readline's reverse-search-history)

/** The newest history index at or below `from` whose entry contains `query`. */
function findBack(history: string[], query: string, from: number): number | undefined {
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if (history[i].includes(query)) return i;
  return undefined;
}

function renderSearch(s: EditorState): { state: EditorState; data: string } {
  const q = s.search!;
  const label = `(${q.failed ? "failed " : ""}reverse-i-search)\`${q.query}': `;
  const line = q.match === undefined ? q.saved.buffer : [...s.history[q.match]];
  const at = q.match === undefined ? q.saved.cursor : [...s.history[q.match].slice(0, Math.max(0, s.history[q.match].indexOf(q.query)))].length;
  const r = render({ ...s, prompt: label, buffer: line, cursor: at });
  return { state: { ...r.state, prompt: s.prompt }, data: r.data };
}

/** Leaves the search with the matched line in the buffer (or the saved one on Ctrl-G). */
function endSearch(s: EditorState, restore: boolean): { state: EditorState; data: string } {
  const q = s.search!;
  const keep = !restore && q.match !== undefined;
  const buffer = keep ? [...s.history[q.match!]] : q.saved.buffer;
  const cursor = keep ? [...s.history[q.match!].slice(0, Math.max(0, s.history[q.match!].indexOf(q.query)))].length : q.saved.cursor;
  return render({ ...s, search: undefined, prompt: q.saved.prompt, buffer, cursor });
}

/** One key during Ctrl-R; passOn: the search ended and the key still acts on the line (Enter, arrows). */
function searchKey(s: EditorState, key: string): { state: EditorState; data: string; passOn: boolean } {
  const q = s.search!;
  const again = (query: string, from: number) => {
    const match = query === "" ? undefined : findBack(s.history, query, from);
    const failed = query !== "" && match === undefined;
    // A failed search keeps showing the last match, as readline does.
    return renderSearch({ ...s, search: { ...q, query, match: failed ? q.match : match, failed } });
  };
  if (key === "\x12") return { ...again(q.query, (q.match ?? s.history.length) - (q.query === "" ? 0 : 1)), passOn: false };
  if (key === "\x7f" || key === "\x08") return { ...again(q.query.slice(0, -1), s.history.length - 1), passOn: false };
  if (key === "\x07") return { ...endSearch(s, true), passOn: false };
  if (!key.startsWith("\x1b") && key !== "\r" && key !== "\t" && charWidth(key) > 0) {
    return { ...again(q.query + key, q.match ?? s.history.length - 1), passOn: false };
  }
  const r = endSearch(s, false);
  return { ...r, passOn: key !== "\x1b" };
}

/** Applies the host's answer to a "complete" effect: the new line, or a listing and a redraw. */
export function completed(s: EditorState, e: CompletionEdit): { state: EditorState; data: string } {
  if (e.line !== undefined) {
    const buffer = [...e.line];
    const cursor = [...e.line.slice(0, e.cursor ?? e.line.length)].length;
    return render({ ...s, buffer, cursor });
  }
  if (e.listing !== undefined) {
    const end = render({ ...s, cursor: s.buffer.length });
    const lines = e.listing.replace(/\r?\n$/, "").split(/\r?\n/);
    if ((e.count ?? 0) >= COMPLETION_QUERY_ITEMS) {
      return { state: { ...end.state, pager: { phase: "query", lines, shown: 0 } }, data: `${end.data}\r\nDisplay all ${e.count} possibilities? (y or n)` };
    }
    const page = showPage({ ...end.state, pager: { phase: "more", lines, shown: 0 } }, end.state.rows - 1);
    return { state: page.state, data: end.data + "\r\n" + page.data };
  }
  return { state: s, data: e.bell ? "\x07" : "" };
}

// ---- A long completion listing (readline's get_y_or_n and _rl_internal_pager)

/** Prints up to `n` more lines of the listing; then --More-- if some remain, else the prompt and line again. */
function showPage(s: EditorState, n: number): { state: EditorState; data: string } {
  const p = s.pager!;
  const next = p.lines.slice(p.shown, p.shown + n);
  const data = next.map((l) => l + "\r\n").join("");
  const shown = p.shown + next.length;
  if (shown < p.lines.length) return { state: { ...s, pager: { ...p, phase: "more", shown } }, data: data + "--More--" };
  const again = render({ ...s, pager: undefined, cursorRow: 0 });
  return { state: again.state, data: data + again.data };
}

function pagerKey(s: EditorState, key: string): { state: EditorState; data: string } {
  const p = s.pager!;
  const yes = key === "y" || key === "Y" || key === " ";
  const stop = key === "n" || key === "N" || key === "q" || key === "Q" || key === "\x7f" || key === "\x03" || key === "\x07";
  const redraw = (prefix: string) => {
    const again = render({ ...s, pager: undefined, cursorRow: 0 });
    return { state: again.state, data: prefix + again.data };
  };
  if (p.phase === "query") {
    if (yes) {
      const page = showPage(s, s.rows - 1);
      return { state: page.state, data: "\r\n" + page.data };
    }
    return stop && key !== "q" && key !== "Q" ? redraw("\r\n") : { state: s, data: "\x07" };
  }
  // --More--: erase it, then a page (space, y), one line (Enter), or stop.
  if (yes) return prefixed("\r\x1b[K", showPage(s, s.rows - 1));
  if (key === "\r" || key === "\n") return prefixed("\r\x1b[K", showPage(s, 1));
  return stop ? redraw("\r\x1b[K") : { state: s, data: "\x07" };
}

function prefixed(prefix: string, r: { state: EditorState; data: string }): { state: EditorState; data: string } {
  return { state: r.state, data: prefix + r.data };
}
