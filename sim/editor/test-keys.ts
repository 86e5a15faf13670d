// Test helper: types a vi/nano key sequence written compactly ("ihello<Esc>:wq<CR>").
import type { Editor, KeyPress } from "./types";

const NAMED: Record<string, KeyPress> = {
  Esc: { key: "Escape" }, CR: { key: "Enter" }, BS: { key: "Backspace" }, Del: { key: "Delete" }, Tab: { key: "Tab" },
  Up: { key: "ArrowUp" }, Down: { key: "ArrowDown" }, Left: { key: "ArrowLeft" }, Right: { key: "ArrowRight" },
};

/** `<Esc>`, `<CR>`, `<C-r>` (ctrl), named keys above; everything else one character at a time. */
export function type(ed: Editor, keys: string): Editor {
  const re = /<([^>]+)>|([\s\S])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(keys))) {
    if (m[2] !== undefined) ed.key({ key: m[2] });
    else if (/^C-.$/.test(m[1])) ed.key({ key: m[1].slice(2), ctrl: true });
    else if (NAMED[m[1]]) ed.key(NAMED[m[1]]);
    else throw new Error(`unknown key <${m[1]}>`);
  }
  return ed;
}

/** The screen as plain text rows (escape sequences removed, rows split on cursor moves). */
export function plainRows(screen: string): string[] {
  const rows: string[] = [];
  const body = screen.replace(/\x1b\[\d+;\d+H$/, "");
  for (const part of body.split(/\x1b\[(\d+);1H/).slice(1)) rows.push(part);
  return rows
    .filter((_, i) => i % 2 === 1)
    .map((r) => r.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ""));
}

/** The 0-based cursor position the frame ends with. */
export function cursorOf(screen: string): { row: number; col: number } {
  const m = /\x1b\[(\d+);(\d+)H$/.exec(screen)!;
  return { row: +m[1] - 1, col: +m[2] - 1 };
}
