// Tab completion in the line editor, as bash's readline shows it: one candidate completes the word
// (a space after it unless it names a directory), several extend it to their common prefix, and a
// second Tab with nothing left to add lists them in columns, then redraws the prompt and the line
// (with 100 or more, the line editor first asks "Display all N possibilities? (y or n)", and pages
// a listing taller than the screen with --More--).
// The candidates come from the server (sandbox.complete); they are cleaned before display.
import { escapeForTerminal } from "./escape";
import { textWidth } from "./width";

export interface Completion { candidates: string[]; replaceFrom: number }

export interface CompletionEdit {
  /** The new line and cursor (string indices), when the line changed. */
  line?: string;
  cursor?: number;
  /** Text to print below the line (the listing), after which the prompt and line are redrawn. */
  listing?: string;
  /** How many candidates the listing holds (readline asks before showing 100 or more). */
  count?: number;
  /** Nothing to add: ring the bell. */
  bell?: boolean;
}

// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return "";
  let p = words[0];
  for (const w of words.slice(1)) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

/** What Tab does to `line` with the cursor at `cursor`; `again` is a second Tab in a row. */
export function applyCompletion(line: string, cursor: number, c: Completion, again: boolean, cols: number): CompletionEdit {
  const candidates = [...new Set(c.candidates.map(clean).filter((w) => w !== ""))];
  const from = Math.max(0, Math.min(c.replaceFrom, cursor));
  const word = line.slice(from, cursor);
  const splice = (text: string): CompletionEdit => ({ line: line.slice(0, from) + text + line.slice(cursor), cursor: from + text.length });
  if (candidates.length === 0) return { bell: true };
  if (candidates.length === 1) {
    const only = candidates[0];
    const suffix = only.endsWith("/") || line.slice(cursor).startsWith(" ") ? "" : " ";
    return only + suffix === word ? { bell: true } : splice(only + suffix);
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length && prefix.startsWith(word)) return splice(prefix);
  if (!again) return { bell: true };
  return { listing: formatColumns(candidates, cols), count: candidates.length };
}

/** Words in columns, filled down then across, two spaces apart (readline's rl_display_match_list). */
export function formatColumns(words: string[], cols: number): string {
  const sorted = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(...sorted.map(textWidth)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(sorted.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let row = "";
    for (let k = 0; k < perRow; k++) {
      const w = sorted[k * rows + r];
      if (w === undefined) break;
      const last = (k + 1) * rows + r >= sorted.length;
      row += last ? w : w + " ".repeat(width - textWidth(w));
    }
    out.push(row.trimEnd());
  }
  return escapeForTerminal(out.join("\n") + "\n");
}
