// How vi draws itself: the text rows (with ~ past the end, line numbers with :set nu, the visual
// selection in reverse video), then the command line: a message, -- INSERT --, or the : or /
// being typed, with defaults.vim's ruler at column cols-18.

import { BLUE, BOLD, RESET, clip, frame, padRight, RED_BG } from "./screen";

export type ViMode = "normal" | "insert" | "command" | "search" | "visual";

export interface ViView {
  lines: string[];
  row: number;
  col: number;
  top: number;
  mode: ViMode;
  cmdline: string;
  message: string;
  messageIsError: boolean;
  number: boolean;
  visualStart: number;
  searchBackward: boolean;
  textRows: number;
}

export function renderVi(v: ViView, rows: number, cols: number): string {
  const h = v.textRows;
  const gutter = v.number ? Math.max(3, String(v.lines.length).length) + 1 : 0;
  const out: string[] = [];
  const vFrom = Math.min(v.visualStart, v.row);
  const vTo = Math.max(v.visualStart, v.row);
  for (let i = 0; i < h; i++) {
    const r = v.top + i;
    if (r >= v.lines.length) {
      out.push(`${BLUE}~${RESET}`);
      continue;
    }
    const num = v.number ? `\x1b[33m${String(r + 1).padStart(gutter - 1)}${RESET} ` : "";
    const text = clip(v.lines[r].replace(/\t/g, "        "), cols - gutter);
    out.push(v.mode === "visual" && r >= vFrom && r <= vTo ? `${num}\x1b[7m${text || " "}${RESET}` : num + text);
  }
  out.push(bottomLine(v, cols));
  while (out.length < rows) out.splice(out.length - 1, 0, `${BLUE}~${RESET}`);
  if (v.mode === "command" || v.mode === "search") return frame(out, rows - 1, Math.min(cols - 1, v.cmdline.length + 1));
  const line = v.lines[v.row];
  const screenCol = line.slice(0, v.col).replace(/\t/g, "        ").length;
  return frame(out, v.row - v.top, Math.min(cols - 1, gutter + screenCol));
}

function bottomLine(v: ViView, cols: number): string {
  if (v.mode === "command") return ":" + v.cmdline;
  if (v.mode === "search") return (v.searchBackward ? "?" : "/") + v.cmdline;
  let left = "";
  if (v.mode === "insert") left = `${BOLD}-- INSERT --${RESET}`;
  else if (v.mode === "visual") left = `${BOLD}-- VISUAL LINE --${RESET}`;
  else if (v.message) left = v.messageIsError ? `${RED_BG}${v.message}${RESET}` : v.message;
  const visibleLeft = v.mode === "insert" ? 12 : v.mode === "visual" ? 17 : v.message.length;
  const rulerCol = cols - 18;
  if (visibleLeft >= rulerCol) return left;
  return left + " ".repeat(rulerCol - visibleLeft) + ruler(v);
}

/** defaults.vim's 'ruler': "line,col" then All/Top/Bot/NN%. */
function ruler(v: ViView): string {
  const line = v.lines[v.row];
  const col = line.length === 0 ? "0-1" : String(v.col + 1);
  const h = v.textRows;
  let where: string;
  if (v.lines.length <= h) where = "All";
  else if (v.top === 0) where = "Top";
  else if (v.top + h >= v.lines.length) where = "Bot";
  else where = `${Math.floor((v.top * 100) / (v.lines.length - h))}%`;
  // An empty buffer has no line 1 yet: vim shows "0,0-1".
  const row = v.lines.length === 1 && line === "" ? 0 : v.row + 1;
  return padRight(`${row},${col}`, 14) + where;
}
