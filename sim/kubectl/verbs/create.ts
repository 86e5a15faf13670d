// kubectl create (staging/src/k8s.io/kubectl/pkg/cmd/create/create.go): -f manifests, each object
// POSTed and reported on its own (ContinueOnError); the generator subcommands live in
// create-subcommands.ts.

import { boolFlag, stringFlag } from "../framework/flags";
import { CommandFailed, kubectlError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { loadManifests } from "../mutate/manifest";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, kindOfObject, namespaceFor, printChanged, printFlags, validateFlag, writeQuery } from "../mutate/common";
import { withLastApplied, lastAppliedValue, LAST_APPLIED } from "../mutate/last-applied";
import { createObject, renderErrors, visitError, type VisitError } from "../mutate/write";
import { CREATE_SUBCOMMANDS } from "./create-subcommands";

export const createVerb = verb({
  name: "create",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    validateFlag(),
    boolFlag("save-config"),
    boolFlag("edit"),
    boolFlag("windows-line-endings"),
    stringFlag("raw"),
    stringFlag("selector", { short: "l" }),
    stringFlag("field-manager", { default: "kubectl-create" }),
  ],
  subcommands: CREATE_SUBCOMMANDS,
  run: (ctx, args) => runCreate(ctx, args),
});

function runCreate(ctx: Ctx, args: string[]): number {
  const files = ctx.flags.strings("filename");
  if (args.length > 0) throw kubectlError(`Unexpected args: [${args.join(" ")}]\nSee '${ctx.commandPath} -h' for help and examples`);
  if (files.length === 0 && !ctx.flags.string("kustomize")) throw kubectlError("must specify one of -f and -k");
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  const items = loadManifests(files, { fs: ctx.p.fs, cwd: ctx.p.cwd, stdin: ctx.p.stdin, home: ctx.p.env.HOME }, ctx.flags.bool("recursive"));
  const errors: VisitError[] = [];
  let any = false;
  for (const item of items) {
    if (item.error) {
      errors.push(item.error);
      continue;
    }
    let k;
    try {
      k = kindOfObject(item.object, item.source);
    } catch (e) {
      if (e instanceof CommandFailed) {
        errors.push(e.text.replace(/^error: /, "error: "));
        continue;
      }
      throw e;
    }
    const ns = namespaceFor(ctx, k, item.object);
    let obj = structuredClone(item.object);
    if (ns !== undefined) obj.metadata = { ...obj.metadata, namespace: ns };
    if (ctx.flags.bool("save-config")) obj = withLastApplied(obj);
    else if (obj.metadata.annotations?.[LAST_APPLIED] !== undefined) obj.metadata.annotations[LAST_APPLIED] = lastAppliedValue(obj);
    any = true;
    if (dryRun === "client") {
      printChanged(ctx, k, obj, "created", dryRun, { sortJson: true });
      continue;
    }
    const r = createObject(ctx, k, ns, obj, writeQuery(ctx, dryRun, ctx.flags.string("field-manager")));
    if (r.ok) printChanged(ctx, k, r.object, "created", dryRun);
    else errors.push(visitError(r.status, `error when creating "${item.source}"`));
  }
  if (!any && errors.length === 0) throw kubectlError("no objects passed to create");
  if (errors.length) {
    ctx.err(renderErrors(errors));
    return 1;
  }
  return 0;
}
