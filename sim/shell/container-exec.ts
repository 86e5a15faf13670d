// The pods/exec backend: `kubectl exec POD -- CMD...` runs CMD in a child shell over the
// container's filesystem, environment and hostname (a minimal image command set: sh -c, ls, cat,
// env, printenv, echo, hostname, pwd, ps).
//
// Request contract (POST .../pods/NAME/exec): body { command: string[], container?: string,
// stdin?: string }, or query { command, container } for a single-word command. Response 200 with
// body { stdout, stderr, exitCode }, or a Status error.

import type { ApiRequest, ApiResponse } from "../core/api-types";
import type { ClusterPort, Program } from "../core/process";
import { MemoryFs, type Entry } from "../core/vfs";
import type { KubeObject } from "../api/types";
import type { ApiServer, ParsedPath } from "../apiserver/server";
import { ExitSignal, OutputBuffer, Shell, type ShellState } from "./interpreter";
import { cat, ls } from "./coreutils/files";
import { echo, printf } from "./coreutils/echo";
import { env, hostname, printenv } from "./coreutils/system";
import { sleep } from "./coreutils/sleep";
import { coreutils } from "./coreutils/index";
import { containerNetPrograms } from "./container-net-tools";
import type { NetReply } from "../images/types";

/** What a container looks like from inside: files (absolute path → content), env, hostname. */
export interface ContainerContext {
  files: Record<string, string>;
  env: Record<string, string>;
  hostname: string;
  /** The container's working directory ("/" unless the image or pod sets one). */
  workingDir?: string;
  /** The container's main process, for `ps` ("nginx: master process nginx -g daemon off;"). */
  mainProcess?: string;
  /** Commands on the image's PATH (absent: a minimal set). */
  executables?: string[];
  /** Directories that exist even when empty: the container's volume mount points. */
  dirs?: string[];
  /** HTTP over the cluster network as this pod sees it (curl, wget). */
  net?: (url: string) => NetReply;
  /** Cluster DNS as this pod's resolver reaches it (nslookup, dig). */
  dns?: (name: string) => { fqdn: string; ips: string[] } | undefined;
  /** The image's version ("1.28" for busybox:1.28): tools print differently across versions. */
  imageVersion?: string;
}

/** Where an exec runs, for interactive shells (`kubectl exec -it POD -- sh`). */
export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string | undefined;
}

/**
 * A browser terminal can hold an interactive container shell: the sandbox installs an opener
 * around each interactive line (dynamic scope, as the simulator is synchronous); `kubectl exec
 * -it POD -- sh` then asks it to push the shell instead of printing how to run commands.
 */
export type ShellOpener = (target: ExecTarget, shell: string) => void;

let opener: ShellOpener | undefined;

export function withShellOpener<T>(o: ShellOpener | undefined, fn: () => T): T {
  const saved = opener;
  opener = o;
  try {
    return fn();
  } finally {
    opener = saved;
  }
}

export type ContainerLookup = { context: ContainerContext } | { error: ApiResponse };

/** Finds a running container's context; the kubelet provides the real one. */
export type ContainerResolver = (server: ApiServer, namespace: string, pod: string, container: string | undefined) => ContainerLookup;

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

let resolver: ContainerResolver = podSpecResolver;

/** Keeps what an exec wrote (path → content, null: removed); the kubelet provides the real one. */
export type ContainerWriter = (server: ApiServer, namespace: string, pod: string, container: string | undefined, changes: Record<string, string | null>) => void;

let writer: ContainerWriter = () => {};

export function setContainerWriter(w: ContainerWriter): void {
  writer = w;
}

/** What a run changed in a container's filesystem, for the writer. */
export function fileChanges(before: Record<string, Entry>, after: Record<string, Entry>): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const [path, e] of Object.entries(after)) {
    if (e.type !== "file") continue;
    const old = before[path];
    if (old?.type !== "file" || old.data !== e.data) changes[path] = e.data;
  }
  for (const [path, e] of Object.entries(before)) if (e.type === "file" && after[path]?.type !== "file") changes[path] = null;
  return changes;
}

/** Lets the kubelet plug in its container contexts (image files, volumes, downward API env). */
export function setContainerResolver(r: ContainerResolver): void {
  resolver = r;
}

export function registerPodExec(cluster: { api: ApiServer } & ClusterPort): void {
  cluster.api.registerSubresource("pods", "exec", (req, path, server) => handleExec(req, path, server, cluster));
}

function handleExec(req: ApiRequest, path: ParsedPath, server: ApiServer, port: ClusterPort): ApiResponse {
  if (req.method !== "POST" && req.method !== "GET") return status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const body = (req.body ?? {}) as { command?: unknown; container?: unknown; stdin?: unknown };
  const command = Array.isArray(body.command) ? body.command.map(String) : req.query?.command !== undefined ? [req.query.command] : [];
  if (command.length === 0) return status(400, "BadRequest", "you must specify at least 1 command");
  const container = typeof body.container === "string" ? body.container : req.query?.container;
  const target = { namespace: path.namespace ?? "default", pod: path.name ?? "", container };
  const found = withMountDirs(server, target, resolver(server, target.namespace, target.pod, container));
  if ("error" in found) return found.error;
  const interactive = req.query?.stdin === "true" ? target : undefined;
  const onWrites = (changes: Record<string, string | null>) => writer(server, target.namespace, target.pod, container, changes);
  return { status: 200, body: execInContainer(found.context, command, typeof body.stdin === "string" ? body.stdin : "", port, interactive, onWrites) };
}

const CONTAINER_PROGRAMS: Record<string, Program> = Object.assign(Object.create(null) as Record<string, Program>, {
  cat, ls, echo, printf, env, printenv, hostname, sleep,
  ps: (p: Parameters<Program>[0]) => {
    p.stdout("PID   USER     TIME  COMMAND\n    1 root      0:00 " + (p.env.__MAIN_PROCESS ?? "sh") + "\n");
    return 0;
  },
});

const ROOT_DIRS = ["/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/var"];

/** The container's volume mount points, from the pod's spec (an empty emptyDir is still a directory). */
export function withMountDirs(server: ApiServer, target: ExecTarget, found: ContainerLookup): ContainerLookup {
  if ("error" in found) return found;
  const res = server.handle({ method: "GET", path: `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}` });
  if (res.status !== 200) return found;
  const pod = res.body as KubeObject;
  const all: { name: string; volumeMounts?: { mountPath: string }[] }[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const c: (typeof all)[number] | undefined = target.container === undefined ? all[0] : all.find((x) => x.name === target.container);
  const dirs = (c?.volumeMounts ?? []).map((m) => m.mountPath);
  return { context: { ...found.context, dirs } };
}

/** The programs a container's shell finds: the image's executables among the sandbox's coreutils. */
function containerPrograms(ctx: ContainerContext): Record<string, Program> {
  if (!ctx.executables) return CONTAINER_PROGRAMS;
  const all = coreutils();
  const out: Record<string, Program> = Object.assign(Object.create(null) as Record<string, Program>, CONTAINER_PROGRAMS);
  // Editors need the browser's editor protocol, which writes the learner's own files: not here.
  for (const name of ctx.executables) if (Object.hasOwn(all, name) && !["vi", "vim", "nano"].includes(name)) out[name] = all[name];
  for (const name of Object.keys(CONTAINER_PROGRAMS)) if (!ctx.executables.includes(name)) delete out[name];
  return Object.assign(out, containerNetPrograms(ctx));
}

/** The container's root filesystem: the directories every Linux image has, then its files. */
export function containerFs(ctx: ContainerContext): MemoryFs {
  const fs = new MemoryFs();
  // The directories every Linux image's root has, whatever files the image adds.
  for (const dir of ROOT_DIRS) fs.mkdir(dir);
  for (const dir of ctx.dirs ?? []) fs.mkdir(dir, { parents: true });
  for (const [path, data] of Object.entries(ctx.files)) {
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    fs.mkdir(dir, { parents: true });
    fs.write(path, data);
  }
  fs.mkdir(ctx.workingDir ?? "/", { parents: true });
  return fs;
}

/** A shell in the container: its files, environment, hostname and programs. */
export function containerShell(ctx: ContainerContext, fs: MemoryFs, port: ClusterPort, state?: ShellState): Shell {
  const cwd = ctx.workingDir ?? "/";
  const vars: Record<string, string> = Object.assign(Object.create(null), ctx.env, { PWD: cwd });
  if (ctx.mainProcess) vars.__MAIN_PROCESS = ctx.mainProcess;
  const initial: ShellState = { cwd, vars, exported: Object.keys(vars), aliases: Object.create(null), history: [], lastStatus: 0 };
  return new Shell({ fs, cluster: port, hostname: ctx.hostname, programs: containerPrograms(ctx), dialect: "sh" }, state ?? initial);
}

/** Runs argv in the container. Like runc, a missing executable fails before any shell runs. */
export function execInContainer(ctx: ContainerContext, argv: string[], stdin: string, port: ClusterPort, interactive?: ExecTarget, onWrites?: (changes: Record<string, string | null>) => void): ExecOutput {
  const fs = containerFs(ctx);
  const before = { ...fs.toJSON() };
  const shell = containerShell(ctx, fs, port);
  const name = argv[0];
  if (!shell.lookupProgram(name) && !["sh", "bash", "cd", "pwd", "export", "true", "false", "exit"].includes(name)) {
    return {
      stdout: "",
      stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`,
      exitCode: 126,
    };
  }
  // `kubectl exec -it POD -- sh` would open an interactive session, which a request/response
  // terminal cannot hold: say how to run commands instead of silently exiting.
  if (argv.length === 1 && /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|zsh)$/.test(name) && stdin === "") {
    if (interactive && opener) {
      opener(interactive, name.replace(/^.*\//, ""));
      return { stdout: "", stderr: "", exitCode: 0 };
    }
    return { stdout: "", stderr: `interactive shells are not available in this terminal; run commands one at a time, for example:\n  kubectl exec POD -- ${name} -c 'ls /; env'\n`, exitCode: 0 };
  }
  const out = new OutputBuffer();
  const err = new OutputBuffer();
  let exitCode: number;
  try {
    exitCode = shell.runArgv(argv, { stdin, out: out.sink, err: err.sink });
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
    exitCode = e.code;
  }
  const changes = fileChanges(before, fs.toJSON());
  if (onWrites && Object.keys(changes).length) onWrites(changes);
  return { stdout: out.text(), stderr: err.text(), exitCode };
}

/** The default context, from the pod object alone: literal env values, hostname, service account. */
function podSpecResolver(server: ApiServer, namespace: string, name: string, container: string | undefined): ContainerLookup {
  const res = server.handle({ method: "GET", path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}` });
  if (res.status !== 200) return { error: res };
  const pod = res.body as KubeObject;
  const containers: { name: string; env?: { name: string; value?: string }[]; workingDir?: string }[] = pod.spec?.containers ?? [];
  const c = container === undefined ? containers[0] : containers.find((x) => x.name === container);
  if (!c) return { error: status(400, "BadRequest", `container ${container} is not valid for pod ${name}`) };
  const running = (pod.status?.containerStatuses ?? []).some((s: { name: string; state?: { running?: unknown } }) => s.name === c.name && s.state?.running);
  if (!running) return { error: status(400, "BadRequest", `unable to upgrade connection: container not found ("${c.name}")`) };
  const env: Record<string, string> = {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOSTNAME: name,
    HOME: "/root",
  };
  for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return {
    context: {
      env,
      hostname: name,
      workingDir: c.workingDir,
      files: {
        "/etc/hostname": `${name}\n`,
        "/etc/hosts": `127.0.0.1\tlocalhost\n${pod.status?.podIP ?? ""}\t${name}\n`,
        "/var/run/secrets/kubernetes.io/serviceaccount/namespace": namespace,
      },
    },
  };
}

function status(code: number, reason: string, message: string): ApiResponse {
  return { status: code, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code } };
}
