// `watch [-n SECS] [-t] CMD...` (procps-ng watch): clears the screen every interval and shows the
// header (`Every 2.0s: CMD` on the left, `HOST: DATE` on the right of an 80-column screen), a
// blank line, then CMD's output (run with `sh -c`). It runs until the deadline: a browser
// terminal's stream horizon (Ctrl-C ends it) or `timeout N`. With neither (the headless runner
// without timeout) there is no screen to redraw, so it says so instead of running forever.

import type { Shell } from "./interpreter";
import type { Io } from "./redirect";
import { MAX_SLEEP_MS } from "./coreutils/sleep";

const WIDTH = 80;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function ctime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export function watchBuiltin(sh: Shell, argv: string[], io: Io): number {
  let interval = 2;
  let title = true;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith("-"); i++) {
    const a = argv[i];
    if (a === "--") {
      i++;
      break;
    }
    if (a === "-t" || a === "--no-title") title = false;
    else if (a === "-n" || a === "--interval") interval = Number(argv[++i]);
    else if (a.startsWith("-n")) interval = Number(a.slice(2));
    else if (a.startsWith("--interval=")) interval = Number(a.slice(11));
    else if (!["-d", "--differences", "-x", "--exec", "-c", "--color", "-w", "--no-wrap"].includes(a)) {
      io.err(`watch: invalid option -- '${a.replace(/^-+/, "")}'\n\nUsage:\n watch [options] command\n`);
      return 1;
    }
  }
  if (!Number.isFinite(interval)) {
    io.err(`watch: failed to parse argument: '${argv[i - 1]}'\n`);
    return 1;
  }
  interval = Math.max(0.1, interval);
  const cmd = argv.slice(i).join(" ");
  if (!cmd) {
    io.err("\nUsage:\n watch [options] command\n");
    return 1;
  }
  const port = sh.host.cluster;
  const limit = sh.cutAt === undefined ? sh.deadline : Math.min(sh.deadline ?? Infinity, sh.cutAt);
  if (limit === undefined) {
    io.err(`watch: full-screen commands need the browser terminal here; try \`kubectl get -w\`, or \`timeout 10 watch ${cmd}\`\n`);
    return 1;
  }
  const stop = Math.min(limit, port.now() + MAX_SLEEP_MS);
  for (;;) {
    sh.clearRequested = true;
    sh.onClear();
    if (title) {
      const left = `Every ${interval.toFixed(1)}s: ${cmd}`;
      const right = `${sh.host.hostname}: ${ctime(port.now())}`;
      io.out(`${left}${" ".repeat(Math.max(1, WIDTH - left.length - right.length))}${right}\n\n`);
    }
    sh.subshell(() => sh.runSource(cmd, { stdin: "", out: io.out, err: io.out }));
    const next = port.now() + interval * 1000;
    if (next > stop) {
      if (stop > port.now()) port.advanceTo(stop);
      return 0;
    }
    port.advanceTo(next);
  }
}
