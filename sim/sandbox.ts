// The public API of the simulator: a sandbox is one simulated cluster plus the learner's shell on
// its control-plane machine. The caller owns time: every exec passes `now` (ms since the epoch).
//
// Contracts:
// - exec advances the cluster to `now` (never backwards), then runs the line (it may span lines:
//   heredocs). Output is stdout and stderr interleaved, capped at LIMITS.outputBytes, and passed
//   through escapeTerminal (no control characters but \n and \t). `clear` sets `clear: true`.
// - A line that hits a limit or fails internally leaves the sandbox exactly as before (the
//   line still enters the history) and prints the limit's message or "internal error: ...".
// - `exit` ends the line with its status; the sandbox stays usable.
// - pods/exec: see shell/container-exec.ts (body { command, container, stdin } → { stdout, stderr, exitCode }).

import type { ApiRequest, ApiResponse } from "./core/api-types";
import { LIMIT_MESSAGES, LIMITS, LimitError } from "./core/limits";
import { pack, unpack } from "./core/pack";
import { MemoryFs, type Entry } from "./core/vfs";
import type { Program } from "./core/process";
import type { Cluster, ClusterState } from "./cluster";
import { createCluster, restoreCluster } from "./world";
import type { TopologyName } from "./controllers/topology";
import { summarizePod } from "./apiserver/printers/pod";
import { nodeRoles, nodeStatus } from "./apiserver/printers/node";
import type { KubeList, KubeObject } from "./api/types";
import { ExitSignal, initialShellState, Shell, StreamCut, type ShellState } from "./shell/interpreter";
import { backgroundCommand, jobLine, jobMark, nextJobNumber, type JobView } from "./shell/jobs";
import type { JobControl } from "./shell/job-builtins";
import { unseen } from "./shell/stream-output";
import {
  copyTerm,
  emptyTerm,
  injectWrites,
  MAX_CATCH_UP_MS,
  MAX_JOURNAL,
  MAX_STREAMS,
  nextHorizon,
  type BaseState,
  type JobState,
  type OpenStream,
  type StreamRun,
  type TermSession,
  type TermState,
  validSession,
  MAX_SESSIONS,
} from "./sandbox-term";
import { complete as completeLine, type Completion } from "./shell/completion";
import { reverseSearch, type HistoryMatch } from "./shell/history-search";
import { BUILTINS } from "./shell/builtins";
import { containerFs } from "./shell/container-exec";
import { pathFor } from "./kubectl/framework/api";
import { contextNamespace, kubeconfigPath, readKubeconfig } from "./kubectl/framework/kubeconfig";
import { coreutils } from "./shell/coreutils/index";
import { escapeTerminal } from "./shell/escape";
import { TerminalOutput } from "./shell/terminal";
import { registerPodExec, setContainerResolver, setContainerWriter, withMountDirs, withShellOpener, type ExecTarget } from "./shell/container-exec";
import { openSession, runSessionLine, sessionPrompt, type ContainerSession } from "./shell/container-session";
import { applyContainerWrites, containerContext } from "./node/index";
import { kubectl } from "./kubectl/index";
import { writeDefaultKubeconfig } from "./kubectl/framework/kubeconfig";
import { DEFAULT_NODES } from "./controllers/topology";
import { splitScript } from "./shell/script";
import { attachHints, attachHosts, closeListeners, hostPrograms, hostPrompt, leaveHost, openListeners, setSshStack, sshStack, type AttachHints } from "./hosts/index";
import { TerminalSession, type CompleteInput } from "./editor/terminal-session";
import type { InteractiveRequest } from "./editor/session";

// kubectl exec sees containers as the kubelet runs them (image files, volumes, expanded env).
setContainerResolver(containerContext);
// What an exec writes stays in the container (and under emptyDir, in the pod's other containers).
setContainerWriter(applyContainerWrites);

export type { TopologyName } from "./controllers/topology";

export interface SandboxOptions {
  seed?: number;
  topology?: TopologyName;
  /** The start time, ms since the Unix epoch. */
  now: number;
}

export interface ExecOptions {
  /** The wall-clock time of the request, ms since the epoch: the cluster catches up to it first. */
  now: number;
  /**
   * A browser terminal (see sim/README.md, "Interactive terminal"): a line that lets time pass
   * streams (ExecResult.stream), `CMD &` runs in the background. The headless runner leaves it
   * unset: watching commands then stop at `timeout N` or when the cluster goes quiet, as before.
   */
  interactive?: boolean;
  /**
   * The terminal session (browser tab) the line is typed in, 1 (default) to MAX_SESSIONS: each has
   * its own shell (directory, variables, aliases, history), ssh stack, container shells and jobs,
   * on the same cluster and files (see resetSession).
   */
  session?: number;
  /**
   * Skip the copy of the state taken before the line so that a failure inside the simulator can
   * roll back to it (it costs a copy-on-write round of the cluster's state per line). For a caller
   * that keeps the state itself, as the web app does (a stored snapshot and the command log): when
   * the line then fails inside the simulator (an internal error or a limit), the sandbox cannot be
   * used any more (`ExecResult.broken`; every later call throws), and the caller rebuilds it and
   * runs the line again without this option, which prints the message and leaves it unchanged.
   */
  unguarded?: boolean;
}

/** Thrown by every call on a sandbox whose unguarded line failed (ExecOptions.unguarded). */
export class BrokenSandboxError extends Error {
  constructor() {
    super("this sandbox ran an unguarded line that failed: rebuild it (ExecOptions.unguarded)");
  }
}

/** What a stream printed since the last poll (see Sandbox.poll). */
export interface StreamUpdate {
  output: string;
  /** Clear the screen before showing `output` (watch redraws). */
  clear?: boolean;
  /** The line ended (by itself or by interrupt): show `prompt` and accept input again. */
  done: boolean;
  exitCode?: number;
  prompt?: string;
}

export interface ExecResult {
  /** What the terminal shows: stdout and stderr interleaved, escaped (no control characters but \n and \t). */
  output: string;
  exitCode: number;
  /** The prompt to show for the next line ("controlplane $ "). */
  prompt: string;
  /** Present and true when the line ran `clear`: clear the screen, then show `output`. */
  clear?: boolean;
  /**
   * Interactive only: the line is still running (a watch, `sleep`, `fg`). Show `output`, no prompt;
   * call poll(id) for more and interrupt(id) on Ctrl-C. `prompt` is "" meanwhile.
   */
  stream?: { id: number };
  /**
   * Interactive only: the line opened a full-screen editor (vi, nano, kubectl edit). Run it in the
   * browser (sim/editor BrowserEditorSession) and send its result to completeInteractive.
   */
  interactive?: InteractiveRequest;
  /** Present and true when an unguarded line failed (ExecOptions.unguarded): discard this sandbox. */
  broken?: boolean;
}

/**
 * The snapshot format: 2 stores derived ids as counters in packed parts (sim/core/ids.ts) and may
 * pack the shell history. restoreSandbox refuses any other version.
 */
export const SNAPSHOT_VERSION = 2;

export interface SandboxSnapshot {
  version: typeof SNAPSHOT_VERSION;
  topology: TopologyName;
  cluster: ClusterState;
  fs: Record<string, Entry>;
  /** In a stored snapshot with a long history, `shell.history` is empty and `packedHistory` holds it. */
  shell: ShellState;
  packedHistory?: string;
  /** Interactive terminals: the open stream and background jobs. */
  term?: TermState;
  /**
   * What attaching the restored shell to the machines need not read (sim/hosts AttachHints).
   * Absent (snapshots before it): it reads them.
   */
  attach?: AttachHints;
}

export interface PodView {
  name: string;
  namespace: string;
  phase: string;
  /** The STATUS column of `kubectl get pods` (Running, CrashLoopBackOff, Pending, Terminating, ...). */
  status: string;
  /** The READY column ("1/2"). */
  ready: string;
  restarts: number;
}

export interface NodeView {
  name: string;
  /** "Ready", "NotReady" or "Unknown", with ",SchedulingDisabled" when cordoned. */
  status: string;
  ready: boolean;
  roles: string[];
  pods: PodView[];
}

export interface ClusterView {
  now: number;
  nodes: NodeView[];
  /** Pods not bound to any node (Pending). */
  unscheduled: PodView[];
}

export interface Sandbox {
  exec(line: string, opts: ExecOptions): ExecResult;
  /** The output a stream (ExecResult.stream.id) printed up to `now` (the clock advances to it). */
  poll(id: number, opts: { now: number }): StreamUpdate;
  /** Ctrl-C: the stream's output up to `now`, then `^C`; exit status 130. */
  interrupt(id: number, opts: { now: number }): StreamUpdate;
  /** Background jobs, as `jobs` lists them. */
  jobs(): JobView[];
  /**
   * Starts terminal session `id` afresh (a new tab): what ran there ends (jobs, streams, container
   * shells); the new login shell starts on the first machine with the sandbox's history.
   */
  resetSession(id: number): { prompt: string; history: string[] };
  /** Tab: the words that complete the one at `cursor` (read-only; see shell/completion.ts). */
  complete(line: string, cursor?: number, session?: number): Completion;
  /** The editor that ExecResult.interactive opened has quit: write the file (when saved) and run what waited. */
  completeInteractive(input: CompleteInput, opts: { now: number; session?: number }): ExecResult;
  /** The editor still waiting for completeInteractive (after a page reload), if any. */
  pendingInteractive(session?: number): InteractiveRequest | undefined;
  /** Ctrl-R: the newest history entry before index `before` (default: the end) containing `query`. */
  searchHistory(query: string, before?: number): HistoryMatch | undefined;
  /**
   * The whole state as plain JSON. It shares immutable parts (stored API objects, file entries)
   * with the running sandbox, which is what makes it cheap: serialize it or hand it to
   * restoreSandbox, but do not mutate it.
   */
  snapshot(): SandboxSnapshot;
  advanceTo(now: number): void;
  /** A read-only API request (GET only), for graders and pictures. */
  read(req: ApiRequest): ApiResponse;
  clusterView(): ClusterView;
  /**
   * The API store's resourceVersion: it moves whenever an API object changes, so what is derived
   * from the objects alone (clusterView but its `now`) can be cached under it.
   */
  resourceVersion(): number;
  /** The resourceVersion of the last change clusterView() shows (a pod or a node): its cache key. */
  clusterViewVersion(): number;
  /** The prompt to show next (in terminal session `session`, default the one that ran last). */
  prompt(session?: number): string;
  now(): number;
  history(): string[];
}

/** The most virtual time one exec or advanceTo call fast-forwards (an idle day costs ~0.1–0.5 s). */
export { MAX_CATCH_UP_MS };
export type { TermState } from "./sandbox-term";

/** Extra programs on the shell's PATH (kubectl registers itself here). */
const extraPrograms: Record<string, Program> = Object.create(null);

export function registerProgram(name: string, program: Program): void {
  extraPrograms[name] = program;
}

export function createSandbox(opts: SandboxOptions): Sandbox {
  const topology = opts.topology ?? "default";
  const cluster = createCluster({ seed: opts.seed ?? 1, topology, now: opts.now });
  const hostname = hostnameOf(topology);
  const fs = new MemoryFs();
  for (const dir of ["/root", "/root/.kube", "/tmp", "/etc", "/usr", "/usr/bin", "/var", "/var/log"]) fs.mkdir(dir, { parents: true, mtime: opts.now });
  // The API server address kubeadm writes: the control-plane node's IP (minikube: its own default).
  writeDefaultKubeconfig(fs, topology, topology === "default" ? `https://${DEFAULT_NODES[0].ip}:6443` : undefined);
  return new SimSandbox(topology, cluster, fs, initialShellState(hostname));
}

export interface ScriptStep {
  command: string;
  output: string;
  exitCode: number;
}

/** The headless runner's contract: 2026-01-01T00:00:00Z unless told otherwise. */
export const DEFAULT_START_MS = Date.UTC(2026, 0, 1);

/**
 * Runs a scenario script (one command per line; `#` comments and blank lines skipped; heredocs
 * span lines) in a fresh sandbox, each command at the sandbox's current virtual time.
 */
export function runScript(text: string, opts: Partial<SandboxOptions> = {}): { steps: ScriptStep[]; sandbox: Sandbox } {
  const sandbox = createSandbox({ seed: opts.seed ?? 1, topology: opts.topology ?? "default", now: opts.now ?? DEFAULT_START_MS });
  const steps = splitScript(text).map((command) => {
    const r = sandbox.exec(command, { now: sandbox.now() });
    return { command, output: r.output, exitCode: r.exitCode };
  });
  return { steps, sandbox };
}

/**
 * Continues a snapshot. The sandbox takes ownership of `json`: do not mutate it afterwards.
 * Throws on a snapshot of another format version (older snapshots are not converted).
 */
export function restoreSandbox(json: SandboxSnapshot): Sandbox {
  const snap = json;
  const version = (snap as { version?: unknown } | null)?.version;
  if (version !== SNAPSHOT_VERSION) {
    throw new Error(`cannot restore a sandbox snapshot of format version ${JSON.stringify(version ?? null)}: this simulator reads version ${SNAPSHOT_VERSION} only`);
  }
  const shell = snap.packedHistory === undefined ? snap.shell : { ...snap.shell, history: unpack<string[]>(snap.packedHistory, { dictionary: false }) };
  return new SimSandbox(snap.topology, restoreCluster(snap.cluster), new MemoryFs(snap.fs), reviveShellState(shell), snap.term ? copyTerm(snap.term) : emptyTerm(), snap.attach);
}

/** Histories longer than this (characters) are packed in stored snapshots. */
const PACK_HISTORY_CHARS = 1024;

function hostnameOf(topology: TopologyName): string {
  return topology === "minikube" ? "minikube" : "controlplane";
}

/**
 * JSON drops null prototypes; give the maps keyed by user input their safe shape back. Also the
 * shell state's copy: every leaf is a string or a number, so this copies it all.
 */
function reviveShellState(s: ShellState): ShellState {
  const vars = Object.assign(Object.create(null) as Record<string, string>, s.vars);
  const aliases = Object.assign(Object.create(null) as Record<string, string>, s.aliases);
  return { ...s, vars, aliases, exported: [...s.exported], history: [...s.history] };
}

class SimSandbox implements Sandbox {
  private shell: Shell;
  /** Set by `fg` during a line: that job becomes the line's stream. */
  private pendingFg: number | undefined;
  /** An unguarded line failed (ExecOptions.unguarded): the state is half-changed, nothing may use it. */
  private broken = false;

  private usable(): void {
    if (this.broken) throw new BrokenSandboxError();
  }
  private historyPack?: { key: string; packed: string };

  constructor(
    private readonly topology: TopologyName,
    private cluster: Cluster,
    private fs: MemoryFs,
    shellState: ShellState,
    private term: TermState = emptyTerm(),
    attach?: AttachHints,
  ) {
    this.shell = this.makeShell(shellState, attach);
  }

  private makeShell(state: ShellState, attach?: AttachHints): Shell {
    registerPodExec(this.cluster);
    const programs = Object.assign(Object.create(null) as Record<string, Program>, coreutils(), { kubectl }, hostPrograms(), extraPrograms);
    const shell = new Shell({ fs: this.fs, cluster: this.cluster, hostname: hostnameOf(this.topology), programs }, state);
    // Nodes as hosts (sim/hosts): the shell's files are the machine's; `ssh node01` moves it.
    attachHosts(this.cluster, shell, this.fs, hostnameOf(this.topology), attach);
    return shell;
  }

  exec(rawLine: string, opts: ExecOptions): ExecResult {
    // Terminals send Enter as \r; pasted text may carry \r\n.
    const line = rawLine.replace(/\r\n?/g, "\n");
    if (line.length > LIMITS.commandLineBytes) return this.result(LIMIT_MESSAGES.commandLineBytes + "\n", 1);
    this.usable();
    if (!this.useSession(opts.session)) return this.result(sessionError(opts.session), 1);
    const before = opts.unguarded ? undefined : this.checkpoint();
    const term = new TerminalOutput();
    let exitCode: number;
    let clear = false;
    try {
      // Open streams go on beside this line (another tab's), each on its own copy of the cluster.
      for (const st of this.term.streams) if (!st.detached) Object.assign(st, { detached: true, run: { ...st.run, journalFrom: this.term.journal.length } });
      if (opts.now > this.cluster.now()) this.cluster.advanceTo(this.reachable(opts.now));
      if (opts.interactive) return this.journaled(() => this.execInteractive(line, opts.now));
      this.recordHistory(line);
      exitCode = this.withEditors(false, () => this.runLine(line, term)) as number;
      clear = this.shell.clearRequested;
    } catch (e) {
      if (!before) {
        this.broken = true;
        return { output: "", exitCode: 1, prompt: "", broken: true };
      }
      this.rollback(before);
      const message = e instanceof LimitError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (the sandbox was left unchanged)`;
      this.recordHistory(line);
      return this.result(message + "\n", 1);
    }
    const out = this.result(term.text(), exitCode);
    return clear ? { ...out, clear: true } : out;
  }

  /**
   * Runs a line to its end, or (with `cutAt`) until it lets virtual time reach `cutAt`: then it
   * returns "cut" and the line is re-run from its start later (see StreamRun).
   */
  private runLine(line: string, term: TerminalOutput, run?: { cutAt: number; subshell: boolean; jobs: JobControl }): number | "cut" {
    const sh = this.shell;
    sh.beginLine();
    sh.onClear = () => term.reset();
    sh.currentErr = term.write;
    sh.terminal = term.write;
    sh.cutAt = run?.cutAt;
    sh.jobControl = run?.jobs;
    let status: number;
    const io = { stdin: "", out: term.write, err: term.write };
    try {
      status = run?.subshell ? sh.subshell(() => sh.runSource(line, io)) : sh.runSource(line, io);
    } catch (e) {
      if (e instanceof StreamCut) return "cut";
      if (!(e instanceof ExitSignal)) throw e;
      status = e.code;
      // `exit` in an ssh session closes it and returns to the previous machine.
      leaveHost(this.cluster, term.write);
    } finally {
      sh.cutAt = undefined;
      sh.jobControl = undefined;
    }
    sh.state.lastStatus = status;
    return status;
  }

  // ---- Interactive terminals: streams and background jobs (sim/README.md, "Interactive terminal").
  // A line that lets virtual time pass beyond the request's `now` is cut there (Shell.cutAt) and
  // becomes a stream. Each poll re-runs it from the state it started in up to the poll's time:
  // the simulator is deterministic, so the output grows as a prefix and only the unseen part is
  // sent. The terminal's state is the re-run's (a foreground line is all that happens meanwhile).
  // Background jobs re-run the same way on a copy of the cluster, so the learner's own commands
  // change the real one meanwhile (a job does not see them: a known simplification).

  private execInteractive(line: string, now: number): ExecResult {
    let out = "";
    out += this.advanceJobs(now);
    this.recordHistory(line);
    if (this.term.sessions.length) return this.execInSession(line, out, now);
    const bg = backgroundCommand(line);
    if (bg !== undefined) return this.result(out + this.startJob(bg, now) + this.jobNotices(), 0);
    const run = this.newRun(line, now, false);
    const term = new TerminalOutput();
    this.pendingFg = undefined;
    const had = openListeners(this.cluster);
    const status = this.runOpening(line, term, run.horizon, this.jobControl());
    run.listeners = openListeners(this.cluster).filter((id) => !had.includes(id));
    const shown = unseen(run.shown, term);
    const clear = this.shell.clearRequested || shown.clear;
    const fg = this.pendingFg !== undefined ? this.term.jobs.find((j) => j.n === this.pendingFg) : undefined;
    this.pendingFg = undefined;
    let opened: OpenStream | undefined;
    if (status === "cut") opened = { id: this.term.nextStreamId++, run: { ...run, journalFrom: this.term.journal.length } };
    else if (fg) {
      this.term.jobs = this.term.jobs.filter((j) => j !== fg);
      opened = { id: this.term.nextStreamId++, run: fg.run, job: fg };
    }
    if (opened && this.activeSession() !== 1) opened.session = this.activeSession();
    if (opened) {
      const streams = [...this.term.streams, opened];
      for (const ended of streams.slice(0, -MAX_STREAMS)) this.endRun(ended.run);
      this.term.streams = streams.slice(-MAX_STREAMS);
      return { output: escapeTerminal(out + shown.text), exitCode: 0, prompt: "", stream: { id: opened.id }, ...(clear ? { clear } : {}) };
    }
    const res = this.withEditorRequest(this.result(out + shown.text + this.jobNotices(), status as number));
    return clear ? { ...res, clear: true } : res;
  }

  // ---- Editors (sim/editor/session.ts): vi, nano and kubectl edit hand the terminal to the browser.
  private editorOpened: InteractiveRequest | undefined;

  /** Runs a line with the editor port; `interactive`: a browser terminal can show the editor. */
  private withEditors<T>(interactive: boolean, fn: () => T): T {
    const session = new TerminalSession(this.term.editor);
    const result = session.run(this.shell, interactive, fn);
    this.term.editor = session.pending();
    this.editorOpened = session.request();
    return result;
  }

  private withEditorRequest(res: ExecResult): ExecResult {
    const request = this.editorOpened;
    this.editorOpened = undefined;
    return request ? { ...res, interactive: request } : res;
  }

  completeInteractive(input: CompleteInput, opts: { now: number; session?: number }): ExecResult {
    this.usable();
    if (!this.useSession(opts.session)) return this.result(sessionError(opts.session), 1);
    const before = this.checkpoint();
    const term = new TerminalOutput();
    let status: number;
    try {
      if (opts.now > this.cluster.now()) this.cluster.advanceTo(this.reachable(opts.now));
      const sh = this.shell;
      sh.beginLine();
      sh.currentErr = term.write;
      sh.terminal = term.write;
      const session = new TerminalSession(this.term.editor);
      const host = { fs: this.fs, cluster: this.cluster, hostname: hostnameOf(this.topology) };
      try {
        status = session.complete(sh, host, input, term.write, term.write);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        status = e.code;
      }
      sh.state.lastStatus = status;
      this.term.editor = session.pending();
      this.editorOpened = session.request();
    } catch (e) {
      this.rollback(before);
      const message = e instanceof LimitError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (the sandbox was left unchanged)`;
      return this.result(message + "\n", 1);
    }
    return this.withEditorRequest(this.result(term.text(), status));
  }

  pendingInteractive(session = 1): InteractiveRequest | undefined {
    if (session === this.activeSession()) return this.term.editor?.request;
    return this.term.others?.[session]?.editor?.request;
  }

  // ---- Terminal sessions (tabs): the active one's parts are live, the others wait in term.others.

  private activeSession(): number {
    return this.term.active ?? 1;
  }

  /** Makes `id` the live session (false: no such session). */
  private useSession(id = 1): boolean {
    if (!validSession(id)) return false;
    const cur = this.activeSession();
    if (id === cur) return true;
    const others = { ...(this.term.others ?? {}) };
    others[cur] = this.liveSession();
    const next = others[id] ?? this.freshSession();
    delete others[id];
    setSshStack(this.cluster, next.ssh);
    this.term = { ...this.term, others, active: id, jobs: next.jobs, sessions: next.sessions };
    if (next.editor) this.term.editor = next.editor;
    else delete this.term.editor;
    this.shell = this.makeShell(next.shell);
    return true;
  }

  private liveSession(): TermSession {
    return { shell: this.shell.state, ssh: sshStack(this.cluster), jobs: this.term.jobs, sessions: this.term.sessions, ...(this.term.editor ? { editor: this.term.editor } : {}) };
  }

  /** A new login: the first machine, a fresh shell with the sandbox's history (~/.bash_history). */
  private freshSession(): TermSession {
    const shell = initialShellState(hostnameOf(this.topology));
    shell.history = [...this.shell.state.history];
    return { shell, ssh: [], jobs: [], sessions: [] };
  }

  resetSession(id: number): { prompt: string; history: string[] } {
    this.usable();
    if (!validSession(id)) throw new Error(sessionError(id).trimEnd());
    if (id === this.activeSession()) this.useSession(id === 1 ? 2 : 1);
    const old = this.term.others?.[id];
    for (const j of old?.jobs ?? []) if (j.status === "Running") this.endRun(j.run);
    for (const st of this.term.streams.filter((x) => (x.session ?? 1) === id)) this.endRun(st.run);
    this.term.streams = this.term.streams.filter((x) => (x.session ?? 1) !== id);
    const fresh = this.freshSession();
    this.term.others = { ...(this.term.others ?? {}), [id]: fresh };
    return { prompt: this.homePrompt(), history: [...fresh.shell.history] };
  }

  /** A foreground line, where `kubectl exec -it POD -- sh` opens a container shell once the line ends. */
  private runOpening(line: string, term: TerminalOutput, cutAt: number, jobs: JobControl): number | "cut" {
    const opened: { target: ExecTarget; shell: string }[] = [];
    const status = withShellOpener((target, shell) => opened.push({ target, shell }), () => this.withEditors(true, () => this.runLine(line, term, { cutAt, subshell: false, jobs })));
    if (status === "cut") return status;
    for (const o of opened) {
      const found = containerContext(this.cluster.api, o.target.namespace, o.target.pod, o.target.container);
      if ("context" in found) this.term.sessions.push(openSession(o.target, o.shell, found.context, this.containerInstance(o.target)));
    }
    return status;
  }

  /** Which run of the container an exec reaches (its containerID; a restart makes a new one). */
  private containerInstance(t: ExecTarget): string | undefined {
    const res = this.cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${encodeURIComponent(t.namespace)}/pods/${encodeURIComponent(t.pod)}` });
    if (res.status !== 200) return undefined;
    const statuses: { name: string; containerID?: string; restartCount?: number }[] = (res.body as KubeObject).status?.containerStatuses ?? [];
    const st = statuses.find((c) => c.name === t.container) ?? (t.container === undefined ? statuses[0] : undefined);
    return st ? `${st.containerID ?? ""}#${st.restartCount ?? 0}` : undefined;
  }

  /**
   * A line typed in a container shell runs there; `exit` returns to the terminal's own shell. A
   * line that lets time pass (`sleep`, `tail -f`, `watch`) streams as on the host: it is re-run
   * from the container shell's state at its start (StreamRun.container).
   */
  private execInSession(line: string, out: string, now: number): ExecResult {
    const s = this.term.sessions[this.term.sessions.length - 1];
    const run = { ...this.newRun(line, now, false), container: structuredClone(s) };
    const term = new TerminalOutput();
    const status = this.runInContainer(s, line, term, run.horizon);
    const shown = unseen(run.shown, term);
    if (status === "cut") {
      const opened: OpenStream = { id: this.term.nextStreamId++, run: { ...run, journalFrom: this.term.journal.length } };
      if (this.activeSession() !== 1) opened.session = this.activeSession();
      const streams = [...this.term.streams, opened];
      for (const ended of streams.slice(0, -MAX_STREAMS)) this.endRun(ended.run);
      this.term.streams = streams.slice(-MAX_STREAMS);
      return { output: escapeTerminal(out + shown.text), exitCode: 0, prompt: "", stream: { id: opened.id }, ...(shown.clear ? { clear: true } : {}) };
    }
    const res = this.result(out + shown.text + this.jobNotices(), status);
    return shown.clear ? { ...res, clear: true } : res;
  }

  /**
   * Runs a line in container shell `s` (the top of term.sessions) up to `cutAt`, writing to `term`;
   * its file writes go back through the kubelet. A shell that exits, or whose container is gone,
   * is popped with kubectl's and bash's words for it.
   */
  private runInContainer(s: ContainerSession, line: string, term: TerminalOutput, cutAt: number): number | "cut" {
    const lookup = () => withMountDirs(this.cluster.api, s, containerContext(this.cluster.api, s.namespace, s.pod, s.container));
    const found = lookup();
    if ("error" in found || this.containerInstance(s) !== s.instance) {
      // The container is gone (deleted, restarted): the shell was killed with it.
      this.term.sessions.pop();
      this.shell.state.lastStatus = 137;
      term.write("command terminated with exit code 137\n");
      return 137;
    }
    const filesNow = () => {
      const f = lookup();
      return "context" in f ? f.context.files : undefined;
    };
    const r = runSessionLine(s, found.context, line, this.cluster, { cutAt, filesNow, term });
    if (Object.keys(r.changes).length) applyContainerWrites(this.cluster.api, s.namespace, s.pod, s.container, r.changes);
    if (r.cut) return "cut";
    if (r.exited) {
      this.term.sessions.pop();
      if (s.shell === "bash") term.write("exit\n");
      if (r.exitCode !== 0) term.write(`command terminated with exit code ${r.exitCode}\n`);
    }
    this.shell.state.lastStatus = r.exitCode;
    return r.exitCode;
  }

  /** Re-runs a streaming line on the terminal's state: in its container shell, or on the host. */
  private rerun(run: StreamRun, term: TerminalOutput, jobs: JobControl): number | "cut" {
    if (!run.container) return this.runOpening(run.line, term, run.horizon, jobs);
    const s = structuredClone(run.container);
    this.term.sessions = [...this.term.sessions.slice(0, -1), s];
    return this.runInContainer(s, run.line, term, run.horizon);
  }

  /**
   * Runs `fn` recording its API writes while forked runs (jobs, detached streams) are open, so
   * their copies of the cluster get them at the same virtual times (a watch in a background job or
   * another tab sees the pod this line creates).
   */
  private journaled<T>(fn: () => T): T {
    const running = (jobs: JobState[]) => jobs.some((j) => j.status === "Running");
    const forked = this.term.streams.some((x) => x.detached || x.job) || running(this.term.jobs) || Object.values(this.term.others ?? {}).some((o) => running(o.jobs));
    if (!forked) {
      this.term.journal = [];
      return fn();
    }
    const cluster = this.cluster;
    const request = cluster.request.bind(cluster);
    cluster.request = (req: ApiRequest) => {
      if (req.method !== "GET" && this.term.journal.length < MAX_JOURNAL) this.term.journal.push({ at: cluster.now(), req: structuredClone(req) });
      return request(req);
    };
    try {
      return fn();
    } finally {
      delete (cluster as { request?: unknown }).request;
    }
  }

  private newRun(line: string, now: number, subshell: boolean): StreamRun {
    const c = this.checkpoint();
    const jobsAtStart = this.term.jobs.map(({ n, pid, command, status }) => ({ n, pid, command, status }));
    return { line, base: { cluster: c.cluster, fs: c.fs, shell: c.shell }, horizon: Math.min(now, this.cluster.now()) + 1, shown: { frames: 0, chars: 0 }, subshell, jobsAtStart, journalFrom: this.term.journal.length };
  }

  private jobControl(): JobControl {
    return {
      list: () => this.term.jobs.map(({ n, pid, command, status }) => ({ n, pid, command, status })),
      kill: (n, signal) => {
        const j = this.term.jobs.find((x) => x.n === n);
        if (j && j.status === "Running") {
          Object.assign(j, { status: signal, notify: true });
          this.endRun(j.run);
        }
      },
      foreground: (n) => {
        this.pendingFg = n;
      },
      forget: (ns) => {
        this.term.jobs = this.term.jobs.filter((j) => !ns.includes(j.n));
      },
    };
  }

  /** Re-runs see the jobs as they were when the line started, and change nothing. */
  private frozenJobControl(jobs: JobView[]): JobControl {
    return { list: () => jobs.map((j) => ({ ...j })), kill: () => {}, foreground: () => {}, forget: () => {} };
  }

  /** `CMD &`: `[1] 4242`, then what the job prints by `now`; it keeps running on its own. */
  private startJob(command: string, now: number): string {
    const n = nextJobNumber(this.term.jobs);
    const pid = this.term.nextPid++;
    const run = this.newRun(command, now, true);
    const term = new TerminalOutput();
    const had = openListeners(this.cluster);
    const status = this.runLine(command, term, { cutAt: run.horizon, subshell: true, jobs: this.frozenJobControl(run.jobsAtStart) });
    run.listeners = openListeners(this.cluster).filter((id) => !had.includes(id));
    const text = unseen(run.shown, term).text;
    // The job's own writes are in its re-runs; the journal from here on is the learner's.
    run.journalFrom = this.term.journal.length;
    const job: JobState = { n, pid, command, status: "Running", run, notify: false };
    if (status !== "cut") {
      Object.assign(job, { status: status === 0 ? "Done" : { exit: status }, notify: true });
      this.endRun(run);
    }
    this.term.jobs.push(job);
    this.shell.state.lastStatus = 0;
    return `[${n}] ${pid}\n` + text;
  }

  /** Re-runs a line on a copy of its starting state up to its horizon (jobs, and jobs brought back with fg). */
  private forkRun(run: StreamRun): { term: TerminalOutput; status: number | "cut" } {
    const b = run.base;
    const fork = new SimSandbox(this.topology, restoreCluster(b.cluster), new MemoryFs({ ...b.fs }), reviveShellState(b.shell));
    injectWrites(fork.cluster, this.term.journal.slice(run.journalFrom).filter((e) => e.at <= run.horizon));
    const term = new TerminalOutput();
    if (run.container) {
      fork.term.sessions = [structuredClone(run.container)];
      return { term, status: fork.runInContainer(fork.term.sessions[0], run.line, term, run.horizon) };
    }
    const status = fork.runLine(run.line, term, { cutAt: run.horizon, subshell: run.subshell, jobs: this.frozenJobControl(run.jobsAtStart) });
    return { term, status };
  }

  /** What the running background jobs printed up to `now`; finished ones are marked for their notice. */
  private advanceJobs(now: number): string {
    let out = "";
    for (const j of this.term.jobs) {
      if (j.status !== "Running" || now + 1 <= j.run.horizon) continue;
      j.run.horizon = nextHorizon(j.run, now);
      const r = this.forkRun(j.run);
      out += unseen(j.run.shown, r.term).text;
      if (r.status !== "cut") {
        Object.assign(j, { status: r.status === 0 ? "Done" : { exit: r.status }, notify: true });
        this.endRun(j.run);
      }
    }
    return out;
  }

  /** A line that ran on as a stream or a job ended: the ports its servers listened on close. */
  private endRun(run: StreamRun): void {
    closeListeners(this.cluster, run.listeners ?? []);
  }

  /** bash reports finished jobs before the next prompt, then forgets them. */
  private jobNotices(): string {
    const all = this.term.jobs;
    const done = all.filter((j) => j.notify);
    if (!done.length) return "";
    const text = done.map((j) => jobLine(j, jobMark(all, j.n))).join("");
    this.term.jobs = all.filter((j) => !j.notify);
    return text;
  }

  poll(id: number, opts: { now: number }): StreamUpdate {
    return this.guardStream(id, opts.now, false);
  }

  interrupt(id: number, opts: { now: number }): StreamUpdate {
    return this.guardStream(id, opts.now, true);
  }

  /** A poll that hits a limit or fails ends the stream with the message; the state is as before the poll. */
  private guardStream(id: number, now: number, interrupt: boolean): StreamUpdate {
    this.usable();
    const s = this.term.streams.find((x) => x.id === id);
    if (!s) return { output: "", done: true, exitCode: this.shell.state.lastStatus, prompt: this.prompt() };
    // The stream's own session: its re-run, exit status and prompt are that tab's.
    this.useSession(s.session);
    const before = this.checkpoint();
    try {
      return this.advanceStream(s, now, interrupt);
    } catch (e) {
      this.rollback(before);
      this.term.streams = this.term.streams.filter((x) => x.id !== id);
      const message = e instanceof LimitError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (the sandbox was left unchanged)`;
      return { output: escapeTerminal(message + "\n"), done: true, exitCode: 1, prompt: this.prompt() };
    }
  }

  private advanceStream(s: OpenStream, now: number, interrupt: boolean): StreamUpdate {
    let out = "";
    let clear = false;
    let ended: number | undefined;
    if (now + 1 > s.run.horizon) {
      s.run.horizon = nextHorizon(s.run, now);
      let r: { term: TerminalOutput; status: number | "cut" };
      if (s.job || s.detached) {
        if (now > this.cluster.now()) this.cluster.advanceTo(this.reachable(now));
        r = this.forkRun(s.run);
      } else {
        // The foreground line is all that ran since it started: its re-run is the terminal's state.
        this.rollback(s.run.base);
        const term = new TerminalOutput();
        r = { term, status: this.rerun(s.run, term, this.frozenJobControl(s.run.jobsAtStart)) };
        if (r.status !== "cut" && now > this.cluster.now()) this.cluster.advanceTo(this.reachable(now));
      }
      const shown = unseen(s.run.shown, r.term);
      out += shown.text;
      clear = shown.clear;
      if (r.status !== "cut") ended = r.status;
    }
    const jobsOut = this.advanceJobs(now);
    if (ended === undefined && !interrupt) return { output: escapeTerminal(jobsOut + out), done: false, ...(clear ? { clear } : {}) };
    this.term.streams = this.term.streams.filter((x) => x.id !== s.id);
    this.endRun(s.run);
    if (ended === undefined) {
      // Ctrl-C: bash echoes ^C where the cursor is and ends the line with status 130.
      out += "^C\n";
      ended = 130;
      const inside = s.run.container ? this.term.sessions[this.term.sessions.length - 1]?.state : undefined;
      if (inside) inside.lastStatus = ended;
    }
    this.shell.state.lastStatus = ended;
    return { output: escapeTerminal(jobsOut + out + this.jobNotices()), done: true, exitCode: ended, prompt: this.prompt(), ...(clear ? { clear } : {}) };
  }

  complete(line: string, cursor = line.length, tab?: number): Completion {
    this.usable();
    if (!this.useSession(tab)) return { candidates: [], replaceFrom: cursor };
    const session = this.term.sessions[this.term.sessions.length - 1];
    const sh = this.shell;
    const names = (kind: Parameters<typeof pathFor>[0], namespace: string): string[] => {
      const res = this.cluster.api.handle({ method: "GET", path: pathFor(kind, kind.namespaced ? namespace : undefined) });
      if (res.status !== 200) return [];
      return ((res.body as KubeList).items ?? []).map((o) => (o as KubeObject).metadata.name!).filter(Boolean);
    };
    if (session) {
      // Inside a container: its files and commands.
      const found = withMountDirs(this.cluster.api, session, containerContext(this.cluster.api, session.namespace, session.pod, session.container));
      if ("error" in found) return { candidates: [], replaceFrom: cursor };
      const fs = containerFs(found.context);
      const cwd = session.state?.cwd ?? session.workingDir;
      return completeLine(line, cursor, { fs, cwd, home: "/root", aliases: {}, commands: [...(found.context.executables ?? []), "cd", "exit", "export", "pwd"], names, defaultNamespace: "default" });
    }
    let defaultNamespace = "default";
    try {
      defaultNamespace = contextNamespace(readKubeconfig(sh.host.fs, kubeconfigPath(sh.host.fs, sh.state.vars, sh.state.cwd, "")));
    } catch {
      // An unreadable kubeconfig completes in "default".
    }
    return completeLine(line, cursor, {
      fs: sh.host.fs,
      cwd: sh.state.cwd,
      home: sh.state.vars.HOME ?? "/root",
      aliases: sh.state.aliases,
      commands: [...Object.keys(BUILTINS), ...Object.keys(sh.host.programs)],
      names,
      defaultNamespace,
    });
  }

  searchHistory(query: string, before?: number): HistoryMatch | undefined {
    return reverseSearch(this.shell.state.history, query, before);
  }

  jobs(): JobView[] {
    return this.term.jobs.map(({ n, pid, command, status }) => ({ n, pid, command, status }));
  }

  /**
   * A sandbox left idle for days catches up at most a day per call (the clock then lags the wall
   * clock a little), so no single request pays for weeks of periodic controller wake-ups.
   */
  private reachable(now: number): number {
    return Math.min(now, this.cluster.now() + MAX_CATCH_UP_MS);
  }

  private recordHistory(line: string): void {
    const h = this.shell.state.history;
    const entry = line.replace(/\n+$/, "");
    if (entry.trim() === "" || /^[ \t]/.test(entry)) return;
    h.push(entry);
    if (h.length > LIMITS.historyEntries) h.splice(0, h.length - LIMITS.historyEntries);
  }

  private rollback(snap: BaseState & { term?: TermState }): void {
    this.cluster = restoreCluster(snap.cluster);
    this.fs = new MemoryFs({ ...snap.fs });
    this.shell = this.makeShell(reviveShellState(snap.shell));
    if (snap.term) this.term = copyTerm(snap.term);
  }

  private result(output: string, exitCode: number): ExecResult {
    return { output: escapeTerminal(output), exitCode, prompt: this.prompt() };
  }

  /**
   * A cheap pre-command state for rollback. Stored API objects and file entries are replaced, never
   * mutated in place (the store clones on the way in and out; the vfs writes new entries), so
   * holding references is enough; only the small mutable parts are copied.
   */
  private checkpoint(compact = false): SandboxSnapshot {
    const packedHistory = compact ? this.packHistory() : undefined;
    const state = this.shell.state;
    return {
      version: SNAPSHOT_VERSION,
      topology: this.topology,
      // compact: the bulky parts packed (sim/core/pack.ts), for snapshots that get stored.
      cluster: this.cluster.toJSON({ compact }),
      fs: { ...this.fs.toJSON() },
      // A copy down to the strings (all the state's leaves), cheaper than structuredClone for a
      // long history: taken before every command.
      shell: reviveShellState(packedHistory === undefined ? state : { ...state, history: [] }),
      ...(packedHistory === undefined ? {} : { packedHistory }),
      term: copyTerm(this.term),
      ...(compact ? { attach: attachHints(this.cluster) } : {}),
    };
  }

  /** The history packed, when it is long (the last packing is reused while the history is unchanged). */
  private packHistory(): string | undefined {
    const history = this.shell.state.history;
    const key = history.join("\n");
    if (key.length < PACK_HISTORY_CHARS) return undefined;
    if (this.historyPack?.key !== key) this.historyPack = { key, packed: pack(history, { dictionary: false }) };
    return this.historyPack.packed;
  }

  snapshot(): SandboxSnapshot {
    this.usable();
    return this.checkpoint(true);
  }

  advanceTo(now: number): void {
    this.usable();
    if (now <= this.cluster.now()) return;
    const before = this.checkpoint();
    try {
      this.cluster.advanceTo(this.reachable(now));
    } catch (e) {
      this.rollback(before);
      throw e;
    }
  }

  read(req: ApiRequest): ApiResponse {
    this.usable();
    if (req.method !== "GET") return { status: 405, body: { kind: "Status", apiVersion: "v1", status: "Failure", message: "the sandbox's read() serves GET requests only", reason: "MethodNotAllowed", code: 405 } };
    return this.cluster.api.handle(req);
  }

  resourceVersion(): number {
    return this.cluster.api.store.currentRv();
  }

  clusterViewVersion(): number {
    const store = this.cluster.api.store;
    return Math.max(store.lastChangeOf("/pods"), store.lastChangeOf("/nodes"));
  }

  clusterView(): ClusterView {
    this.usable();
    // Read-only: the stored (frozen) objects themselves, as a Table would print them, not copies.
    const store = this.cluster.api.store;
    const pods = store.listShared("/pods").map((p) => ({ node: p.spec?.nodeName as string | undefined, view: podView(p) }));
    const nodes = store.listShared("/nodes").map((n) => {
      const status = nodeStatus(n);
      return {
        name: n.metadata.name!,
        status,
        ready: status.split(",")[0] === "Ready",
        roles: nodeRoles(n),
        pods: pods.filter((p) => p.node === n.metadata.name).map((p) => p.view),
      };
    });
    const unscheduled = pods.filter((p) => !p.node).map((p) => p.view);
    return { now: this.cluster.now(), nodes, unscheduled };
  }

  prompt(tab?: number): string {
    if (tab !== undefined && !this.useSession(tab)) return this.homePrompt();
    const session = this.term.sessions[this.term.sessions.length - 1];
    if (session) return sessionPrompt(session);
    return hostPrompt(this.cluster, this.homePrompt());
  }

  /** The prompt on the first machine. */
  private homePrompt(): string {
    return this.topology === "minikube" ? "$ " : "controlplane $ ";
  }

  now(): number {
    return this.cluster.now();
  }

  history(): string[] {
    return [...this.shell.state.history];
  }
}

function sessionError(id: number | undefined): string {
  return `terminal session ${String(id)}: sessions are numbered 1 to ${MAX_SESSIONS}\n`;
}

function podView(p: KubeObject): PodView {
  const s = summarizePod(p);
  return {
    name: p.metadata.name!,
    namespace: p.metadata.namespace ?? "default",
    phase: p.status?.phase ?? "Pending",
    status: s.reason,
    ready: `${s.ready}/${s.total}`,
    restarts: s.restarts,
  };
}
