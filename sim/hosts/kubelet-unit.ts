// What happens when systemd starts the kubelet on a node: the unit and drop-ins systemd loaded
// (at the last daemon-reload), their Environment/EnvironmentFile expansion, then the checks the
// kubelet makes at start-up in the order it makes them (cmd/kubelet/app/server.go: flags, config
// file, client CA, CRI endpoint, kubeconfig) with the errors it logs before exiting.

import { load } from "js-yaml";
import type { FileSystem } from "../core/vfs";
import { KUBELET_DROPIN_DIR, KUBELET_UNIT } from "./node-files";

export interface KubeletStart {
  /** systemd could not run ExecStart (203/EXEC). */
  execError?: string;
  /** The kubelet exits with status 1 after logging this ("command failed" err=...). */
  error?: string;
  /** The kubelet runs but cannot reach this API server URL. */
  apiError?: string;
  argv: string[];
  staticPodPath?: string;
}

const KNOWN_FLAGS = new Set([
  "bootstrap-kubeconfig", "kubeconfig", "config", "container-runtime-endpoint", "pod-infra-container-image", "node-ip",
  "hostname-override", "v", "node-labels", "register-with-taints", "cgroup-driver", "fail-swap-on", "resolv-conf",
  "cluster-dns", "cluster-domain", "max-pods", "pod-manifest-path", "image-service-endpoint", "root-dir", "cert-dir",
  "runtime-request-timeout", "provider-id", "read-only-port", "anonymous-auth", "authorization-mode", "client-ca-file",
]);

/** The unit files systemd reads for kubelet.service: the unit, then its drop-ins in name order. */
export function kubeletUnitFiles(fs: FileSystem): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  out[KUBELET_UNIT] = fs.stat(KUBELET_UNIT)?.type === "file" ? fs.read(KUBELET_UNIT) : null;
  if (fs.stat(KUBELET_DROPIN_DIR)?.type === "dir") {
    for (const n of fs.list(KUBELET_DROPIN_DIR)) if (n.endsWith(".conf")) out[`${KUBELET_DROPIN_DIR}/${n}`] = fs.read(`${KUBELET_DROPIN_DIR}/${n}`);
  }
  return out;
}

/** ExecStart of the unit as systemd resolves it (an empty ExecStart= resets the list). */
export function execStartLine(units: Record<string, string | null>): { exec: string; env: Record<string, string>; envFiles: string[] } {
  let exec = "";
  const env: Record<string, string> = {};
  const envFiles: string[] = [];
  for (const text of Object.values(units)) {
    for (const raw of (text ?? "").split("\n")) {
      const line = raw.trim();
      const m = /^(\w+)=(.*)$/.exec(line);
      if (!m) continue;
      const [, key, value] = m;
      if (key === "ExecStart") exec = value;
      else if (key === "Environment") for (const [k, v] of envAssignments(value)) env[k] = v;
      else if (key === "EnvironmentFile") envFiles.push(value);
    }
  }
  return { exec, env, envFiles };
}

function envAssignments(value: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of value.matchAll(/"([^"=]+)=([^"]*)"|([^\s"=]+)=(\S*)/g)) out.push(m[1] ? [m[1], m[2]] : [m[3], m[4]]);
  return out;
}

/** KEY="value" lines of an EnvironmentFile. */
export function readEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Za-z_]\w*)=(?:"(.*)"|'(.*)'|(.*))\s*$/.exec(line);
    if (m) out[m[1]] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return out;
}

/** The kubelet's command line and environment as systemd would start it. */
export function kubeletCommand(fs: FileSystem, units: Record<string, string | null>): { argv: string[]; missingEnvFile?: string } {
  const { exec, env, envFiles } = execStartLine(units);
  let missingEnvFile: string | undefined;
  for (const f of envFiles) {
    const optional = f.startsWith("-");
    const path = optional ? f.slice(1) : f;
    if (fs.stat(path)?.type === "file") Object.assign(env, readEnvFile(fs.read(path)));
    else if (!optional) missingEnvFile = path;
  }
  const expanded = exec.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string, b: string) => env[a ?? b] ?? "");
  return { argv: expanded.split(/\s+/).filter(Boolean), missingEnvFile };
}

function flagValue(argv: string[], name: string): string | undefined {
  let v: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === `--${name}` || a === `-${name}`) v = argv[i + 1];
    else if (a.startsWith(`--${name}=`)) v = a.slice(name.length + 3);
  }
  return v;
}

const noFile = (path: string) => `open ${path}: no such file or directory`;

/** Runs the kubelet's start-up checks against the node's files. `apiServer` is where the API server really listens. */
export function evaluateKubeletStart(fs: FileSystem, units: Record<string, string | null>, apiServer: string, containerdActive: boolean): KubeletStart {
  const { argv, missingEnvFile } = kubeletCommand(fs, units);
  if (missingEnvFile) return { argv, execError: `Failed to load environment files: No such file or directory` };
  const bin = argv[0] ?? "";
  if (bin !== "/usr/bin/kubelet") return { argv, execError: bin ? `Failed to locate executable ${bin}: No such file or directory` : "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing." };
  for (const a of argv.slice(1)) {
    const m = /^--?([\w-]+)/.exec(a);
    if (m && !KNOWN_FLAGS.has(m[1])) return { argv, error: `failed to parse kubelet flag: unknown flag: --${m[1]}` };
  }
  const configPath = flagValue(argv, "config");
  let config: Record<string, unknown> = {};
  if (configPath) {
    const fail = (why: string) => `failed to load kubelet config file, path: ${configPath}, error: failed to load Kubelet config file ${configPath}, error ${why}`;
    if (fs.stat(configPath)?.type !== "file") return { argv, error: fail(`failed to read kubelet config file "${configPath}", error: ${noFile(configPath)}`) };
    try {
      const parsed = load(fs.read(configPath));
      config = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch (e) {
      const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
      return { argv, error: fail(`failed to decode: yaml: ${msg}`) };
    }
    if (config.kind !== "KubeletConfiguration") return { argv, error: fail(`failed to decode: Object 'Kind' is missing in '${JSON.stringify(config)}'`) };
  }
  const auth = (config.authentication ?? {}) as { x509?: { clientCAFile?: string } };
  const ca = flagValue(argv, "client-ca-file") ?? auth.x509?.clientCAFile;
  if (ca && fs.stat(ca)?.type !== "file") return { argv, error: `failed to construct kubelet dependencies: unable to load client CA file ${ca}: ${noFile(ca)}` };
  const cri = flagValue(argv, "container-runtime-endpoint") ?? (config.containerRuntimeEndpoint as string | undefined) ?? "";
  const sock = cri.replace(/^unix:\/\//, "");
  const knownSock = sock === "/var/run/containerd/containerd.sock" || sock === "/run/containerd/containerd.sock";
  if (!knownSock || !containerdActive) {
    const why = knownSock ? "connect: connection refused" : "connect: no such file or directory";
    return { argv, error: `failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint "${cri}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${sock}: ${why}"` };
  }
  const kubeconfig = flagValue(argv, "kubeconfig");
  if (!kubeconfig || fs.stat(kubeconfig)?.type !== "file") {
    const boot = flagValue(argv, "bootstrap-kubeconfig") ?? "";
    return { argv, error: `failed to run Kubelet: unable to load bootstrap kubeconfig: stat ${boot}: no such file or directory` };
  }
  const server = /^\s*server:\s*(\S+)/m.exec(fs.read(kubeconfig))?.[1];
  const staticPodPath = flagValue(argv, "pod-manifest-path") ?? (config.staticPodPath as string | undefined);
  if (server && server !== apiServer) return { argv, apiError: server, staticPodPath };
  return { argv, staticPodPath };
}
