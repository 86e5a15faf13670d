// What the browser terminal runs while an editor has the terminal: raw input in (xterm onData),
// text to write out, and the result to send to sandbox.completeInteractive once the editor quits.
// Pure and isomorphic, so the whole round trip is unit-tested here.

import { createEditor } from "./index";
import { LEAVE_ALT_SCREEN } from "./screen";
import { parseTerminalInput } from "./terminal-input";
import type { InteractiveRequest } from "./session";
import type { Editor } from "./types";

export interface EditorResult {
  path: string;
  content: string;
  saved: boolean;
}

export class BrowserEditorSession {
  private readonly editor: Editor;

  constructor(private readonly request: InteractiveRequest, size: { rows: number; cols: number }) {
    this.editor = createEditor({ kind: request.editor, path: request.displayPath, content: request.content, rows: size.rows, cols: size.cols });
  }

  /** The first frame to write when the editor opens. */
  open(): string {
    return this.editor.screen();
  }

  /** Feeds one onData chunk; returns what to write (a new frame, or leaving the alternate screen). */
  input(data: string): string {
    for (const ev of parseTerminalInput(data)) this.editor.key(ev);
    return this.result() ? LEAVE_ALT_SCREEN : this.editor.screen();
  }

  resize(rows: number, cols: number): string {
    this.editor.resize(rows, cols);
    return this.result() ? "" : this.editor.screen();
  }

  /** Set once the editor has quit: send it to sandbox.completeInteractive. */
  result(): EditorResult | undefined {
    const o = this.editor.outcome();
    return o && { path: this.request.path, content: o.content, saved: o.saved };
  }
}
