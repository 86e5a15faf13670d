// kubectl apply, client-side (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go applyOneObject
// and patcher.go): a missing object is created with the last-applied annotation; an existing one
// gets the three-way strategic merge patch of (last-applied, file, live): `{}` means unchanged.

import type { KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { boolFlag, stringFlag, stringSliceFlag } from "../framework/flags";
import { CommandFailed, kubectlError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { loadManifests, type ManifestItem } from "../mutate/manifest";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, kindOfObject, namespaceFor, printChanged, printFlags, validateFlag, writeQuery, type DryRun } from "../mutate/common";
import { LAST_APPLIED, lastAppliedOf, withLastApplied } from "../mutate/last-applied";
import { createThreeWayMergePatch, type JsonMap } from "../mutate/three-way-merge";
import { createObject, getResult, patchObject, renderErrors, visitError, type VisitError } from "../mutate/write";
import { findTargets, finishWithErrors } from "../mutate/targets";
import { toYaml } from "../output/yaml";

export const applyVerb = verb({
  name: "apply",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    validateFlag(),
    boolFlag("server-side"),
    boolFlag("force-conflicts"),
    boolFlag("overwrite", { default: true }),
    boolFlag("force"),
    boolFlag("prune"),
    boolFlag("all"),
    stringFlag("selector", { short: "l" }),
    stringSliceFlag("prune-allowlist"),
    stringFlag("cascade", { default: "background", noOptDefVal: "background" }),
    { name: "grace-period", type: "int", default: -1 },
    boolFlag("wait"),
    stringFlag("field-manager", { default: "kubectl-client-side-apply" }),
  ],
  subcommands: [
    verb({
      name: "view-last-applied",
      flags: [...filenameFlags(), stringFlag("output", { short: "o", default: "yaml" }), stringFlag("selector", { short: "l" }), boolFlag("all")],
      run: (ctx, args) => viewLastApplied(ctx, args),
    }),
  ],
  run: (ctx, args) => runApply(ctx, args),
});

/** apply view-last-applied (apply_view_last_applied.go): the annotation as YAML or JSON. */
function viewLastApplied(ctx: Ctx, args: string[]): number {
  const output = ctx.flags.string("output");
  if (output !== "yaml" && output !== "json") throw kubectlError(`unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json\nSee '${ctx.commandPath} -h' for help and examples`);
  const errors: VisitError[] = [];
  const found = findTargets(ctx, args, {
    files: ctx.flags.strings("filename"),
    selector: ctx.flags.string("selector"),
    all: ctx.flags.bool("all"),
    emptyMessage: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  }, errors);
  for (const t of found) {
    const last = lastAppliedOf(t.object);
    if (!last) throw kubectlError(`no last-applied-configuration annotation found on resource: ${t.name}`);
    ctx.out(output === "json" ? JSON.stringify(last, null, 2) + "\n" : toYaml(last));
  }
  return finishWithErrors(ctx, errors);
}

function runApply(ctx: Ctx, args: string[]): number {
  const files = ctx.flags.strings("filename");
  if (args.length > 0) throw kubectlError(`Unexpected args: [${args.join(" ")}]\nSee '${ctx.commandPath} -h' for help and examples`);
  if (files.length === 0 && !ctx.flags.string("kustomize")) throw kubectlError("must specify one of -f and -k");
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  const items = loadManifests(files, { fs: ctx.p.fs, cwd: ctx.p.cwd, stdin: ctx.p.stdin, home: ctx.p.env.HOME }, ctx.flags.bool("recursive"));
  if (items.length === 0) throw kubectlError("no objects passed to apply");
  const errors: VisitError[] = [];
  for (const item of items) {
    if (item.error) {
      errors.push(item.error);
      continue;
    }
    try {
      const e = applyOne(ctx, item, dryRun);
      if (e) errors.push(e);
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

/** Applies one object; returns the error text to report, if any. */
function applyOne(ctx: Ctx, item: ManifestItem, dryRun: DryRun): VisitError | undefined {
  const k = kindOfObject(item.object, item.source);
  const ns = namespaceFor(ctx, k, item.object);
  const obj: KubeObject = structuredClone(item.object);
  if (ns !== undefined) obj.metadata = { ...obj.metadata, namespace: ns };
  const name = obj.metadata?.name;
  if (!name) return `error: error when retrieving current configuration of:\n${infoText(k, "", ns)}\nfrom server for: "${item.source}": resource name may not be empty`;
  if (ctx.flags.bool("server-side")) return serverSideApply(ctx, k, ns, obj, item.source, dryRun);
  const current = getResult(ctx, k, ns, name);
  const modified = withLastApplied(obj);
  if (!current.ok) {
    if (current.status.code !== 404) return visitError(current.status, `error when retrieving current configuration of:\n${infoText(k, name, ns)}\nfrom server for: "${item.source}"`);
    if (dryRun === "client") {
      printChanged(ctx, k, modified, "created", dryRun, { sortJson: true });
      return undefined;
    }
    const r = createObject(ctx, k, ns, modified, writeQuery(ctx, dryRun, "kubectl-client-side-apply"));
    if (!r.ok) return visitError(r.status, `error when creating "${item.source}"`);
    printChanged(ctx, k, r.object, "created", dryRun);
    return undefined;
  }
  const live = current.object;
  if (live.metadata.annotations?.[LAST_APPLIED] === undefined) {
    ctx.err(`Warning: resource ${k.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
  }
  const patch = createThreeWayMergePatch(lastAppliedOf(live), modified as unknown as JsonMap, live as unknown as JsonMap, k.kind);
  if (Object.keys(patch).length === 0) {
    printChanged(ctx, k, live, "unchanged", dryRun);
    return undefined;
  }
  if (dryRun === "client") {
    printChanged(ctx, k, live, "configured", dryRun);
    return undefined;
  }
  const r = patchObject(ctx, k, ns, name, patch, "application/strategic-merge-patch+json", writeQuery(ctx, dryRun, "kubectl-client-side-apply"));
  if (!r.ok) {
    const doing = `error when applying patch:\n${JSON.stringify(patch)}\nto:\n${infoText(k, name, ns)}\nfor: "${item.source}": error when patching "${item.source}"`;
    return visitError(r.status, doing);
  }
  printChanged(ctx, k, r.object, "configured", dryRun);
  return undefined;
}

/** --server-side: the object is sent as an apply patch; kubectl reports "serverside-applied". */
function serverSideApply(ctx: Ctx, k: KindInfo, ns: string | undefined, obj: KubeObject, source: string, dryRun: DryRun): VisitError | undefined {
  if (dryRun === "client") return "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)";
  const query = { ...(writeQuery(ctx, dryRun) ?? {}), fieldManager: "kubectl" };
  if (ctx.flags.bool("force-conflicts")) Object.assign(query, { force: "true" });
  const r = patchObject(ctx, k, ns, obj.metadata.name!, obj, "application/apply-patch+yaml", query);
  if (!r.ok) return visitError(r.status, `error when patching "${source}"`);
  printChanged(ctx, k, r.object, "serverside-applied", dryRun);
  return undefined;
}

/** resource.Info's String(), as apply's error messages print it. */
function infoText(k: KindInfo, name: string, ns: string | undefined): string {
  const gv = k.group ? `${k.group}/${k.version}` : `/${k.version}`;
  return `Resource: "${gv}, Resource=${k.resource}", GroupVersionKind: "${gv}, Kind=${k.kind}"\nName: "${name}", Namespace: "${ns ?? ""}"`;
}
