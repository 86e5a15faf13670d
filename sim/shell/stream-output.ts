// What a stream has shown so far. A streaming line is re-run from its start up to each poll's
// time (sim/sandbox.ts), so its output grows as a prefix; `clear` (watch) starts a new frame,
// which the terminal shows after clearing the screen.

import type { TerminalOutput } from "./terminal";

export interface Shown {
  /** Frames (screen clears) already shown. */
  frames: number;
  /** Characters of the current frame already shown. */
  chars: number;
}

/** The part of `term` not shown yet, and whether the screen must be cleared first. Updates `shown`. */
export function unseen(shown: Shown, term: TerminalOutput): { text: string; clear: boolean } {
  const text = term.text();
  if (term.resets > shown.frames) {
    shown.frames = term.resets;
    shown.chars = text.length;
    return { text, clear: true };
  }
  const fresh = text.slice(shown.chars);
  shown.chars = Math.max(shown.chars, text.length);
  return { text: fresh, clear: false };
}
