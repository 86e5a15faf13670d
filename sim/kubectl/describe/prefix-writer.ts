// The describers' PrefixWriter over Go's tabwriter (describe.go: prefixWriter, tabbedString with
// tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)). Each level indents two spaces; Flush formats what
// was written so far, so a table written afterwards (the Events table) aligns on its own.

import { KUBECTL_DESCRIBE, TabWriter } from "../../core/tabwriter";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** printers.WriteEscaped: terminal control characters other than \t and \n are escaped. */
function escapeTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => (c === "\r" ? "\\r" : `^${String.fromCharCode(c.charCodeAt(0) + 64)}`));
}

export class PrefixWriter {
  private readonly tw = new TabWriter(KUBECTL_DESCRIBE);
  private readonly out: string[] = [];

  /** Writes `text` (already formatted) after `level` two-space indents. */
  write(level: number, text: string): void {
    this.tw.write(escapeTerminal("  ".repeat(level) + text));
  }

  /** fmt.Sprintln: the values separated by spaces, then a newline. */
  writeLine(...a: string[]): void {
    this.tw.write(escapeTerminal(a.join(" ") + "\n"));
  }

  flush(): void {
    this.out.push(this.tw.flush());
  }

  /** tabbedString's final Flush and the whole output. */
  toString(): string {
    this.flush();
    return this.out.join("");
  }
}
