// The terminal a command line writes to: stdout and stderr interleaved in order, capped at the
// output limit (the rest is dropped and the limit's message is appended).

import { LIMIT_MESSAGES, LIMITS } from "../core/limits";

export class TerminalOutput {
  private chunks: string[] = [];
  private size = 0;
  private truncated = false;
  /** How many times `clear` reset the screen (a stream's frames: sim/sandbox.ts). */
  resets = 0;

  write = (text: string): void => {
    if (this.truncated) return;
    if (this.size + text.length > LIMITS.outputBytes) {
      this.chunks.push(text.slice(0, LIMITS.outputBytes - this.size));
      this.truncated = true;
      return;
    }
    this.size += text.length;
    this.chunks.push(text);
  };

  /** Forgets what was printed so far (`clear`). */
  reset(): void {
    this.chunks = [];
    this.size = 0;
    this.resets++;
  }

  text(): string {
    const out = this.chunks.join("");
    if (!this.truncated) return out;
    return (out.endsWith("\n") ? out : out + "\n") + LIMIT_MESSAGES.outputBytes + "\n";
  }
}
