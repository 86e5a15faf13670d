// kubectl patch (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go): -p or --patch-file in YAML or
// JSON, --type strategic|merge|json; "patched", or "patched (no change)" when nothing moved.

import { load } from "js-yaml";
import type { KubeObject } from "../../api/types";
import { resolvePath } from "../../core/vfs";
import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, printChanged, printFlags } from "../mutate/common";
import { findTargets, finishWithErrors } from "../mutate/targets";
import { patchObject } from "../mutate/write";
import { deepEqual } from "../mutate/three-way-merge";

const CONTENT_TYPES: Record<string, string> = {
  json: "application/json-patch+json",
  merge: "application/merge-patch+json",
  strategic: "application/strategic-merge-patch+json",
};

export const patchVerb = verb({
  name: "patch",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    stringFlag("patch", { short: "p" }),
    stringFlag("patch-file"),
    stringFlag("type", { default: "strategic" }),
    boolFlag("local"),
    stringFlag("subresource"),
    stringFlag("field-manager", { default: "kubectl-patch" }),
  ],
  run: (ctx, args) => runPatch(ctx, args),
});

function patchText(ctx: Ctx): string {
  const inline = ctx.flags.string("patch");
  const file = ctx.flags.string("patch-file");
  if (inline && file) throw kubectlError("--patch and --patch-file are mutually exclusive");
  if (!inline && !file) throw kubectlError("must specify --patch or --patch-file containing the contents of the patch");
  if (inline) return inline;
  const abs = resolvePath(ctx.p.cwd, file, ctx.p.env.HOME || "/root");
  const st = ctx.p.fs.stat(abs);
  if (st?.type !== "file") throw kubectlError(`unable to read patch file: open ${file}: no such file or directory`);
  return ctx.p.fs.read(abs);
}

/** yaml.ToJSON: a patch may be written in YAML or JSON. */
function parsePatch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return load(text);
    } catch (e) {
      throw kubectlError(`unable to parse "${text}": yaml: ${String((e as Error).message).split("\n")[0]}`);
    }
  }
}

function runPatch(ctx: Ctx, args: string[]): number {
  const type = ctx.flags.string("type").toLowerCase();
  if (!CONTENT_TYPES[type]) throw kubectlError(`--type must be one of [json merge strategic], not "${ctx.flags.string("type")}"`);
  const body = parsePatch(patchText(ctx));
  if (type === "json" && !Array.isArray(body)) throw kubectlError("unable to parse patch: json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  if (ctx.flags.bool("local")) throw kubectlError("--local is not supported by this simulator yet");
  const errors: string[] = [];
  const targets = findTargets(ctx, args, {
    files: ctx.flags.strings("filename"),
    emptyMessage: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  }, errors);
  for (const t of targets) {
    const query: Record<string, string> = { fieldManager: ctx.flags.string("field-manager") };
    if (dryRun !== "none") query.dryRun = "All";
    const r = patchObject(ctx, t.kind, t.namespace, t.name, body, CONTENT_TYPES[type], query, ctx.flags.string("subresource") || undefined);
    if (!r.ok) {
      errors.push(statusErrorText(r.status));
      continue;
    }
    printChanged(ctx, t.kind, r.object, sameObject(t.object, r.object) ? "patched (no change)" : "patched", dryRun);
  }
  return finishWithErrors(ctx, errors);
}

function sameObject(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
  return deepEqual(JSON.parse(JSON.stringify(strip(a))), JSON.parse(JSON.stringify(strip(b))));
}
