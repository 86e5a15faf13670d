// `kubectl logs` (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go) through the pods/log
// subresource: -c, -p, --tail, --timestamps, --since, --limit-bytes, -l (tail 10 by default),
// --all-containers, --prefix, deploy/x and pod/x forms, and -f until the deadline.

import { KINDS } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { check, listObjects, pathFor } from "../framework/api";
import { ApiStatusError, kubectlError, usageError } from "../framework/errors";
import { boolFlag, durationFlag, intFlag, stringFlag } from "../framework/flags";
import { defaultContainer, podForArg } from "../framework/pods";
import { verb, type Ctx } from "../framework/verb";
import { QUIET_MS } from "./get-watch";

const PODS = KINDS.find((k) => k.resource === "pods")!;

interface LogRequest {
  pod: KubeObject;
  container: string;
  prefix: string;
}

export const logsVerb = verb({
  name: "logs",
  flags: [
    boolFlag("all-containers"),
    boolFlag("all-pods"),
    stringFlag("container", { short: "c" }),
    boolFlag("follow", { short: "f" }),
    boolFlag("ignore-errors"),
    boolFlag("insecure-skip-tls-verify-backend"),
    intFlag("limit-bytes"),
    intFlag("max-log-requests", { default: 5 }),
    durationFlag("pod-running-timeout", { default: "20s" }),
    boolFlag("prefix"),
    boolFlag("previous", { short: "p" }),
    stringFlag("selector", { short: "l" }),
    durationFlag("since"),
    stringFlag("since-time"),
    intFlag("tail", { default: -1 }),
    boolFlag("timestamps"),
  ],
  run(ctx, args) {
    const f = ctx.flags;
    const selector = f.string("selector");
    if (args.length === 0 && !selector) {
      throw kubectlError(`expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
    }
    if (selector && args.length > 0) throw usageError(ctx.commandPath, "only a selector (-l) or a POD name is allowed");
    if (args.length > 2) throw usageError(ctx.commandPath, `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command`);
    if (f.changed("since") && f.changed("since-time")) throw usageError(ctx.commandPath, "at most one of `sinceTime` or `sinceSeconds` may be specified");
    let container = f.string("container");
    if (args.length === 2) {
      if (container) throw usageError(ctx.commandPath, "only one of -c or an inline [CONTAINER] arg is allowed");
      container = args[1];
    }
    const allContainers = f.bool("all-containers");
    if (allContainers && container) throw usageError(ctx.commandPath, "--all-containers=true should not be specified with container name " + container);
    const tail = selector && f.int("tail") === -1 ? 10 : f.int("tail");
    const pods = selector ? listObjects(ctx, PODS, ctx.namespace, { labelSelector: selector }).items : [logsTarget(ctx, args[0])];
    if (selector && pods.length > f.int("max-log-requests") && f.bool("follow")) {
      throw kubectlError(`you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${f.int("max-log-requests")}, use --max-log-requests to increase the limit`);
    }
    if (selector && pods.length === 0) {
      ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    const requests: LogRequest[] = [];
    for (const pod of pods) {
      const all: string[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c: { name: string }) => c.name);
      const names: string[] = allContainers ? all : [container || defaultContainer(ctx, pod, selector !== "")];
      // polymorphichelpers logsForObject: the container is checked before any request.
      for (const c of names) if (!all.includes(c)) throw kubectlError(`container ${c} is not valid for pod ${pod.metadata.name}`);
      for (const c of names) requests.push({ pod, container: c, prefix: f.bool("prefix") ? `[pod/${pod.metadata.name}/${c}] ` : "" });
    }
    const printed = new Map<LogRequest, number>();
    for (const r of requests) printed.set(r, printLog(ctx, r, tail, 0));
    if (f.bool("follow")) follow(ctx, requests, printed);
    return 0;
  },
});

function logQuery(ctx: Ctx, r: LogRequest, tail: number): Record<string, string> {
  const f = ctx.flags;
  const q: Record<string, string> = { container: r.container };
  if (f.bool("previous")) q.previous = "true";
  if (f.bool("timestamps")) q.timestamps = "true";
  if (tail >= 0) q.tailLines = String(tail);
  if (f.int("limit-bytes") > 0) q.limitBytes = String(f.int("limit-bytes"));
  if (f.changed("since")) q.sinceSeconds = String(Math.max(1, Math.ceil(f.durationMs("since") / 1000)));
  if (f.string("since-time")) q.sinceTime = f.string("since-time");
  return q;
}

function fetchLog(ctx: Ctx, r: LogRequest, tail: number): string {
  const res = ctx.request({ method: "GET", path: pathFor(PODS, r.pod.metadata.namespace, r.pod.metadata.name, "log"), query: logQuery(ctx, r, tail) });
  const body = check<unknown>(res);
  return typeof body === "string" ? body : "";
}

/** Prints the log's lines after the first `skip`, each with the --prefix (kept byte for byte,
 *  a cut last line included); returns how many lines the log has now. */
function printLog(ctx: Ctx, r: LogRequest, tail: number, skip: number): number {
  const text = fetchLog(ctx, r, tail);
  const pieces = text === "" ? [] : text.split(/(?<=\n)/);
  const fresh = pieces.slice(skip);
  if (fresh.length) ctx.out(fresh.map((l) => `${r.prefix}${l}`).join(""));
  return pieces.length;
}

/** -f: let virtual time pass up to the deadline (or until nothing is pending), printing new lines. */
function follow(ctx: Ctx, requests: LogRequest[], printed: Map<LogRequest, number>): void {
  const port = ctx.p.cluster;
  const deadline = ctx.p.deadline;
  const step = () => {
    for (const r of requests) printed.set(r, printLog(ctx, r, -1, printed.get(r) ?? 0));
  };
  // Later polls read the whole log: count the lines already shown from it.
  for (const r of requests) {
    const all = fetchLog(ctx, r, -1);
    printed.set(r, all === "" ? 0 : all.split(/(?<=\n)/).length);
  }
  let lastChange = port.now();
  const total = () => [...printed.values()].reduce((a, b) => a + b, 0);
  for (;;) {
    // The stream ends when every followed container has stopped running (kubelet closes it).
    if (requests.every((r) => isFinished(ctx, r))) return;
    const next = port.nextEventAt();
    if (deadline === undefined) {
      if (next === undefined || next - lastChange > QUIET_MS) return;
      port.advanceTo(Math.max(next, port.now()));
    } else if (next === undefined || next > deadline) {
      if (deadline > port.now()) port.advanceTo(deadline);
      step();
      return;
    } else port.advanceTo(Math.max(next, port.now()));
    const before = total();
    step();
    if (total() !== before) lastChange = port.now();
  }
}

/** A followed container that is no longer running (or a pod that is gone) ends its stream. */
function isFinished(ctx: Ctx, r: LogRequest): boolean {
  const res = ctx.request({ method: "GET", path: pathFor(PODS, r.pod.metadata.namespace, r.pod.metadata.name) });
  if (res.status !== 200) return true;
  const pod = res.body as KubeObject;
  const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s: { name: string }) => s.name === r.container);
  return !st?.state?.running;
}

/** The pod to read; a missing object is worded as logs.go's builder error words it. */
function logsTarget(ctx: Ctx, arg: string): KubeObject {
  try {
    return podForArg(ctx, arg);
  } catch (e) {
    if (e instanceof ApiStatusError && e.status.code === 404) {
      throw kubectlError(`error from server (NotFound): ${e.status.message} in namespace "${ctx.namespace}"`);
    }
    throw e;
  }
}
