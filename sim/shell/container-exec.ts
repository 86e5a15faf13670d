// The pods/exec backend: `kubectl exec POD -- CMD...` runs CMD in a child shell over the
// container's filesystem, environment and hostname (a minimal image command set: sh -c, ls, cat,
// env, printenv, echo, hostname, pwd, ps).
//
// Request contract (POST .../pods/NAME/exec): body { command: string[], container?: string,
// stdin?: string }, or query { command, container } for a single-word command. Response 200 with
// body { stdout, stderr, exitCode }, or a Status error.

import type { ApiRequest, ApiResponse } from "../core/api-types";
import type { ClusterPort, Program } from "../core/process";
import { MemoryFs } from "../core/vfs";
import type { KubeObject } from "../api/types";
import type { ApiServer, ParsedPath } from "../apiserver/server";
import { ExitSignal, OutputBuffer, Shell, type ShellState } from "./interpreter";
import { cat, ls } from "./coreutils/files";
import { echo, printf } from "./coreutils/echo";
import { env, hostname, printenv } from "./coreutils/system";
import { sleep } from "./coreutils/sleep";

/** What a container looks like from inside: files (absolute path → content), env, hostname. */
export interface ContainerContext {
  files: Record<string, string>;
  env: Record<string, string>;
  hostname: string;
  /** The container's working directory ("/" unless the image or pod sets one). */
  workingDir?: string;
  /** The container's main process, for `ps` ("nginx: master process nginx -g daemon off;"). */
  mainProcess?: string;
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
  const found = resolver(server, path.namespace ?? "default", path.name ?? "", container);
  if ("error" in found) return found.error;
  return { status: 200, body: execInContainer(found.context, command, typeof body.stdin === "string" ? body.stdin : "", port) };
}

const CONTAINER_PROGRAMS: Record<string, Program> = Object.assign(Object.create(null) as Record<string, Program>, {
  cat, ls, echo, printf, env, printenv, hostname, sleep,
  ps: (p: Parameters<Program>[0]) => {
    p.stdout("PID   USER     TIME  COMMAND\n    1 root      0:00 " + (p.env.__MAIN_PROCESS ?? "sh") + "\n");
    return 0;
  },
});

const ROOT_DIRS = ["/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/var"];

/** Runs argv in the container. Like runc, a missing executable fails before any shell runs. */
export function execInContainer(ctx: ContainerContext, argv: string[], stdin: string, port: ClusterPort): ExecOutput {
  const fs = new MemoryFs();
  // The directories every Linux image's root has, whatever files the image adds.
  for (const dir of ROOT_DIRS) fs.mkdir(dir);
  for (const [path, data] of Object.entries(ctx.files)) {
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    fs.mkdir(dir, { parents: true });
    fs.write(path, data);
  }
  const cwd = ctx.workingDir ?? "/";
  fs.mkdir(cwd, { parents: true });
  const vars: Record<string, string> = Object.assign(Object.create(null), ctx.env, { PWD: cwd });
  if (ctx.mainProcess) vars.__MAIN_PROCESS = ctx.mainProcess;
  const state: ShellState = { cwd, vars, exported: Object.keys(vars), aliases: Object.create(null), history: [], lastStatus: 0 };
  const shell = new Shell({ fs, cluster: port, hostname: ctx.hostname, programs: CONTAINER_PROGRAMS, dialect: "sh" }, state);
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
