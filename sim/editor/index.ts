// The editors (vi/vim, nano) as pure key-driven components, and the session glue that lets the
// shell hand the terminal to them (session.ts).

import type { Editor, EditorOptions } from "./types";
import { ViEditor } from "./vi";
import { NanoEditor } from "./nano";

export type { Editor, EditorInput, EditorOptions, EditorOutcome, KeyPress, Paste } from "./types";
export { LEAVE_ALT_SCREEN } from "./screen";
export { parseTerminalInput } from "./terminal-input";

export function createEditor(opts: EditorOptions): Editor {
  return opts.kind === "vi" ? new ViEditor(opts) : new NanoEditor(opts);
}
