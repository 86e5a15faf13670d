// Raw terminal input (what xterm.js's onData gives: bytes as the keyboard sends them) as editor
// key events, so the browser can feed createEditor without its own key table. xterm's sequences:
// CSI arrows (normal and application mode), Home/End/Delete/Insert/PageUp/PageDown, control
// characters as ctrl+letter, ESC alone as Escape, ESC+char as alt, bracketed paste as one paste.

import type { EditorInput } from "./types";

const CSI_KEYS: Record<string, string> = {
  A: "ArrowUp", B: "ArrowDown", C: "ArrowRight", D: "ArrowLeft", H: "Home", F: "End",
  "1~": "Home", "2~": "Insert", "3~": "Delete", "4~": "End", "5~": "PageUp", "6~": "PageDown", "7~": "Home", "8~": "End",
};

const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";

export function parseTerminalInput(data: string): EditorInput[] {
  const out: EditorInput[] = [];
  let i = 0;
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end === -1 ? data.length : end;
      out.push({ paste: data.slice(i + PASTE_START.length, stop) });
      i = end === -1 ? data.length : end + PASTE_END.length;
      continue;
    }
    const ch = data[i];
    if (ch === "\x1b") {
      const m = /^\x1b(?:\[|O)([0-9;]*)([A-Za-z~])/.exec(data.slice(i));
      if (m) {
        const mods = m[1].split(";");
        const code = m[2] === "~" ? `${mods[0]}~` : m[2];
        const key = CSI_KEYS[code];
        if (key) out.push({ key, ...modifiers(mods[1]) });
        i += m[0].length;
        continue;
      }
      const next = data[i + 1];
      if (next !== undefined && next !== "\x1b") {
        out.push({ key: next, alt: true });
        i += 2;
        continue;
      }
      out.push({ key: "Escape" });
      i += 1;
      continue;
    }
    i += ch.length;
    out.push(plainKey(ch));
  }
  return out;
}

function plainKey(ch: string): EditorInput {
  switch (ch) {
    case "\r":
    case "\n":
      return { key: "Enter" };
    case "\x7f":
    case "\b":
      return { key: "Backspace" };
    case "\t":
      return { key: "Tab" };
  }
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return { key: String.fromCharCode(code + 96), ctrl: true };
  if (code === 0x1c) return { key: "\\", ctrl: true };
  if (code === 0x1f) return { key: "/", ctrl: true };
  return { key: ch };
}

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
function modifiers(param: string | undefined): { shift?: boolean; alt?: boolean; ctrl?: boolean } {
  const n = param ? parseInt(param, 10) - 1 : 0;
  if (!(n > 0)) return {};
  return { ...(n & 1 ? { shift: true } : {}), ...(n & 2 ? { alt: true } : {}), ...(n & 4 ? { ctrl: true } : {}) };
}
