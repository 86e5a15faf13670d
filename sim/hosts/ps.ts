// ps (procps-ng 3.3.17): the default, BSD `aux` and UNIX `-ef` formats over the node's processes.

import type { Proc } from "../core/process";
import { hostCtx } from "./session";
import { bootTime } from "./state";
import { processes, type Process } from "./processes";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** START / STIME: the time of day if started within the last 24 hours, else the date. */
function startCol(start: number, now: number): string {
  const d = new Date(start);
  if (now - start < 24 * 3600_000) return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return `${MONTHS[d.getUTCMonth()]}${two(d.getUTCDate())}`;
}

function cpuTime(ms: number, long: boolean): string {
  const s = Math.floor(ms / 1000);
  if (long) return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  return `${Math.floor(s / 60)}:${two(s % 60)}`;
}

export function ps(p: Proc): number {
  const c = hostCtx(p);
  const args = p.argv.slice(1);
  const flags = args.join(" ");
  const now = p.cluster.now();
  const shellPid = 30_001;
  const own: Process[] = [
    { pid: shellPid, ppid: 478, user: "root", start: now - 60_000, cpuMs: 0, rssKb: 5_248, vszKb: 8_836, tty: "pts/0", stat: "Ss", cmd: "-bash" },
    { pid: shellPid + 120, ppid: shellPid, user: "root", start: now, cpuMs: 0, rssKb: 3_456, vszKb: 10_072, tty: "pts/0", stat: "R+", cmd: ["ps", ...args].join(" ") },
  ];
  const all = [...(c ? processes(c, bootTime(c.cluster, c.node)) : []), ...own];
  const bsd = args.some((a) => /^-?[a-z]*[ax][a-z]*$/.test(a) && /u|a|x/.test(a) && !a.startsWith("-e")) && !/(^| )-e/.test(flags);
  const unix = /(^| )-(e|A)/.test(flags) || args.includes("-ef");
  const memKb = 4_005_788;
  if (bsd && /u/.test(flags)) {
    p.stdout("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
    for (const x of all) {
      const cpu = x.cpuMs / Math.max(1, now - x.start) * 100;
      const mem = (x.rssKb / memKb) * 100;
      p.stdout(`${x.user.padEnd(8)} ${String(x.pid).padStart(7)} ${cpu.toFixed(1).padStart(4)} ${mem.toFixed(1).padStart(4)} ${String(x.vszKb).padStart(6)} ${String(x.rssKb).padStart(5)} ${x.tty.padEnd(8)} ${x.stat.padEnd(4)} ${startCol(x.start, now).padStart(5)} ${cpuTime(x.cpuMs, false).padStart(6)} ${x.cmd}\n`);
    }
    return 0;
  }
  if (unix || bsd) {
    const full = /f/.test(flags);
    p.stdout(full ? "UID          PID    PPID  C STIME TTY          TIME CMD\n" : "    PID TTY          TIME CMD\n");
    for (const x of all) {
      if (full) p.stdout(`${x.user.padEnd(8)} ${String(x.pid).padStart(7)} ${String(x.ppid).padStart(7)} ${"0".padStart(2)} ${startCol(x.start, now).padStart(5)} ${x.tty.padEnd(8)} ${cpuTime(x.cpuMs, true).padStart(8)} ${x.cmd}\n`);
      else p.stdout(`${String(x.pid).padStart(7)} ${x.tty.padEnd(8)} ${cpuTime(x.cpuMs, true).padStart(8)} ${x.cmd.split(" ")[0].split("/").pop()}\n`);
    }
    return 0;
  }
  p.stdout("    PID TTY          TIME CMD\n");
  p.stdout(`${String(shellPid).padStart(7)} pts/0    00:00:00 bash\n${String(shellPid + 120).padStart(7)} pts/0    00:00:00 ps\n`);
  return 0;
}
