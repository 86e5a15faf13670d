// bash's job control as the learner sees it: `CMD &` prints `[1] 4242`, `jobs` lists
// `[1]+  Running                 kubectl proxy &`, `fg`/`kill %1` take a job by its spec, and a
// finished job is reported before the next prompt (`[1]+  Done                    sleep 5`).
// Formats from bash's jobs.c (pretty_print_job: "[%d]%c  %-24s%s", the current job marked `+`,
// the previous one `-`). The sandbox runs the jobs (sim/sandbox.ts); this module is their shape.

import { Lexer } from "./lexer";

export type JobStatus = "Running" | "Done" | "Terminated" | { exit: number };

export interface JobView {
  n: number;
  pid: number;
  /** The command as typed, without the trailing `&`. */
  command: string;
  status: JobStatus;
}

/** The line without its trailing `&` when it asks to run in the background (`a &`, not `a && b`). */
export function backgroundCommand(line: string): string | undefined {
  let toks;
  try {
    toks = new Lexer(line).tokens();
  } catch {
    return undefined;
  }
  const meaningful = toks.filter((t) => t.kind !== "eof" && t.kind !== "newline");
  const last = meaningful[meaningful.length - 1];
  if (!last || last.kind !== "op" || last.op !== "&" || meaningful.length < 2) return undefined;
  // Heredocs keep their bodies after the operator: leave such lines to the shell.
  if (toks.some((t) => t.kind === "heredoc")) return undefined;
  return line.slice(0, last.pos).trimEnd();
}

function statusWord(s: JobStatus): string {
  if (typeof s === "object") return `Exit ${s.exit}`;
  return s;
}

/** One line of `jobs` or of a notice: `[1]+  Running                 kubectl proxy &`. */
export function jobLine(job: JobView, mark: "+" | "-" | " "): string {
  const suffix = job.status === "Running" ? " &" : "";
  return `[${job.n}]${mark}  ${statusWord(job.status).padEnd(24)}${job.command}${suffix}\n`;
}

/** The `+`/`-` marks: the newest job is current, the one before it previous. */
export function jobMark(jobs: JobView[], n: number): "+" | "-" | " " {
  const ns = jobs.map((j) => j.n);
  if (ns[ns.length - 1] === n) return "+";
  if (ns[ns.length - 2] === n) return "-";
  return " ";
}

/** Resolves a job spec (`%1`, `1`, `%%`, `%+`, `%-`, `%kub`, none: the current job). */
export function findJob(jobs: JobView[], spec: string | undefined): JobView | undefined {
  if (!jobs.length) return undefined;
  if (spec === undefined || spec === "%" || spec === "%%" || spec === "%+") return jobs[jobs.length - 1];
  if (spec === "%-") return jobs[jobs.length - 2] ?? jobs[jobs.length - 1];
  const body = spec.startsWith("%") ? spec.slice(1) : spec;
  if (/^\d+$/.test(body)) return jobs.find((j) => j.n === Number(body));
  if (body.startsWith("?")) return jobs.find((j) => j.command.includes(body.slice(1)));
  return jobs.find((j) => j.command.startsWith(body));
}

/** The next job number: one more than the highest in use, as bash numbers them. */
export function nextJobNumber(jobs: JobView[]): number {
  return jobs.reduce((m, j) => Math.max(m, j.n), 0) + 1;
}
