// The image catalogue: which images exist (so pulls succeed or fail as a registry would answer),
// and what their main process does once started.

import type { Behaviour, ImageInfo, OutputLine, RunContext } from "./types";
import { fakeDigest, parseImageRef, type ImageRef } from "./reference";
import { httpd, jocatalinBootcamp, kubernetesBootcamp, nginx } from "./catalogue-web";
import { mysql, postgres, redis } from "./catalogue-data";
import { alpine, busybox, debian, node, python, ubuntu } from "./catalogue-base";
import { systemImages } from "./catalogue-system";
import { extraImages } from "./catalogue-extra";
import { runArgv, runScript, type ScriptHost, type ScriptResult } from "./shell-run";

export type { Behaviour, ImageInfo, RunContext, OutputLine, HttpReply, NetReply } from "./types";
export { parseImageRef, type ImageRef } from "./reference";

const CATALOGUE: ImageInfo[] = [nginx, httpd, kubernetesBootcamp, jocatalinBootcamp, redis, postgres, mysql, busybox, alpine, ubuntu, debian, python, node, ...systemImages, ...extraImages];
const BY_REPOSITORY = new Map(CATALOGUE.map((i) => [i.repository, i]));

export interface ResolvedImage {
  info: ImageInfo;
  /** As the container status shows it: "docker.io/library/nginx:latest". */
  imageName: string;
  /** As the container status' imageID shows it: "docker.io/library/nginx@sha256:...". */
  imageID: string;
  digest: string;
  version: string;
  sizeBytes: number;
}

export type PullResult =
  | { ok: true; image: ResolvedImage }
  | { ok: false; reason: "ErrImagePull" | "InvalidImageName"; message: string };

const resolved = new Map<string, PullResult>();

/**
 * What the registry answers for `image` (the string in the pod spec). A pure function the kubelet
 * asks at every step: the answers are remembered, so they are shared (read-only).
 */
export function resolveImage(image: string): PullResult {
  let r = resolved.get(image);
  if (r === undefined) {
    r = lookUpImage(image);
    if (resolved.size >= 512) resolved.clear();
    resolved.set(image, r);
  }
  return r;
}

function lookUpImage(image: string): PullResult {
  if (!image || /[A-Z]/.test(image.split("@")[0].split(":")[0]) || /\s/.test(image)) {
    return { ok: false, reason: "InvalidImageName", message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format${/[A-Z]/.test(image) ? `: repository name (library/${image.split(":")[0]}) must be lowercase` : ""}` };
  }
  const ref = parseImageRef(image);
  // k8s.gcr.io is frozen and redirects to registry.k8s.io, so old tutorials still pull.
  const info = BY_REPOSITORY.get(ref.repository) ?? BY_REPOSITORY.get(ref.repository.replace(/^k8s\.gcr\.io\//, "registry.k8s.io/"));
  const shown = ref.full;
  if (!info) {
    // Docker Hub answers an unknown repository with 401 insufficient_scope; containerd v1.7 wraps it
    // as gRPC Unknown, and the kubelet shows the status error as is ("rpc error: code = ... desc = ..."),
    // as it does the NotFound of a missing tag.
    if (ref.repository.startsWith("docker.io/")) {
      return { ok: false, reason: "ErrImagePull", message: `rpc error: code = Unknown desc = failed to pull and unpack image "${shown}": failed to resolve reference "${shown}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
    }
    return { ok: false, reason: "ErrImagePull", message: `rpc error: code = NotFound desc = failed to pull and unpack image "${shown}": failed to resolve reference "${shown}": ${shown}: not found` };
  }
  const tag = ref.tag ?? "latest";
  if (ref.tag && !info.tags.includes(ref.tag)) {
    return { ok: false, reason: "ErrImagePull", message: `rpc error: code = NotFound desc = failed to pull and unpack image "${shown}": failed to resolve reference "${shown}": ${shown}: not found` };
  }
  const version = info.versions?.[tag] ?? tag;
  const digest = ref.digest ?? fakeDigest(`${info.repository}:${version}`);
  const repo = ref.repository;
  return { ok: true, image: { info, imageName: ref.digest ? `${repo}@${digest}` : `${repo}:${tag}`, imageID: `${repo}@${digest}`, digest, version, sizeBytes: info.sizeBytes } };
}

/** Kubernetes' rule: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD. */
export function containerArgv(info: ImageInfo, command?: string[], args?: string[]): string[] {
  if (command && command.length) return [...command, ...(args ?? [])];
  if (args && args.length) return [...info.entrypoint, ...args];
  return [...info.entrypoint, ...info.cmd];
}

const SHELLS = new Set(["sh", "ash", "bash", "dash"]);

function basename(p: string): string {
  return p.split("/").pop() ?? p;
}

function startError(argv0: string): string {
  const why = argv0.includes("/") ? `stat ${argv0}: no such file or directory` : `executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv0}": ${why}: unknown`;
}

/** A process that never writes (a module-level function: no closure per start). */
function noOutput(): OutputLine[] {
  return [];
}

/** What the container's main process does; `ctx.argv` comes from containerArgv. */
export function startProcess(img: ResolvedImage, ctx: RunContext): Behaviour {
  const { info, version } = img;
  const argv = ctx.argv;
  if (argv.length === 0) return { output: noOutput, exit: { atMs: 0, code: 0 }, ports: [], ignoresSigterm: false };
  const own = info.program?.(ctx, version);
  if (own) return own;
  const name = basename(argv[0]);
  if (!info.bins.includes(name) && !info.bins.includes(argv[0])) {
    return { output: noOutput, ports: [], ignoresSigterm: false, startError: startError(argv[0]), exit: { atMs: 0, code: 128 } };
  }
  const host: ScriptHost = {
    ctx,
    flavor: name === "bash" ? "bash" : info.shell ?? "dash",
    external(a) {
      return info.program?.({ ...ctx, argv: a }, version);
    },
    hasBin(n) {
      return info.bins.includes(n);
    },
    version,
  };
  const ci = argv.indexOf("-c");
  const run = (untilMs: number): ScriptResult =>
    SHELLS.has(name) && ci > 0 ? runScript(argv[ci + 1] ?? "", host, untilMs, argv[0]) : runArgv(argv, host, untilMs);
  return fromScript(run);
}

function fromScript(run: (untilMs: number) => ScriptResult): Behaviour {
  const full = run(Infinity);
  if (full.handoff) {
    const { atMs, behaviour: b } = full.handoff;
    return {
      ...b,
      filesAt(u) {
        return run(Math.min(u, atMs)).files;
      },
      output(u) {
        return [...run(Math.min(u, atMs)).lines, ...(u >= atMs ? b.output(u - atMs).map((l) => ({ ...l, atMs: l.atMs + atMs })) : [])];
      },
      exit: b.exit ? { atMs: b.exit.atMs + atMs, code: b.exit.code } : undefined,
      readyAfterMs: (b.readyAfterMs ?? 0) + atMs,
    };
  }
  const exit = full.exit && Number.isFinite(full.exit.atMs) ? full.exit : undefined;
  return {
    output(u) {
      return run(exit ? Math.min(u, exit.atMs) : u).lines;
    },
    filesAt(u) {
      return run(exit ? Math.min(u, exit.atMs) : u).files;
    },
    exit,
    ports: [],
    // A shell or sleep as PID 1 has no SIGTERM handler: the runtime waits out the grace period.
    ignoresSigterm: true,
  };
}

export function knownImages(): readonly ImageInfo[] {
  return CATALOGUE;
}

/** Runs a short command in a container whose files are `ctx.files` (exec probes, lifecycle hooks):
 *  exit code, output, how long it took (up to `untilMs`) and the files afterwards. */
export function runCommand(img: ResolvedImage, ctx: RunContext, untilMs = 0): { exitCode: number; output: string; durationMs: number; files: Record<string, string> } {
  const name = basename(ctx.argv[0] ?? "");
  if (!ctx.argv.length || (!img.info.bins.includes(name) && !img.info.bins.includes(ctx.argv[0]))) {
    return { exitCode: 126, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${ctx.argv[0] ?? ""}": executable file not found in $PATH: unknown`, durationMs: 0, files: ctx.files };
  }
  const host: ScriptHost = { ctx, flavor: name === "bash" ? "bash" : img.info.shell ?? "dash", external: () => undefined, hasBin: (n) => img.info.bins.includes(n) };
  const ci = ctx.argv.indexOf("-c");
  // A `sleep` past `untilMs` ends the run there (as a probe timeout or the grace period would).
  const r = SHELLS.has(name) && ci > 0 ? runScript(ctx.argv[ci + 1] ?? "", host, untilMs, ctx.argv[0]) : runArgv(ctx.argv, host, untilMs);
  return { exitCode: r.exit?.code ?? 0, output: r.lines.map((l) => `${l.text}\n`).join(""), durationMs: r.exit ? r.exit.atMs : untilMs, files: r.files };
}
