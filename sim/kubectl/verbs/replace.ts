// kubectl replace (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go): PUT each object from
// -f; --force deletes and re-creates it, waiting for the deletion as kubectl does.

import { boolFlag, durationFlag, intFlag, stringFlag } from "../framework/flags";
import { CommandFailed, kubectlError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { pathFor } from "../framework/api";
import { loadManifests } from "../mutate/manifest";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, kindOfObject, namespaceFor, printChanged, printFlags, validateFlag, writeQuery } from "../mutate/common";
import { LAST_APPLIED, lastAppliedValue, withLastApplied } from "../mutate/last-applied";
import { createObject, deleteObject, getResult, putObject, renderErrors, visitError, type VisitError } from "../mutate/write";
import { waitUntil } from "../mutate/wait";

export const replaceVerb = verb({
  name: "replace",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    validateFlag(),
    boolFlag("force"),
    boolFlag("save-config"),
    stringFlag("cascade", { default: "background", noOptDefVal: "background" }),
    intFlag("grace-period", { default: -1 }),
    durationFlag("timeout", { default: "0s" }),
    boolFlag("wait"),
    stringFlag("raw"),
    stringFlag("subresource"),
    stringFlag("field-manager", { default: "kubectl-replace" }),
  ],
  run: (ctx, args) => runReplace(ctx, args),
});

function runReplace(ctx: Ctx, args: string[]): number {
  const files = ctx.flags.strings("filename");
  if (files.length === 0) throw kubectlError("must specify one of -f and -k");
  void args; // replace.go ignores extra arguments once -f is given.
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  const items = loadManifests(files, { fs: ctx.p.fs, cwd: ctx.p.cwd, stdin: ctx.p.stdin, home: ctx.p.env.HOME }, ctx.flags.bool("recursive"));
  const errors: VisitError[] = [];
  for (const item of items) {
    if (item.error) {
      errors.push(item.error);
      continue;
    }
    try {
      const k = kindOfObject(item.object, item.source);
      const ns = namespaceFor(ctx, k, item.object);
      let obj = structuredClone(item.object);
      if (ns !== undefined) obj.metadata = { ...obj.metadata, namespace: ns };
      if (ctx.flags.bool("save-config")) obj = withLastApplied(obj);
      else if (obj.metadata.annotations?.[LAST_APPLIED] !== undefined) obj.metadata.annotations[LAST_APPLIED] = lastAppliedValue(obj);
      const name = obj.metadata.name ?? "";
      if (dryRun === "client") {
        printChanged(ctx, k, obj, "replaced", dryRun);
        continue;
      }
      const query = writeQuery(ctx, dryRun, ctx.flags.string("field-manager"));
      if (ctx.flags.bool("force")) {
        const grace = ctx.flags.int("grace-period");
        const del = deleteObject(ctx, k, ns, name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
        if (!del.ok && del.status.code !== 404) {
          errors.push(visitError(del.status, `error when deleting "${item.source}"`));
          continue;
        }
        if (del.ok) {
          ctx.out(`${k.group ? `${k.kind.toLowerCase()}.${k.group}` : k.kind.toLowerCase()} "${name}" deleted\n`);
          waitUntil(ctx, ctx.flags.durationMs("timeout"), () => (ctx.request({ method: "GET", path: pathFor(k, ns, name) }).status === 404 ? true : undefined));
        }
        delete obj.metadata.resourceVersion;
        const r = createObject(ctx, k, ns, obj, query);
        if (r.ok) printChanged(ctx, k, r.object, "replaced", dryRun);
        else errors.push(visitError(r.status, `error when creating "${item.source}"`));
        continue;
      }
      if (!obj.metadata.resourceVersion) {
        const cur = getResult(ctx, k, ns, name);
        if (!cur.ok) {
          errors.push(visitError(cur.status, `error when replacing "${item.source}"`));
          continue;
        }
        obj.metadata.resourceVersion = cur.object.metadata.resourceVersion;
      }
      const r = putObject(ctx, k, ns, name, obj, query);
      if (r.ok) printChanged(ctx, k, r.object, "replaced", dryRun);
      else errors.push(visitError(r.status, `error when replacing "${item.source}"`));
    } catch (e) {
      if (e instanceof CommandFailed) errors.push(e.text);
      else throw e;
    }
  }
  if (errors.length) {
    ctx.err(renderErrors(errors));
    return 1;
  }
  return 0;
}
