// kubectl run (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go): creates one Pod (v1.32 has no
// other generators). With -i and no -t, the simulator waits for the pod to finish and prints its
// logs, which covers the `kubectl run tmp --rm -i --image=busybox -- wget ...` pattern.

import { boolFlag, durationFlag, stringArrayFlag, stringFlag } from "../framework/flags";
import { kubectlError, usageError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { pathFor } from "../framework/api";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, generate, kindByResourceName, printChanged, printFlags, requireFlags, writeQuery } from "../mutate/common";
import { withLastApplied } from "../mutate/last-applied";
import { applyOverrides } from "../mutate/overrides";
import { createObject } from "../mutate/write";
import { generatePod, validateRestart } from "../generators/pod";
import { generateExposeService } from "../generators/expose";
import { ApiStatusError } from "../framework/errors";
import type { KubeObject } from "../../api/types";
import { waitForPodDone } from "../mutate/wait";

export const runVerb = verb({
  name: "run",
  flags: [
    ...printFlags(),
    ...filenameFlags(),
    dryRunFlag(),
    stringFlag("image"),
    stringFlag("labels", { short: "l" }),
    stringFlag("port"),
    stringArrayFlag("env"),
    stringArrayFlag("annotations"),
    stringFlag("restart", { default: "Always" }),
    boolFlag("command"),
    stringFlag("image-pull-policy"),
    boolFlag("privileged"),
    boolFlag("expose"),
    boolFlag("rm"),
    boolFlag("stdin", { short: "i" }),
    boolFlag("tty", { short: "t" }),
    boolFlag("attach"),
    boolFlag("leave-stdin-open"),
    boolFlag("quiet", { short: "q" }),
    boolFlag("save-config"),
    boolFlag("force"),
    boolFlag("wait"),
    stringFlag("cascade", { default: "background", noOptDefVal: "background" }),
    { name: "grace-period", type: "int", default: -1 },
    stringFlag("overrides"),
    stringFlag("override-type", { default: "merge" }),
    durationFlag("pod-running-timeout", { default: "1m0s" }),
    durationFlag("timeout", { default: "0s" }),
    stringFlag("field-manager", { default: "kubectl-run" }),
  ],
  run: (ctx, args) => runRun(ctx, args),
});

// distribution/reference's ReferenceRegexp, reduced: [domain/]path[:tag][@digest].
const IMAGE_REF = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

function runRun(ctx: Ctx, args: string[]): number {
  requireFlags(ctx, ["image"]);
  if (args.length === 0 || ctx.argsLenAtDash === 0) throw usageError(ctx.commandPath, "NAME is required for run");
  const image = ctx.flags.string("image");
  if (image === "") throw kubectlError("--image is required");
  if (!IMAGE_REF.test(image)) throw kubectlError(`Invalid image name "${image}": invalid reference format`);
  const dryRun = dryRunOf(ctx);
  const interactive = ctx.flags.bool("stdin");
  const tty = ctx.flags.bool("tty");
  if (tty && !interactive) throw usageError(ctx.commandPath, "-i/--stdin is required for containers with -t/--tty=true");
  const attach = ctx.flags.changed("attach") ? ctx.flags.bool("attach") : interactive;
  if ((interactive || attach) && dryRun !== "none") throw usageError(ctx.commandPath, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (ctx.flags.bool("rm") && !attach) throw usageError(ctx.commandPath, "--rm should only be used for attached containers");
  const restart = ctx.flags.string("restart");
  try {
    validateRestart(restart);
  } catch {
    throw usageError(ctx.commandPath, `invalid restart policy: ${restart}`);
  }
  const pullPolicy = ctx.flags.string("image-pull-policy");
  if (pullPolicy && !["Always", "IfNotPresent", "Never"].includes(pullPolicy)) {
    throw kubectlError(`invalid image pull policy: ${pullPolicy}\nSee '${ctx.commandPath} -h' for help and examples`);
  }
  if (ctx.flags.bool("expose") && !ctx.flags.string("port")) throw usageError(ctx.commandPath, "--port must be set when exposing a service");
  checkOutputFormat(ctx);
  const name = args[0];
  const podArgs = args.slice(1);
  let pod = generate(ctx, () =>
    generatePod({
      name,
      image,
      labels: ctx.flags.string("labels") || undefined,
      annotations: ctx.flags.strings("annotations"),
      env: ctx.flags.strings("env"),
      port: ctx.flags.string("port") || undefined,
      restart,
      command: ctx.flags.bool("command"),
      args: podArgs,
      imagePullPolicy: pullPolicy || undefined,
      privileged: ctx.flags.bool("privileged"),
      stdin: interactive,
      tty,
      leaveStdinOpen: ctx.flags.bool("leave-stdin-open"),
      namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
    }),
  );
  // run.go: the service comes from the flags, before the pod; the overrides apply to the pod
  // only (the service gets none), before --save-config's annotation.
  if (ctx.flags.bool("expose")) exposeRun(ctx, pod, dryRun);
  pod = applyOverrides(pod, ctx.flags.string("overrides"), ctx.flags.string("override-type"));
  if (ctx.flags.bool("save-config")) pod = withLastApplied(pod);
  const k = kindByResourceName("pods");
  if (dryRun === "client") {
    printChanged(ctx, k, pod, "created", dryRun);
    return 0;
  }
  const r = createObject(ctx, k, ctx.namespace, pod, writeQuery(ctx, dryRun, ctx.flags.string("field-manager")));
  if (!r.ok) throw new ApiStatusError(r.status);
  if (!attach) {
    printChanged(ctx, k, r.object, "created", dryRun);
    return 0;
  }
  return attachRun(ctx, r.object);
}

/** --expose: the Service first, as run.go generates it before the pod. */
function exposeRun(ctx: Ctx, pod: KubeObject, dryRun: ReturnType<typeof dryRunOf>): void {
  const svc = generateExposeService({
    name: pod.metadata.name!,
    selector: pod.metadata.labels ?? {},
    ports: [{ port: Number(ctx.flags.string("port")), protocol: "TCP" }],
    namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
    copyLabels: false,
  });
  const k = kindByResourceName("services");
  if (dryRun === "client") {
    printChanged(ctx, k, svc, "created", dryRun);
    if (ctx.flags.string("output") === "yaml") ctx.out("---\n---\n");
    return;
  }
  const r = createObject(ctx, k, ctx.namespace, svc, writeQuery(ctx, dryRun, ctx.flags.string("field-manager")));
  if (!r.ok) throw new ApiStatusError(r.status);
  printChanged(ctx, k, r.object, "created", dryRun);
}

/** -i without a terminal: wait for the pod to finish, print its logs, delete it with --rm. */
function attachRun(ctx: Ctx, pod: KubeObject): number {
  const ns = pod.metadata.namespace ?? ctx.namespace;
  const name = pod.metadata.name!;
  const done = waitForPodDone(ctx, ns, name, ctx.flags.durationMs("pod-running-timeout"));
  if (!done) {
    ctx.err(`error: timed out waiting for the condition\n`);
    return 1;
  }
  if (ctx.flags.bool("tty")) ctx.err("If you don't see a command prompt, try pressing enter.\n");
  const logs = ctx.request({ method: "GET", path: pathFor(kindByResourceName("pods"), ns, name, "log") });
  if (logs.status < 400 && typeof logs.body === "string") ctx.out(logs.body);
  let code = 0;
  const cs = done.status?.containerStatuses?.[0]?.state?.terminated;
  if (cs && typeof cs.exitCode === "number" && cs.exitCode !== 0) code = cs.exitCode;
  if (ctx.flags.bool("rm")) {
    ctx.request({ method: "DELETE", path: pathFor(kindByResourceName("pods"), ns, name), body: { kind: "DeleteOptions", apiVersion: "v1" } });
    ctx.out(`pod "${name}" deleted\n`);
  }
  if (code !== 0) {
    ctx.err(`pod ${ns}/${name} terminated (Error)\n`);
    return 1;
  }
  return 0;
}
