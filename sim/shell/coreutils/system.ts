// env, printenv, hostname, date (virtual clock), whoami, uname.

import type { Proc } from "../../core/process";
import { tryHelp } from "./util";

export function env(p: Proc): number {
  const args = p.argv.slice(1);
  if (args.length) {
    p.stderr(`env: ‘${args[0]}’: No such file or directory\n`);
    return 127;
  }
  for (const k of Object.keys(p.env)) p.stdout(`${k}=${p.env[k]}\n`);
  return 0;
}

export function printenv(p: Proc): number {
  const names = p.argv.slice(1);
  if (!names.length) return env(p);
  let status = 0;
  for (const n of names) {
    if (Object.hasOwn(p.env, n)) p.stdout(p.env[n] + "\n");
    else status = 1;
  }
  return status;
}

export function hostname(p: Proc): number {
  p.stdout(p.hostname + "\n");
  return 0;
}

export function whoami(p: Proc): number {
  p.stdout("root\n");
  return 0;
}

export function uname(p: Proc): number {
  const a = p.argv.slice(1);
  if (a.includes("-a")) p.stdout(`Linux ${p.hostname} 6.8.0-1021-gcp #23-Ubuntu SMP x86_64 x86_64 x86_64 GNU/Linux\n`);
  else if (a.includes("-r")) p.stdout("6.8.0-1021-gcp\n");
  else if (a.includes("-m")) p.stdout("x86_64\n");
  else p.stdout("Linux\n");
  return 0;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** `date` in the C.UTF-8 locale and UTC ("Wed Nov 25 22:21:12 UTC 2026"), `date +FORMAT`, `date -u`. */
export function date(p: Proc): number {
  const d = new Date(p.cluster.now());
  const fmt = p.argv.slice(1).find((a) => a.startsWith("+"));
  const bad = p.argv.slice(1).find((a) => !a.startsWith("+") && a !== "-u" && a !== "--utc");
  if (bad) return tryHelp(p, "date", bad.startsWith("-") ? `invalid option -- '${bad[1]}'` : `invalid date ‘${bad}’`);
  const fields: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    d: () => two(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    H: () => two(d.getUTCHours()),
    M: () => two(d.getUTCMinutes()),
    S: () => two(d.getUTCSeconds()),
    Y: () => String(d.getUTCFullYear()),
    m: () => two(d.getUTCMonth() + 1),
    y: () => two(d.getUTCFullYear() % 100),
    s: () => String(Math.floor(d.getTime() / 1000)),
    Z: () => "UTC",
    z: () => "+0000",
    F: () => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
    T: () => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
    N: () => String(d.getUTCMilliseconds() * 1_000_000).padStart(9, "0"),
    "%": () => "%",
    n: () => "\n",
    t: () => "\t",
  };
  const format = fmt ? fmt.slice(1) : "%a %b %e %H:%M:%S %Z %Y";
  p.stdout(format.replace(/%(.)/g, (m, c: string) => (fields[c] ? fields[c]() : m)) + "\n");
  return 0;
}
