// `kubectl attach POD [-c C] [-i] [-t]` (staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go):
// attaches to the container's main process and shows what it prints from now on. The simulator
// reads the container's log (pods/log) as virtual time passes, up to p.deadline (`timeout N`, or
// the browser's stream horizon: Ctrl-C detaches); without one it stops once the container has been
// quiet for a minute. Input is not forwarded (no process reads stdin in the simulator).

import { KINDS } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { check, pathFor } from "../framework/api";
import { kubectlError } from "../framework/errors";
import { boolFlag, durationFlag, stringFlag } from "../framework/flags";
import { defaultContainer, podForArg } from "../framework/pods";
import { verb, type Ctx } from "../framework/verb";

const PODS = KINDS.find((k) => k.resource === "pods")!;
const QUIET_MS = 60_000;

function logLines(ctx: Ctx, pod: KubeObject, container: string): string[] {
  const res = ctx.request({ method: "GET", path: pathFor(PODS, pod.metadata.namespace, pod.metadata.name, "log"), query: { container } });
  if (res.status !== 200) return [];
  const body = check<unknown>(res);
  return typeof body === "string" && body !== "" ? body.split(/(?<=\n)/) : [];
}

function running(ctx: Ctx, pod: KubeObject, container: string): boolean {
  const res = ctx.request({ method: "GET", path: pathFor(PODS, pod.metadata.namespace, pod.metadata.name) });
  if (res.status !== 200) return false;
  const st = ((res.body as KubeObject).status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container);
  return Boolean(st?.state?.running);
}

export const attachVerb = verb({
  name: "attach",
  flags: [stringFlag("container", { short: "c" }), durationFlag("pod-running-timeout", { default: "1m0s" }), boolFlag("quiet", { short: "q" }), boolFlag("stdin", { short: "i" }), boolFlag("tty", { short: "t" })],
  run(ctx, args) {
    if (args.length === 0) throw kubectlError("expected POD, TYPE/NAME, or TYPE NAME, (0) is not acceptable\nSee 'kubectl attach -h' for help and examples");
    const pod = podForArg(ctx, args[0]);
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") throw kubectlError(`cannot attach a container in a completed pod; current phase is ${phase}`);
    const container = ctx.flags.string("container") || defaultContainer(ctx, pod, ctx.flags.bool("quiet"));
    const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c: { name: string }) => c.name === container) as { tty?: boolean; stdin?: boolean } | undefined;
    if (!spec) throw kubectlError(`container ${container} not found in pod ${pod.metadata.name}`);
    const quiet = ctx.flags.bool("quiet");
    if (ctx.flags.bool("tty") && !spec.tty && !quiet) ctx.err(`Unable to use a TTY - container ${container} did not allocate one\n`);
    if (ctx.flags.bool("stdin") && !quiet) ctx.err("If you don't see a command prompt, try pressing enter.\n");
    const port = ctx.p.cluster;
    const deadline = ctx.p.deadline;
    let shown = logLines(ctx, pod, container).length;
    let lastChange = port.now();
    for (;;) {
      if (!running(ctx, pod, container)) return 0;
      const next = port.nextEventAt();
      if (deadline === undefined) {
        if (next === undefined || next - lastChange > QUIET_MS) return 0;
        port.advanceTo(Math.max(next, port.now()));
      } else if (next === undefined || next > deadline) {
        if (deadline > port.now()) port.advanceTo(deadline);
      } else port.advanceTo(Math.max(next, port.now()));
      const lines = logLines(ctx, pod, container);
      if (lines.length > shown) {
        ctx.out(lines.slice(shown).join(""));
        shown = lines.length;
        lastChange = port.now();
      }
      if (deadline !== undefined && port.now() >= deadline) return 0;
    }
  },
});
