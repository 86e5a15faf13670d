// kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go): names, TYPE/NAME, -f,
// -l, --all; graceful deletion with --grace-period/--now/--force, cascade policies, and --wait,
// which lets virtual time pass until the objects are gone (a pod's kubelet finishes it).

import type { KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { boolFlag, durationFlag, intFlag, stringFlag } from "../framework/flags";
import { CommandFailed, kubectlError, statusErrorText } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { listObjects, pathFor } from "../framework/api";
import { nameOf, parseTargets } from "../framework/resources";
import { loadManifests } from "../mutate/manifest";
import { dryRunFlag, dryRunOf, dryRunSuffix, filenameFlags, kindOfObject, namespaceFor, type DryRun } from "../mutate/common";
import { deleteObject, renderErrors, visitError, type VisitError } from "../mutate/write";
import { waitUntil } from "../mutate/wait";

export const deleteVerb = verb({
  name: "delete",
  flags: [
    ...filenameFlags(),
    stringFlag("selector", { short: "l" }),
    stringFlag("field-selector"),
    boolFlag("all"),
    boolFlag("all-namespaces", { short: "A" }),
    stringFlag("cascade", { default: "background", noOptDefVal: "background" }),
    intFlag("grace-period", { default: -1 }),
    boolFlag("now"),
    boolFlag("force"),
    boolFlag("wait", { default: true }),
    durationFlag("timeout", { default: "0s" }),
    boolFlag("ignore-not-found"),
    boolFlag("interactive", { short: "i" }),
    stringFlag("raw"),
    stringFlag("output", { short: "o" }),
    dryRunFlag(),
  ],
  run: (ctx, args) => runDelete(ctx, args),
});

interface Victim {
  kind: KindInfo;
  namespace?: string;
  name: string;
  source?: string;
}

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function gracePeriodOf(ctx: Ctx): number {
  let grace = ctx.flags.int("grace-period");
  const force = ctx.flags.bool("force");
  if (ctx.flags.bool("now")) {
    if (grace !== -1) throw kubectlError("--now and --grace-period cannot be specified together");
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1; // delete.go: --grace-period=0 without --force means 1.
  if (force && grace < 0) grace = 0;
  return grace;
}

function propagationOf(ctx: Ctx): string {
  const c = ctx.flags.string("cascade");
  switch (c) {
    case "background":
    case "true":
      return "Background";
    case "orphan":
    case "false":
      return "Orphan";
    case "foreground":
      return "Foreground";
    default:
      throw kubectlError(`invalid cascade value (${c}). Must be "background", "foreground", or "orphan"`);
  }
}

function runDelete(ctx: Ctx, args: string[]): number {
  const files = ctx.flags.strings("filename");
  const selector = ctx.flags.string("selector");
  const all = ctx.flags.bool("all");
  if (all && selector) throw kubectlError("cannot set --all and --selector at the same time");
  const grace = gracePeriodOf(ctx);
  const propagation = propagationOf(ctx);
  const dryRun = dryRunOf(ctx);
  const errors: VisitError[] = [];
  const victims = files.length ? fromFiles(ctx, files, errors) : fromArgs(ctx, args, errors);
  if (ctx.flags.bool("force") && grace === 0) {
    ctx.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
  }
  const deleted: Victim[] = [];
  const listed = files.length === 0 && (all || selector !== "" || ctx.flags.string("field-selector") !== "");
  for (const v of victims) {
    const options: Record<string, unknown> = { propagationPolicy: propagation };
    if (grace >= 0) options.gracePeriodSeconds = grace;
    const r = deleteObject(ctx, v.kind, v.namespace, v.name, options, dryRun === "server" ? { dryRun: "All" } : undefined, dryRun);
    if (!r.ok) {
      if (r.status.code === 404 && (ctx.flags.bool("ignore-not-found") || listed)) continue;
      errors.push(v.source ? visitError(r.status, `error when deleting "${v.source}"`) : statusErrorText(r.status));
      continue;
    }
    deleted.push(v);
    printDeletion(ctx, v, dryRun, ctx.flags.bool("force") && grace === 0);
  }
  if (victims.length === 0 && errors.length === 0 && !ctx.flags.bool("ignore-not-found")) ctx.out("No resources found\n");
  if (dryRun === "none" && ctx.flags.bool("wait") && deleted.length) waitForDeletion(ctx, deleted);
  if (errors.length) {
    ctx.err(renderErrors(errors));
    return 1;
  }
  return 0;
}

function printDeletion(ctx: Ctx, v: Victim, dryRun: DryRun, forced: boolean): void {
  if (ctx.flags.string("output") === "name") {
    ctx.out(`${nameOf(v.kind, v.name)}\n`);
    return;
  }
  const kind = v.kind.group ? `${v.kind.kind.toLowerCase()}.${v.kind.group}` : v.kind.kind.toLowerCase();
  ctx.out(`${kind} "${v.name}" ${forced ? "force deleted" : "deleted"}${dryRunSuffix(dryRun)}\n`);
}

function fromFiles(ctx: Ctx, files: string[], errors: VisitError[]): Victim[] {
  const out: Victim[] = [];
  for (const item of loadManifests(files, { fs: ctx.p.fs, cwd: ctx.p.cwd, stdin: ctx.p.stdin, home: ctx.p.env.HOME }, ctx.flags.bool("recursive"))) {
    if (item.error) {
      errors.push(item.error);
      continue;
    }
    try {
      const kind = kindOfObject(item.object, item.source);
      out.push({ kind, namespace: namespaceFor(ctx, kind, item.object), name: item.object.metadata?.name ?? "", source: item.source });
    } catch (e) {
      if (e instanceof CommandFailed) errors.push(e.text);
      else throw e;
    }
  }
  return out;
}

function fromArgs(ctx: Ctx, args: string[], errors: VisitError[]): Victim[] {
  if (args.length === 0) throw kubectlError(NO_RESOURCES);
  // `all` is the category (pods, services, workloads, jobs), as resource.Builder expands it for delete too.
  const targets = parseTargets(args, { allowAll: true });
  const allNs = ctx.flags.bool("all-namespaces");
  const selector = ctx.flags.string("selector");
  const fieldSelector = ctx.flags.string("field-selector");
  const listing = ctx.flags.bool("all") || selector !== "" || fieldSelector !== "";
  const out: Victim[] = [];
  for (const t of targets) {
    const ns = t.kind.namespaced ? (allNs ? undefined : ctx.namespace) : undefined;
    if (t.name !== undefined) {
      out.push({ kind: t.kind, namespace: t.kind.namespaced ? ctx.namespace : undefined, name: t.name });
      continue;
    }
    if (!listing) throw kubectlError("resource(s) were provided, but no name was specified");
    const { items } = listObjects(ctx, t.kind, ns, { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined });
    for (const o of items) out.push({ kind: t.kind, namespace: o.metadata.namespace, name: o.metadata.name! });
  }
  void errors;
  return out;
}

/** delete.go waits for every deleted object to disappear (a watch per object); here time passes. */
function waitForDeletion(ctx: Ctx, victims: Victim[]): void {
  const timeout = ctx.flags.durationMs("timeout");
  waitUntil(ctx, timeout, () => (victims.every((v) => gone(ctx, v)) ? true : undefined));
}

function gone(ctx: Ctx, v: Victim): boolean {
  const r = ctx.request({ method: "GET", path: pathFor(v.kind, v.namespace, v.name) });
  return r.status === 404;
}

export type { KubeObject };
