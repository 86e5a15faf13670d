// seq, tee, and the pagers less/more (which print the whole input, as they do without a terminal).

import type { Proc } from "../../core/process";
import { abs, fsErrorText, q, tryHelp } from "./util";
import { cat } from "./files";

export function seq(p: Proc): number {
  const args = p.argv.slice(1);
  if (args.length === 0) return tryHelp(p, "seq", "missing operand");
  if (args.length > 3) return tryHelp(p, "seq", `extra operand ${q(args[3])}`);
  for (const a of args) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(a)) return tryHelp(p, "seq", `invalid floating point argument: ${q(a)}`);
  }
  const n = args.map(Number);
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
  if (step === 0) return tryHelp(p, "seq", `invalid Zero increment value: ${q(args[1])}`);
  const count = Math.floor((last - first) / step) + 1;
  if (count > 1_000_000) {
    p.stderr("seq: sandbox limit reached: at most 1000000 numbers\n");
    return 1;
  }
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(String(first + k * step));
  p.stdout(out.length ? out.join("\n") + "\n" : "");
  return 0;
}

export function tee(p: Proc): number {
  const args = p.argv.slice(1);
  const append = args.includes("-a") || args.includes("--append");
  const files = args.filter((a) => !a.startsWith("-"));
  const input = p.stdin;
  let status = 0;
  for (const f of files) {
    try {
      p.fs.write(abs(p, f), input, { append, mtime: p.cluster.now() });
    } catch (e) {
      p.stderr(`tee: ${f}: ${fsErrorText(e)}\n`);
      status = 1;
    }
  }
  p.stdout(input);
  return status;
}

export function pager(p: Proc): number {
  return cat({ ...p, argv: ["cat", ...p.argv.slice(1).filter((a) => !a.startsWith("-"))], stdin: p.stdin });
}

/** watch redraws a full screen every 2 s, which a request/response terminal cannot show. */
export function watch(p: Proc): number {
  const cmd = p.argv.slice(1).filter((a) => !a.startsWith("-")).join(" ");
  p.stderr(`watch: full-screen commands are not available in this terminal; try \`kubectl get -w\`, or run \`${cmd || "the command"}\` again after \`sleep N\`\n`);
  return 1;
}
