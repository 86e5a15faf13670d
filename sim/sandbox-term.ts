// The interactive terminal's state beside the sandbox's shell (sim/sandbox.ts; protocol in
// sim/README.md, "Interactive terminal"): open streams, background jobs, container shells, and the
// journal of API writes replayed into forked re-runs. All of it is plain JSON, kept in snapshots.

import type { ApiRequest } from "./core/api-types";
import type { Entry } from "./core/vfs";
import type { Cluster, ClusterState } from "./cluster";
import type { ShellState } from "./shell/interpreter";
import type { JobView } from "./shell/jobs";
import type { Shown } from "./shell/stream-output";
import type { ContainerSession } from "./shell/container-session";
import type { PendingInteractive } from "./editor/session";

/** The most virtual time one call fast-forwards (an idle day costs ~0.1–0.5 s). */
export const MAX_CATCH_UP_MS = 24 * 3600 * 1000;

/** A state the sandbox can re-run a streaming line from. */
export interface BaseState {
  cluster: ClusterState;
  fs: Record<string, Entry>;
  shell: ShellState;
}

/** A line that is still running: it is re-run from `base` up to each poll's time (deterministic). */
export interface StreamRun {
  line: string;
  base: BaseState;
  /** The virtual time it has run to. */
  horizon: number;
  shown: Shown;
  /** A background job's line runs in a subshell (its variables do not reach the terminal's shell). */
  subshell: boolean;
  /** The jobs when the line started, as later re-runs see them. */
  jobsAtStart: JobView[];
  /** Where in TermState.journal the writes this run did not make itself start (forked re-runs). */
  journalFrom: number;
  /** Local listeners (kubectl proxy, port-forward) its first run opened on the terminal's machine: closed when it ends. */
  listeners?: number[];
  /** A line typed in a container shell: the shell as it was when the line started. */
  container?: ContainerSession;
}

/** A write to the API made by another line while forked runs were open, replayed into their copies. */
export interface JournalEntry {
  at: number;
  req: ApiRequest;
}

/** Writes kept for forked runs; beyond this they stop seeing the learner's changes. */
export const MAX_JOURNAL = 5000;

export interface JobState extends JobView {
  run: StreamRun;
  /** Finished or killed, the notice not printed yet. */
  notify: boolean;
}

export interface OpenStream {
  id: number;
  run: StreamRun;
  /** A job brought back with `fg`: it runs on its own copy of the cluster (as in the background). */
  job?: JobState;
  /** Another line ran meanwhile (a second terminal tab): from then on the stream runs on its own
   *  copy of the cluster, like a job, so that line's changes stay. */
  detached?: boolean;
  /** The terminal session (tab) that runs it; absent: session 1. */
  session?: number;
}

/**
 * One terminal session (a browser tab), as a login over ssh to the same machine: its own shell
 * (directory, variables, aliases, history), ssh stack, container shells, jobs and editor; the
 * cluster and the files are shared. The active session's parts live in the sandbox's shell and
 * in TermState; the others wait here.
 */
export interface TermSession {
  shell: ShellState;
  /** The ssh stack (sim/hosts HostsState.session). */
  ssh: { host: string; cwd: string }[];
  jobs: JobState[];
  sessions: ContainerSession[];
  editor?: PendingInteractive;
}

/** Terminal sessions (tabs) per sandbox: ids 1 to MAX_SESSIONS. */
export const MAX_SESSIONS = 4;

export function validSession(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_SESSIONS;
}

/** Streams kept open at once (terminal tabs); opening more ends the oldest. */
export const MAX_STREAMS = 4;

/** The interactive terminal's state: the open stream, background jobs. Plain JSON, in snapshots. */
export interface TermState {
  nextStreamId: number;
  nextPid: number;
  /** Open streams, oldest first. */
  streams: OpenStream[];
  /** API writes made while streams or jobs ran on their own copies of the cluster (in time order). */
  journal: JournalEntry[];
  jobs: JobState[];
  /** Interactive container shells (`kubectl exec -it`), innermost last. */
  sessions: ContainerSession[];
  /** An editor the browser is running, and what resumes when it quits (sim/editor/session.ts). */
  editor?: PendingInteractive;
  /** The session whose parts are live above (absent: 1). */
  active?: number;
  /** The other sessions, by id. */
  others?: Record<string, TermSession>;
}

export function emptyTerm(): TermState {
  return { nextStreamId: 1, nextPid: 4242, streams: [], journal: [], jobs: [], sessions: [] };
}

/** Copies the mutable parts (the bases are immutable and shared). */
export function copyTerm(t: TermState): TermState {
  const run = (r: StreamRun): StreamRun => ({ ...r, shown: { ...r.shown }, jobsAtStart: r.jobsAtStart.map((j) => ({ ...j })) });
  const job = (j: JobState): JobState => ({ ...j, run: run(j.run) });
  const session = (x: TermSession): TermSession => ({ ...x, shell: structuredClone(x.shell), ssh: structuredClone(x.ssh), jobs: x.jobs.map(job), sessions: structuredClone(x.sessions) });
  return {
    ...(t.active !== undefined ? { active: t.active } : {}),
    ...(t.others ? { others: Object.fromEntries(Object.entries(t.others).map(([k, x]) => [k, session(x)])) } : {}),
    nextStreamId: t.nextStreamId,
    nextPid: t.nextPid,
    jobs: t.jobs.map(job),
    sessions: structuredClone(t.sessions ?? []),
    ...(t.editor ? { editor: t.editor } : {}),
    journal: [...(t.journal ?? [])],
    streams: (t.streams ?? []).map((s) => ({ ...s, run: run(s.run), ...(s.job ? { job: job(s.job) } : {}) })),
  };
}

/** Makes a forked cluster receive the journaled writes at their virtual times as its clock passes them. */
export function injectWrites(cluster: Cluster, writes: JournalEntry[]): void {
  if (!writes.length) return;
  let k = 0;
  const advance = cluster.advanceTo.bind(cluster);
  const next = cluster.nextEventAt.bind(cluster);
  cluster.advanceTo = (t: number) => {
    while (k < writes.length && writes[k].at <= t) {
      const w = writes[k++];
      if (w.at > cluster.now()) advance(w.at);
      cluster.request(structuredClone(w.req));
    }
    advance(t);
  };
  cluster.nextEventAt = () => {
    const n = next();
    const w = k < writes.length ? writes[k].at : undefined;
    return n === undefined ? w : w === undefined ? n : Math.min(n, w);
  };
}

/** A re-run goes to `now` (+1 ms: what happens at `now` is shown), at most a day further per call. */
export function nextHorizon(run: StreamRun, now: number): number {
  return Math.min(now + 1, run.horizon + MAX_CATCH_UP_MS);
}
