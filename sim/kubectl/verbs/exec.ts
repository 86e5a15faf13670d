// `kubectl exec` (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go), non-interactive: the pods/exec
// subresource runs the command and answers { stdout, stderr, exitCode }.

import { KINDS } from "../../api/kinds";
import { check, pathFor } from "../framework/api";
import { CommandFailed, kubectlError, usageError } from "../framework/errors";
import { boolFlag, durationFlag, stringFlag, stringSliceFlag } from "../framework/flags";
import { defaultContainer, podForArg } from "../framework/pods";
import { verb } from "../framework/verb";

const PODS = KINDS.find((k) => k.resource === "pods")!;

interface ExecOutput {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

export const execVerb = verb({
  name: "exec",
  flags: [
    stringFlag("container", { short: "c" }),
    stringSliceFlag("filename", { short: "f" }),
    durationFlag("pod-running-timeout", { default: "1m0s" }),
    boolFlag("quiet", { short: "q" }),
    boolFlag("stdin", { short: "i" }),
    boolFlag("tty", { short: "t" }),
  ],
  run(ctx, args) {
    const dash = ctx.argsLenAtDash;
    if (args.length === 0 && ctx.flags.strings("filename").length === 0) throw kubectlError("pod, type/name or --filename must be specified");
    if (dash === -1 && args.length > 1) {
      throw usageError(ctx.commandPath, "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
    }
    if (dash === 0) throw kubectlError("pod, type/name or --filename must be specified");
    const command = dash >= 0 ? args.slice(dash) : [];
    if (command.length === 0) throw kubectlError("you must specify at least one command for the container");
    const pod = podForArg(ctx, args[0]);
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") throw kubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = ctx.flags.string("container") || defaultContainer(ctx, pod, ctx.flags.bool("quiet"));
    const body: Record<string, unknown> = { command, container };
    if (ctx.flags.bool("stdin")) body.stdin = ctx.p.stdin;
    const res = ctx.request({ method: "POST", path: pathFor(PODS, pod.metadata.namespace, pod.metadata.name, "exec"), query: { container, stdout: "true", stderr: "true", ...(ctx.flags.bool("stdin") ? { stdin: "true" } : {}) }, body });
    const out = check<ExecOutput>(res);
    if (out.stdout) ctx.out(out.stdout);
    if (out.stderr) ctx.err(out.stderr);
    const code = out.exitCode ?? 0;
    if (code !== 0) throw new CommandFailed(`command terminated with exit code ${code}`, code);
    return 0;
  },
});
