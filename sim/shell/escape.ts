// The one escaping step for text bound for the web terminal: ANSI escape sequences (colours,
// cursor moves) are removed whole, then every control character except \n and \t is dropped.

// CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \), and two-byte ESC sequences.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function escapeTerminal(text: string): string {
  return text.replace(ANSI, "").replace(CONTROL, "");
}
