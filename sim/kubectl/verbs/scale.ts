// kubectl scale (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go): --replicas through the
// scale subresource, --current-replicas as a precondition, TYPE NAME / TYPE/NAME / -f / -l / --all.

import { boolFlag, durationFlag, intFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, printChanged, printFlags, requireFlags } from "../mutate/common";
import { findTargets, finishWithErrors, type Found } from "../mutate/targets";
import { patchObject, type VisitError } from "../mutate/write";
import { LimitError, LIMITS } from "../../core/limits";

const SCALABLE = new Set(["deployments", "replicasets", "replicationcontrollers", "statefulsets"]);

export const scaleVerb = verb({
  name: "scale",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    intFlag("replicas", { default: -1 }),
    intFlag("current-replicas", { default: -1 }),
    stringFlag("resource-version"),
    stringFlag("selector", { short: "l" }),
    boolFlag("all"),
    boolFlag("all-namespaces", { short: "A" }),
    durationFlag("timeout", { default: "0s" }),
  ],
  run: (ctx, args) => runScale(ctx, args),
});

function runScale(ctx: Ctx, args: string[]): number {
  requireFlags(ctx, ["replicas"]);
  const replicas = ctx.flags.int("replicas");
  if (replicas < 0) throw kubectlError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  if (replicas > LIMITS.replicasPerWorkload) throw new LimitError("replicasPerWorkload");
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  const errors: VisitError[] = [];
  const targets = findTargets(ctx, args, {
    files: ctx.flags.strings("filename"),
    recursive: ctx.flags.bool("recursive"),
    selector: ctx.flags.string("selector"),
    all: ctx.flags.bool("all"),
    allNamespaces: ctx.flags.bool("all-namespaces"),
    emptyMessage: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  }, errors);
  // scale.go collects the builder's objects first; with none, its error wraps the lookup failure.
  if (targets.length === 0) {
    const why = errors.map((e) => (typeof e === "string" ? e.replace(/^Error from server \([^)]*\): /, "").replace(/^error: /, "") : e.status.message)).join(", ");
    throw kubectlError(`no objects passed to scale${why ? ` ${why}` : ""}`);
  }
  for (const t of targets) {
    const e = scaleOne(ctx, t, replicas, dryRun);
    if (e) errors.push(e);
  }
  return finishWithErrors(ctx, errors);
}

function scaleOne(ctx: Ctx, t: Found, replicas: number, dryRun: ReturnType<typeof dryRunOf>): string | undefined {
  // Other kinds have no scale subresource: the server answers 404 and kubectl prints it.
  if (!SCALABLE.has(t.kind.resource)) return "Error from server (NotFound): the server could not find the requested resource";
  const current = ctx.flags.int("current-replicas");
  const have = t.object.spec?.replicas ?? 1;
  if (current >= 0 && current !== have) return `error: Expected replicas to be ${current}, was ${have}`;
  if (dryRun === "client") {
    const shown = structuredClone(t.object);
    shown.spec = { ...shown.spec, replicas };
    printChanged(ctx, t.kind, shown, "scaled", dryRun);
    return undefined;
  }
  const patch: Record<string, unknown> = { spec: { replicas } };
  const rv = ctx.flags.string("resource-version");
  if (rv) patch.metadata = { resourceVersion: rv };
  const query = dryRun === "server" ? { dryRun: "All" } : undefined;
  let r = patchObject(ctx, t.kind, t.namespace, t.name, patch, "application/merge-patch+json", query, "scale");
  if (!r.ok && r.status.code === 404 && !r.status.details?.name) {
    // An API server without the scale subresource: patch the object itself.
    r = patchObject(ctx, t.kind, t.namespace, t.name, patch, "application/merge-patch+json", query);
  }
  if (!r.ok) return statusErrorText(r.status);
  printChanged(ctx, t.kind, { ...t.object, spec: { ...t.object.spec, replicas } }, "scaled", dryRun);
  return undefined;
}
