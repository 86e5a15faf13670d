// What an image is and what its main process does once started. Behaviours are derived on
// demand from (image, argv, env, start time), never stored, so kubelet state stays small JSON
// and logs over an hour cost nothing until someone reads them.

/** One line a process writes, `atMs` after it started. */
export interface OutputLine {
  atMs: number;
  stream: "stdout" | "stderr";
  text: string;
}

export interface HttpReply {
  status: number;
  body: string;
  contentType?: string;
}

export interface Behaviour {
  /** Everything written up to `untilMs` after start, in time order (endless loops keep only a tail). */
  output(untilMs: number): OutputLine[];
  /** The files as the process has changed them by `untilMs` (scripts that touch and rm). */
  filesAt?(untilMs: number): Record<string, string>;
  /** Absent: runs until stopped. `reason` overrides Completed/Error (OOMKilled). */
  exit?: { atMs: number; code: number; reason?: string };
  /** Ports a TCP connect succeeds on once `readyAfterMs` has passed. */
  ports: number[];
  readyAfterMs?: number;
  /** Answers an HTTP GET on one of `ports`; undefined means connection refused. */
  http?: (port: number, path: string) => HttpReply | undefined;
  /** PID 1 without a SIGTERM handler (sh, sleep) lives until the grace period ends. */
  ignoresSigterm: boolean;
  /** The runtime cannot start the process (exec format, missing binary): StartError, exit 128. */
  startError?: string;
}

/** What a process sees when it starts. */
export interface RunContext {
  argv: string[];
  env: Record<string, string>;
  /** Absolute start time (ms since the epoch), for timestamps in log lines. */
  startedAtMs: number;
  hostname: string;
  podIP: string;
  /** Image files plus mounted volume files, by absolute path. */
  files: Record<string, string>;
  /** A PRNG-free pseudo random stream seeded from the container id (pids, worker counts). */
  seed: number;
  /** The container's memory limit (cgroup), when it has one. */
  memoryLimitBytes?: number;
  /** The cluster network as seen from this container (wget, curl); absent: no network. */
  net?: (url: string) => NetReply;
  /** Cluster DNS (nslookup): the fully qualified name and addresses, or undefined (NXDOMAIN). */
  dns?: (name: string) => { fqdn: string; ips: string[] } | undefined;
}

/** What an HTTP request across the cluster network got back. */
export type NetReply =
  | { ok: true; status: number; body: string; ip: string; port: number; headers?: Record<string, string> }
  | { ok: false; error: "dns" | "refused" | "timeout"; host: string; ip?: string; port: number };

export interface ImageInfo {
  /** "docker.io/library/nginx" */
  repository: string;
  tags: string[];
  sizeBytes: number;
  /** Per-tag version string the software reports ("1.27.3"); falls back to `tags[0]`. */
  versions?: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir: string;
  /** Executables on the image's PATH; an argv[0] elsewhere fails with StartError. */
  bins: string[];
  files: Record<string, string>;
  /** The image's /bin/sh: busybox ash or Debian's dash (the default). */
  shell?: "busybox" | "dash";
  /** Runs argv[0] when it is this image's own program (nginx, redis-server, ...). */
  program?: (ctx: RunContext, version: string) => Behaviour | undefined;
}
