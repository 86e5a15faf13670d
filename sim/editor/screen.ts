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
  return line.length > cols ? line.slice(0, cols) : line;
}

export function padRight(s: string, width: number): string {
  return s.length >= width ? s.slice(0, width) : s + " ".repeat(width - s.length);
}
