// ls's output layouts: columns for a terminal 80 wide (GNU ls -C), and the long listing (-l).

import type { Proc } from "../../core/process";
import { resolvePath } from "../../core/vfs";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LINE_WIDTH = 80;

/** GNU ls -C: names down the columns, as many columns as fit, two spaces between them. */
export function lsColumns(names: string[]): string {
  if (names.length === 0) return "";
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) < cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(0, ...col.map((n) => n.length)) + (c < cols - 1 ? 2 : 0));
    }
    if (widths.reduce((a, b) => a + b, 0) > LINE_WIDTH && cols > 1) continue;
    let out = "";
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < cols; c++) {
        const n = names[c * rows + r];
        if (n !== undefined) cells.push(n);
      }
      out += cells.map((n, c) => (c < cells.length - 1 ? n.padEnd(widths[c]) : n)).join("") + "\n";
    }
    return out;
  }
  return names.join("\n") + "\n";
}

function modeString(type: "file" | "dir", mode: number): string {
  const bits = "rwxrwxrwx";
  let s = type === "dir" ? "d" : "-";
  for (let i = 0; i < 9; i++) s += mode & (1 << (8 - i)) ? bits[i] : "-";
  return s;
}

/** "Nov 25 22:21" within six months of now, else "Nov 25  2025", as ls prints dates. */
function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - mtime < 183 * 86_400_000 && mtime <= now + 3_600_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** ls -l of `names` inside `dir` ("" when the names are operands themselves). */
export function listing(p: Proc, names: string[], dir: string, withTotal: boolean): string {
  const rows = names.map((n) => {
    const path = resolvePath(p.cwd, dir ? (n === "." ? dir : n === ".." ? `${dir}/..` : `${dir}/${n}`) : n, p.env.HOME);
    const e = p.fs.stat(path)!;
    const size = e.type === "dir" ? 4096 : new TextEncoder().encode(e.data).length;
    const links = e.type === "dir" ? 2 + p.fs.list(path).filter((c) => p.fs.stat(`${path === "/" ? "" : path}/${c}`)?.type === "dir").length : 1;
    return { mode: modeString(e.type, e.mode), links, size, date: lsDate(e.mtime, p.cluster.now()), name: n };
  });
  const lw = Math.max(...rows.map((r) => String(r.links).length));
  const sw = Math.max(...rows.map((r) => String(r.size).length));
  const blocks = rows.reduce((a, r) => a + Math.ceil(r.size / 4096) * 4, 0);
  const head = withTotal ? `total ${blocks}\n` : "";
  return head + rows.map((r) => `${r.mode} ${String(r.links).padStart(lw)} root root ${String(r.size).padStart(sw)} ${r.date} ${r.name}\n`).join("");
}
