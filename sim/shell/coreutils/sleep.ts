// sleep N: the virtual clock advances N seconds at once (GNU sleep's syntax: 1.5, 2m, 1h, 1d,
// several operands add up). Under `timeout`, it stops at the deadline.

import type { Proc } from "../../core/process";
import { q, tryHelp } from "./util";

const UNIT: Record<string, number> = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** GNU's interval syntax: a non-negative decimal with an optional s/m/h/d suffix; ms. */
export function parseInterval(text: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  return Math.round(parseFloat(m[1]) * UNIT[m[2]]);
}

/** Fast-forwarding costs one step per cluster wake-up, so one sleep may skip at most a day. */
export const MAX_SLEEP_MS = 24 * 3600 * 1000;

export function sleep(p: Proc): number {
  const args = p.argv.slice(1);
  if (args.length === 0) return tryHelp(p, "sleep", "missing operand");
  let total = 0;
  for (const a of args) {
    if (/^-./.test(a) && a !== "--") return tryHelp(p, "sleep", `invalid option -- '${a[1]}'`);
    const ms = parseInterval(a);
    if (ms === undefined) return tryHelp(p, "sleep", `invalid time interval ${q(a)}`);
    total += ms;
  }
  if (total > MAX_SLEEP_MS) {
    p.stderr("sleep: sandbox limit reached: one sleep may last at most 24 hours (1d)\n");
    return 1;
  }
  const target = p.cluster.now() + total;
  p.cluster.advanceTo(p.deadline !== undefined ? Math.min(target, p.deadline) : target);
  return 0;
}
