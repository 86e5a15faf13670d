// `jobs`, `fg`, `bg`, `kill` and `wait` as bash's builtins (texts from bash's jobs.def and
// kill.def). The job table belongs to the sandbox (sim/sandbox.ts), which plugs in through
// `Shell.jobControl`; without one (the headless runner, container shells) there are no jobs.

import type { Shell } from "./interpreter";
import type { Io } from "./redirect";
import { findJob, jobLine, jobMark, type JobView } from "./jobs";

/** What the shell may ask of the sandbox's job table. */
export interface JobControl {
  list(): JobView[];
  /** Ends a running job with a signal ("Terminated", "Killed"); the notice follows the line. */
  kill(n: number, signal: "Terminated" | "Killed"): void;
  /** Brings a job to the foreground once the line ends (it becomes the line's stream). */
  foreground(n: number): void;
  /** `jobs` reported these finished jobs: forget them. */
  forget(ns: number[]): void;
}

function jobs(sh: Shell, argv: string[], io: Io): number {
  const all = sh.jobControl?.list() ?? [];
  const pidsOnly = argv.includes("-p");
  const longFormat = argv.includes("-l");
  const shown = argv.slice(1).filter((a) => !a.startsWith("-"));
  const selected: JobView[] = [];
  for (const spec of shown) {
    const j = findJob(all, spec);
    if (!j) {
      io.err(`bash: jobs: ${spec}: no such job\n`);
      return 1;
    }
    selected.push(j);
  }
  for (const j of shown.length ? selected : all) {
    if (pidsOnly) io.out(`${j.pid}\n`);
    else if (longFormat) io.out(jobLine(j, jobMark(all, j.n)).replace(/^(\[\d+\][+\- ] {2})/, `$1${j.pid} `));
    else io.out(jobLine(j, jobMark(all, j.n)));
  }
  sh.jobControl?.forget(all.filter((j) => j.status !== "Running").map((j) => j.n));
  return 0;
}

function fg(sh: Shell, argv: string[], io: Io): number {
  const spec = argv[1];
  const j = findJob(sh.jobControl?.list() ?? [], spec);
  if (!j) {
    io.err(`bash: fg: ${spec ?? "current"}: no such job\n`);
    return 1;
  }
  if (j.status !== "Running") {
    io.err(`bash: fg: job has terminated\n`);
    return 1;
  }
  io.out(`${j.command}\n`);
  sh.jobControl!.foreground(j.n);
  return 0;
}

function bg(sh: Shell, argv: string[], io: Io): number {
  const spec = argv[1];
  const j = findJob(sh.jobControl?.list() ?? [], spec);
  if (!j) {
    io.err(`bash: bg: ${spec ?? "current"}: no such job\n`);
    return 1;
  }
  if (j.status === "Running") {
    io.err(`bash: bg: job ${j.n} already in background\n`);
    return 0;
  }
  io.err(`bash: bg: job has terminated\n`);
  return 1;
}

const SIGNALS: Record<string, "Terminated" | "Killed"> = { "9": "Killed", KILL: "Killed", SIGKILL: "Killed", "15": "Terminated", TERM: "Terminated", SIGTERM: "Terminated" };

function kill(sh: Shell, argv: string[], io: Io): number {
  let signal: "Terminated" | "Killed" = "Terminated";
  let i = 1;
  if (argv[i] === "-l") {
    io.out(" 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n");
    return 0;
  }
  if (argv[i] === "-s" || argv[i] === "-n") {
    signal = SIGNALS[(argv[i + 1] ?? "").toUpperCase()] ?? "Terminated";
    i += 2;
  } else if (argv[i]?.startsWith("-") && argv[i] !== "--") {
    signal = SIGNALS[argv[i].slice(1).toUpperCase()] ?? "Terminated";
    i++;
  }
  if (argv[i] === "--") i++;
  const targets = argv.slice(i);
  if (!targets.length) {
    io.err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n");
    return 2;
  }
  const all = sh.jobControl?.list() ?? [];
  let status = 0;
  for (const t of targets) {
    const j = t.startsWith("%") ? findJob(all, t) : /^\d+$/.test(t) ? all.find((x) => x.pid === Number(t)) : undefined;
    if (!j || j.status !== "Running") {
      if (t.startsWith("%")) io.err(`bash: kill: ${t}: no such job\n`);
      else if (/^\d+$/.test(t)) io.err(`bash: kill: (${t}) - No such process\n`);
      else io.err(`bash: kill: ${t}: arguments must be process or job IDs\n`);
      status = 1;
      continue;
    }
    sh.jobControl!.kill(j.n, signal);
  }
  return status;
}

/** `wait` cannot block a request/response terminal: it returns at once, as for finished jobs. */
function wait(): number {
  return 0;
}

export const JOB_BUILTINS = { jobs, fg, bg, kill, wait };
