// The editor component's contract: a state machine fed with key events (or pasted text) that
// draws itself as one full-screen ANSI frame and, once it ends, reports what was written.
// Pure and isomorphic: the browser terminal runs it locally; tests drive it without a browser.

/** One key press as the browser reports it (KeyboardEvent.key names: "a", "Enter", "Escape", "ArrowUp"). */
export interface KeyPress {
  key: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
}

/** Text pasted at once (bracketed paste): inserted as typed text, without auto-indent. */
export interface Paste {
  paste: string;
}

export type EditorInput = KeyPress | Paste;

export interface EditorOutcome {
  /** True when the file was written at least once. */
  saved: boolean;
  /** The last written content (the original content when nothing was written). */
  content: string;
  /** How many times the file was written (:w twice then :q is 2). */
  writes: number;
}

export interface EditorOptions {
  kind: "vi" | "nano";
  /** The path as the learner typed it (shown in messages and the title bar). */
  path: string;
  /** The file's content; undefined for a file that does not exist yet. */
  content: string | undefined;
  rows: number;
  cols: number;
}

export interface Editor {
  key(ev: EditorInput): void;
  /** The whole screen: alternate screen, every row drawn, the cursor placed. */
  screen(): string;
  /** Set once the editor has quit. */
  outcome(): EditorOutcome | undefined;
  resize(rows: number, cols: number): void;
  /** The buffer as it is now (for tests and the status of an unsaved edit). */
  text(): string;
}
