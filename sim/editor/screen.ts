// ANSI frame helpers: the editors draw the whole screen each time (the browser terminal, xterm.js,
// handles the alternate screen and cursor positioning like any terminal).

export const ENTER_ALT_SCREEN = "\x1b[?1049h";
export const LEAVE_ALT_SCREEN = "\x1b[?1049l";
export const REVERSE = "\x1b[7m";
export const RESET = "\x1b[0m";
export const BOLD = "\x1b[1m";
export const BLUE = "\x1b[34m";
export const RED_BG = "\x1b[41m\x1b[37m";

/** Moves the cursor to a 0-based row and column. */
export function moveTo(row: number, col: number): string {
  return `\x1b[${row + 1};${col + 1}H`;
}

/** A frame: alternate screen, home, each row cleared and drawn, the cursor placed last. */
export function frame(rows: string[], cursorRow: number, cursorCol: number): string {
  let out = ENTER_ALT_SCREEN + "\x1b[H";
  rows.forEach((r, i) => {
    out += moveTo(i, 0) + "\x1b[2K" + r;
  });
  return out + moveTo(cursorRow, cursorCol);
}

/** Cuts a line to the screen width (tabs shown as up to 8 columns are left to the terminal). */
export function clip(line: string, cols: number): string {
  return visible(line.length > cols ? line.slice(0, cols) : line);
}

/**
 * File content is the learner's or the cluster's: a control character in it must not reach the
 * terminal as one (an ESC would start a sequence). Each is drawn as one cell, its Unicode Control
 * Picture (U+2400 + code, U+2421 for DEL; U+FFFD for C1), so columns stay as the editor counts them.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : "\ufffd";
  });
}

export function padRight(s: string, width: number): string {
  return s.length >= width ? s.slice(0, width) : s + " ".repeat(width - s.length);
}
