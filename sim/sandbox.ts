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
import { MemoryFs, type Entry } from "./core/vfs";
import type { Program } from "./core/process";
import type { Cluster, ClusterState } from "./cluster";
import { createCluster, restoreCluster } from "./world";
import type { TopologyName } from "./controllers/topology";
import { summarizePod } from "./apiserver/printers/pod";
import { nodeRoles, nodeStatus } from "./apiserver/printers/node";
import type { KubeList, KubeObject } from "./api/types";
import { ExitSignal, initialShellState, Shell, type ShellState } from "./shell/interpreter";
import { coreutils } from "./shell/coreutils/index";
import { escapeTerminal } from "./shell/escape";
import { TerminalOutput } from "./shell/terminal";
import { registerPodExec, setContainerResolver } from "./shell/container-exec";
import { containerContext } from "./node/index";
import { kubectl } from "./kubectl/index";
import { writeDefaultKubeconfig } from "./kubectl/framework/kubeconfig";
import { DEFAULT_NODES } from "./controllers/topology";
import { splitScript } from "./shell/script";
import { attachHosts, hostPrograms, hostPrompt, leaveHost } from "./hosts/index";

// kubectl exec sees containers as the kubelet runs them (image files, volumes, expanded env).
setContainerResolver(containerContext);

export type { TopologyName } from "./controllers/topology";

export interface SandboxOptions {
  seed?: number;
  topology?: TopologyName;
  /** The start time, ms since the Unix epoch. */
  now: number;
}

export interface ExecResult {
  /** What the terminal shows: stdout and stderr interleaved, escaped (no control characters but \n and \t). */
  output: string;
  exitCode: number;
  /** The prompt to show for the next line ("controlplane $ "). */
  prompt: string;
  /** Present and true when the line ran `clear`: clear the screen, then show `output`. */
  clear?: boolean;
}

export interface SandboxSnapshot {
  version: 1;
  topology: TopologyName;
  cluster: ClusterState;
  fs: Record<string, Entry>;
  shell: ShellState;
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
  exec(line: string, opts: { now: number }): ExecResult;
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
  prompt(): string;
  now(): number;
  history(): string[];
}

/** The most virtual time one exec or advanceTo call fast-forwards (an idle day costs ~0.1–0.5 s). */
export const MAX_CATCH_UP_MS = 24 * 3600 * 1000;

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

/** Continues a snapshot. The sandbox takes ownership of `json`: do not mutate it afterwards. */
export function restoreSandbox(json: SandboxSnapshot): Sandbox {
  const snap = json;
  return new SimSandbox(snap.topology, restoreCluster(snap.cluster), new MemoryFs(snap.fs), reviveShellState(snap.shell));
}

function hostnameOf(topology: TopologyName): string {
  return topology === "minikube" ? "minikube" : "controlplane";
}

/** JSON drops null prototypes; give the maps keyed by user input their safe shape back. */
function reviveShellState(s: ShellState): ShellState {
  const vars = Object.assign(Object.create(null) as Record<string, string>, s.vars);
  const aliases = Object.assign(Object.create(null) as Record<string, string>, s.aliases);
  return { ...s, vars, aliases, exported: [...s.exported], history: [...s.history] };
}

class SimSandbox implements Sandbox {
  private shell: Shell;

  constructor(
    private readonly topology: TopologyName,
    private cluster: Cluster,
    private fs: MemoryFs,
    shellState: ShellState,
  ) {
    this.shell = this.makeShell(shellState);
  }

  private makeShell(state: ShellState): Shell {
    registerPodExec(this.cluster);
    const programs = Object.assign(Object.create(null) as Record<string, Program>, coreutils(), { kubectl }, hostPrograms(), extraPrograms);
    const shell = new Shell({ fs: this.fs, cluster: this.cluster, hostname: hostnameOf(this.topology), programs }, state);
    // Nodes as hosts (sim/hosts): the shell's files are the machine's; `ssh node01` moves it.
    attachHosts(this.cluster, shell, this.fs, hostnameOf(this.topology));
    return shell;
  }

  exec(rawLine: string, opts: { now: number }): ExecResult {
    // Terminals send Enter as \r; pasted text may carry \r\n.
    const line = rawLine.replace(/\r\n?/g, "\n");
    if (line.length > LIMITS.commandLineBytes) return this.result(LIMIT_MESSAGES.commandLineBytes + "\n", 1);
    const before = this.checkpoint();
    const term = new TerminalOutput();
    let exitCode: number;
    let clear = false;
    try {
      if (opts.now > this.cluster.now()) this.cluster.advanceTo(this.reachable(opts.now));
      exitCode = this.runLine(line, term);
      clear = this.shell.clearRequested;
    } catch (e) {
      this.rollback(before);
      const message = e instanceof LimitError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (the sandbox was left unchanged)`;
      this.recordHistory(line);
      return this.result(message + "\n", 1);
    }
    const out = this.result(term.text(), exitCode);
    return clear ? { ...out, clear: true } : out;
  }

  private runLine(line: string, term: TerminalOutput): number {
    this.recordHistory(line);
    const sh = this.shell;
    sh.beginLine();
    sh.onClear = () => term.reset();
    sh.currentErr = term.write;
    sh.terminal = term.write;
    let status: number;
    try {
      status = sh.runSource(line, { stdin: "", out: term.write, err: term.write });
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      status = e.code;
      // `exit` in an ssh session closes it and returns to the previous machine.
      leaveHost(this.cluster, term.write);
    }
    sh.state.lastStatus = status;
    return status;
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

  private rollback(snap: SandboxSnapshot): void {
    this.cluster = restoreCluster(snap.cluster);
    this.fs = new MemoryFs(snap.fs);
    this.shell = this.makeShell(reviveShellState(snap.shell));
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
    return {
      version: 1,
      topology: this.topology,
      // compact: the bulky parts packed (sim/core/pack.ts), for snapshots that get stored.
      cluster: this.cluster.toJSON({ compact }),
      fs: { ...this.fs.toJSON() },
      shell: structuredClone(this.shell.state),
    };
  }

  snapshot(): SandboxSnapshot {
    return this.checkpoint(true);
  }

  advanceTo(now: number): void {
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
    if (req.method !== "GET") return { status: 405, body: { kind: "Status", apiVersion: "v1", status: "Failure", message: "the sandbox's read() serves GET requests only", reason: "MethodNotAllowed", code: 405 } };
    return this.cluster.api.handle(req);
  }

  clusterView(): ClusterView {
    const list = (path: string) => ((this.cluster.api.handle({ method: "GET", path }).body as KubeList).items ?? []) as KubeObject[];
    const pods = list("/api/v1/pods").map((p) => ({ node: p.spec?.nodeName as string | undefined, view: podView(p) }));
    const nodes = list("/api/v1/nodes").map((n) => {
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

  prompt(): string {
    return hostPrompt(this.cluster, this.topology === "minikube" ? "$ " : "controlplane $ ");
  }

  now(): number {
    return this.cluster.now();
  }

  history(): string[] {
    return [...this.shell.state.history];
  }
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
