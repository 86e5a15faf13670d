// The learner's terminal moving between machines: `ssh node01` switches the shell's host (its
// filesystem, hostname and prompt), `exit` comes back ("logout", "Connection to node01 closed.").
// The ssh stack lives in the hosts state, so snapshots restore the machine the terminal was on.

import { Cluster } from "../cluster";
import type { FileSystem } from "../core/vfs";
import type { Proc } from "../core/process";
import { ExitSignal, type Shell } from "../shell/interpreter";
import { HostFs } from "./host-fs";
import { generatedDirs, generatedFiles, MANIFESTS_DIR } from "./node-files";
import { bootTime, currentHost, hostsState, nodeCreated, nodeExists, nodeHost, nodeSpec, nodeSpecs, withNodeHints, type NodeHost } from "./state";
import { allProxyModesRecorded, proxyMode } from "./iptables";
import { apiServerUrl } from "./services";
import { syncStaticPods } from "./static-pods";
import { podLogFiles } from "./pod-logs";
import { kubeletRunning } from "../node/index";

interface Attached {
  shell: Shell;
  base: FileSystem;
  home: string;
  fs: Map<string, FileSystem>;
  /** A store resourceVersion at which every running kube-proxy pod's mode was recorded. */
  modesRecordedAt?: number;
  /** AttachHints.nodes as of a store resourceVersion. */
  nodes?: { rv: number; hints: Record<string, string | null> };
}

/**
 * What a snapshot tells the shell attaching to its restore (attachHosts), so that it need not read
 * what the restored store would answer: every running kube-proxy pod's mode is recorded (nothing
 * to record: the kube-system pods stay packed); the nodes the shell's machines are (name →
 * creationTimestamp, null: none; /nodes stays packed). Absent: it reads them.
 */
export interface AttachHints {
  proxyModesRecorded?: true;
  nodes?: Record<string, string | null>;
}

const ATTACHED = new WeakMap<Cluster, Attached>();

/** A node's filesystem (the control plane's over the sandbox's own files). */
export function hostFs(cluster: Cluster, node: string, base?: FileSystem): FileSystem {
  const a = ATTACHED.get(cluster);
  const cached = a?.fs.get(node);
  if (cached) return cached;
  const spec = nodeSpec(cluster, node);
  nodeHost(cluster, node);
  const fs: FileSystem = new HostFs({
    host: () => nodeHost(cluster, node),
    generated: () => (spec ? { files: generatedFiles(spec, apiServerUrl(cluster)), dirs: generatedDirs(spec) } : { files: {}, dirs: ["/root", "/tmp"] }),
    base: node === a?.home ? a.base : base,
    mtime: bootTime(cluster, node),
    now: () => cluster.now(),
    dynamic: () => podLogFiles(cluster, node),
    onChange: (path) => {
      // The kubelet watches its manifest directory (inotify) and applies changes at once.
      if (path.startsWith(MANIFESTS_DIR + "/") && kubeletRunning(cluster.reconcilerState("kubelet"), node)) syncStaticPods(cluster, node, fs);
    },
  });
  a?.fs.set(node, fs);
  return fs;
}

/**
 * Wires a sandbox's shell to the machines: the shell starts on `home` (whose extra files live in
 * `base`, the sandbox's filesystem), or on the host a restored snapshot was on.
 */
export function attachHosts(cluster: Cluster, shell: Shell, base: FileSystem, home: string, hints: AttachHints = {}): void {
  const a: Attached = { shell, base, home, fs: new Map() };
  ATTACHED.set(cluster, a);
  const rv = cluster.api.store.currentRv();
  if (hints.nodes) a.nodes = { rv, hints: hints.nodes };
  withNodeHints(cluster, hints.nodes, () => {
    // kube-proxy read its mode when it started: remember it before the learner edits the ConfigMap.
    if (hints.proxyModesRecorded) a.modesRecordedAt = rv;
    else for (const n of nodeSpecs(cluster)) proxyMode(cluster, n.name);
    if (nodeExists(cluster, home)) shell.host.fs = hostFs(cluster, home);
    applyHost(cluster);
  });
}

/** For a snapshot: what the shell attaching to its restore need not read (AttachHints). */
export function attachHints(cluster: Cluster): AttachHints {
  const a = ATTACHED.get(cluster);
  if (!a) return {};
  const hints: AttachHints = {};
  if (proxyModesRecorded(cluster, a)) hints.proxyModesRecorded = true;
  hints.nodes = nodeHints(cluster, a);
  return hints;
}

/**
 * Whether every node's running kube-proxy pod has its mode recorded. Unchanged kube-system pods
 * since it last held: it still does (recorded modes are never dropped).
 */
function proxyModesRecorded(cluster: Cluster, a: Attached): boolean {
  const store = cluster.api.store;
  if (a.modesRecordedAt !== undefined && !store.changedSince("/pods", "kube-system", a.modesRecordedAt)) return true;
  const recorded = allProxyModesRecorded(cluster);
  if (recorded) a.modesRecordedAt = store.currentRv();
  return recorded;
}

/** The nodes attaching reads: home and the machine the shell is on. Unchanged /nodes: as last known. */
function nodeHints(cluster: Cluster, a: Attached): Record<string, string | null> {
  const store = cluster.api.store;
  // The machine the shell is on, read without copying the hosts state (currentHost would).
  const session = (cluster.peekState("hosts") as { session?: { host: string }[] }).session ?? [];
  const names = [a.home, session.length ? session[session.length - 1].host : a.home];
  const known = a.nodes && !store.changedSince("/nodes", undefined, a.nodes.rv) ? a.nodes.hints : undefined;
  const hints: Record<string, string | null> = {};
  for (const name of names) hints[name] = known && Object.hasOwn(known, name) ? known[name] : nodeCreated(cluster, name);
  a.nodes = { rv: store.currentRv(), hints };
  return hints;
}

function applyHost(cluster: Cluster): void {
  const a = ATTACHED.get(cluster);
  if (!a) return;
  const host = currentHost(cluster, a.home);
  a.shell.host.hostname = host;
  a.shell.host.fs = host === a.home && !nodeExists(cluster, host) ? a.base : hostFs(cluster, host);
  a.shell.state.vars.HOSTNAME = host;
}

/** The ssh stack of the terminal (the first entry: the machine it opened on; empty: not moved yet). */
export function sshStack(cluster: Cluster): { host: string; cwd: string }[] {
  return hostsState(cluster).session;
}

/** Another terminal session's ssh stack becomes the current one (re-attach the shell afterwards). */
export function setSshStack(cluster: Cluster, stack: { host: string; cwd: string }[]): void {
  hostsState(cluster).session = stack;
}

/** The prompt for the machine the terminal is on ("node01 $ "). */
export function hostPrompt(cluster: Cluster, fallback: string): string {
  const s = hostsState(cluster).session;
  return s.length > 1 ? `${s[s.length - 1].host} $ ` : fallback;
}

/** `exit` in an ssh session: back to the previous machine. Returns false on the first machine. */
export function leaveHost(cluster: Cluster, write: (text: string) => void): boolean {
  const a = ATTACHED.get(cluster);
  const s = hostsState(cluster).session;
  if (!a || s.length < 2) return false;
  const left = s.pop()!;
  write(`logout\nConnection to ${left.host} closed.\n`);
  a.shell.state.cwd = s[s.length - 1].cwd;
  a.shell.state.vars.PWD = a.shell.state.cwd;
  applyHost(cluster);
  return true;
}

export function clusterOf(p: Proc): Cluster | undefined {
  return p.cluster instanceof Cluster ? p.cluster : undefined;
}

export interface HostCtx {
  cluster: Cluster;
  node: string;
  h: NodeHost;
  fs: FileSystem;
}

/** The cluster and node a host program runs on, or undefined outside a sandbox's nodes. */
export function hostCtx(p: Proc): HostCtx | undefined {
  const cluster = clusterOf(p);
  if (!cluster || !nodeExists(cluster, p.hostname)) return undefined;
  return { cluster, node: p.hostname, h: nodeHost(cluster, p.hostname), fs: p.fs };
}

/** ssh [-t] [user@]HOST [COMMAND...] */
export function ssh(p: Proc): number {
  const cluster = clusterOf(p);
  const args = p.argv.slice(1).filter((a, i, all) => !a.startsWith("-") && all[i - 1] !== "-i" && all[i - 1] !== "-p" && all[i - 1] !== "-o");
  if (!args.length) {
    p.stderr("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-p port] [-Q query_option] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n");
    return 255;
  }
  const target = args[0].replace(/^[^@]*@/, "");
  const a = cluster ? ATTACHED.get(cluster) : undefined;
  const node = cluster ? resolveHost(cluster, target) : undefined;
  if (!cluster || !a) {
    p.stderr(`ssh: Could not resolve hostname ${target}: Name or service not known\n`);
    return 255;
  }
  if (!node) {
    p.stderr(`ssh: Could not resolve hostname ${target}: Temporary failure in name resolution\n`);
    return 255;
  }
  const st = hostsState(cluster);
  if (!st.session.length) st.session.push({ host: a.home, cwd: a.shell.state.cwd });
  st.session[st.session.length - 1].cwd = a.shell.state.cwd;
  const command = args.slice(1).join(" ");
  st.session.push({ host: node, cwd: "/root" });
  const savedCwd = a.shell.state.cwd;
  a.shell.state.cwd = "/root";
  applyHost(cluster);
  if (!command) return 0;
  // A remote command runs on the node, then the connection closes.
  let status: number;
  try {
    status = a.shell.runSource(command, { stdin: p.stdin, out: p.stdout, err: p.stderr });
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
    status = e.code;
  } finally {
    st.session.pop();
    a.shell.state.cwd = savedCwd;
    applyHost(cluster);
  }
  return status;
}

function resolveHost(cluster: Cluster, target: string): string | undefined {
  if (nodeExists(cluster, target)) return target;
  const res = cluster.api.handle({ method: "GET", path: "/api/v1/nodes" });
  const items = ((res.body as { items?: { metadata: { name: string }; status?: { addresses?: { address: string }[] } }[] }).items ?? []);
  return items.find((n) => (n.status?.addresses ?? []).some((x) => x.address === target))?.metadata.name;
}
