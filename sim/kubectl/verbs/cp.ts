// `kubectl cp SRC DEST [-c C]` (staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go) for files: one side is
// `[NAMESPACE/]POD:PATH`, the other a local path. kubectl streams tar through pods/exec; here the
// exec runs `cat PATH` (from the pod) or `cat > PATH` with the file as stdin (to the pod), so the
// write lands in the container as an exec's write does (shared through emptyDir volumes).
// Directories are not copied (known gap).

import { KINDS } from "../../api/kinds";
import { resolvePath } from "../../core/vfs";
import { check, getObject, pathFor } from "../framework/api";
import { CommandFailed, kubectlError } from "../framework/errors";
import { boolFlag, intFlag, stringFlag } from "../framework/flags";
import { defaultContainer } from "../framework/pods";
import { verb, type Ctx } from "../framework/verb";

const PODS = KINDS.find((k) => k.resource === "pods")!;

interface Remote {
  namespace?: string;
  pod: string;
  path: string;
}

/** cp.go extractFileSpec: `pod:path` or `namespace/pod:path`; anything else is local. */
function remoteSpec(arg: string): Remote | undefined {
  const colon = arg.indexOf(":");
  if (colon <= 0) return undefined;
  const head = arg.slice(0, colon);
  const path = arg.slice(colon + 1);
  const parts = head.split("/");
  if (parts.length === 1) return { pod: head, path };
  if (parts.length === 2) return { namespace: parts[0], pod: parts[1], path };
  return undefined;
}

function exec(ctx: Ctx, r: Remote, command: string[], stdin?: string): { stdout: string; stderr: string; exitCode: number } {
  const ns = r.namespace ?? ctx.namespace;
  const pod = getObject(ctx, PODS, ns, r.pod);
  const container = ctx.flags.string("container") || defaultContainer(ctx, pod);
  const res = ctx.request({
    method: "POST",
    path: pathFor(PODS, ns, r.pod, "exec"),
    query: { container, stdout: "true", stderr: "true", ...(stdin !== undefined ? { stdin: "false" } : {}) },
    body: { command, container, ...(stdin !== undefined ? { stdin } : {}) },
  });
  const out = check<{ stdout?: string; stderr?: string; exitCode?: number }>(res);
  return { stdout: out.stdout ?? "", stderr: out.stderr ?? "", exitCode: out.exitCode ?? 0 };
}

export const cpVerb = verb({
  name: "cp",
  flags: [stringFlag("container", { short: "c" }), boolFlag("no-preserve"), intFlag("retries")],
  run(ctx, args) {
    if (args.length !== 2) throw kubectlError("source and destination are required");
    const [src, dest] = args.map(remoteSpec);
    if (!src && !dest) throw kubectlError("one of src or dest must be a remote file specification");
    if (src && dest) throw kubectlError("one of src or dest must be a local file specification");
    const fs = ctx.p.fs;
    const home = ctx.p.env.HOME ?? "/root";
    if (src) {
      // tar in the container strips the leading slash and says so on stderr.
      if (src.path.startsWith("/")) ctx.err("tar: Removing leading `/' from member names\n");
      const r = exec(ctx, src, ["cat", src.path]);
      if (r.exitCode !== 0) throw new CommandFailed(`error: ${src.path} no such file or directory`);
      let target = resolvePath(ctx.p.cwd, args[1], home);
      if (fs.stat(target)?.type === "dir") target = `${target.replace(/\/$/, "")}/${src.path.replace(/\/+$/, "").split("/").pop()}`;
      fs.write(target, r.stdout, { mtime: ctx.p.cluster.now() });
      return 0;
    }
    const local = resolvePath(ctx.p.cwd, args[0], home);
    const st = fs.stat(local);
    if (!st) throw kubectlError(`${args[0]} doesn't exist in local filesystem`);
    if (st.type === "dir") throw kubectlError(`${args[0]}: copying directories is not supported in this simulator`);
    const to = dest!.path.endsWith("/") ? `${dest!.path}${local.split("/").pop()}` : dest!.path;
    const r = exec(ctx, dest!, ["sh", "-c", `cat > '${to.replace(/'/g, "'\\''")}'`], fs.read(local));
    if (r.stderr) ctx.err(r.stderr.replace(/^sh: 1: cannot create ([^:]+): .*$/m, "tar: $1: Cannot open: No such file or directory"));
    if (r.exitCode !== 0) throw new CommandFailed(`command terminated with exit code ${r.exitCode}`, r.exitCode);
    return 0;
  },
});
