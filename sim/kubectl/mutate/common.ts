// Shared plumbing of the mutating verbs: --dry-run, -o printing of results, the `-f` flags,
// kinds of manifest objects, and the vfs seen as a generator FileSource.

import { kindByKind, KINDS, type KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { resolvePath } from "../../core/vfs";
import { boolFlag, stringArrayFlag, stringFlag, stringSliceFlag, type FlagSpec } from "../framework/flags";
import { kubectlError } from "../framework/errors";
import { nameOf } from "../framework/resources";
import type { Ctx } from "../framework/verb";
import { toYaml } from "../output/yaml";
import { objectPrinter, outputWithTemplate, unknownOutputError } from "../output/printers";
import type { FileSource } from "../generators/sources";
import { GeneratorError } from "../generators/meta";
import { sortKeys, type Json } from "./three-way-merge";

export type DryRun = "none" | "client" | "server";

/** cmdutil.AddDryRunFlag: `--dry-run` alone means the deprecated "unchanged" (client). */
export const dryRunFlag = (): FlagSpec => stringFlag("dry-run", { default: "none", noOptDefVal: "unchanged" });

/** genericclioptions.PrintFlags for commands that print what they changed. */
export const printFlags = (): FlagSpec[] => [
  stringFlag("output", { short: "o" }),
  stringFlag("template"),
  boolFlag("allow-missing-template-keys", { default: true }),
  boolFlag("show-managed-fields"),
];

export const filenameFlags = (): FlagSpec[] => [
  stringSliceFlag("filename", { short: "f" }),
  boolFlag("recursive", { short: "R" }),
  stringFlag("kustomize", { short: "k" }),
];

export const validateFlag = (): FlagSpec => stringFlag("validate", { default: "strict", noOptDefVal: "strict" });

export { stringArrayFlag };

/** cmdutil.GetDryRunStrategy, with its deprecation warning and error text. */
export function dryRunOf(ctx: Ctx): DryRun {
  const v = ctx.flags.string("dry-run");
  switch (v) {
    case "":
    case "none":
    case "false":
      return "none";
    case "client":
    case "true":
      return "client";
    case "server":
      return "server";
    case "unchanged":
      ctx.err(`W${klogStamp(ctx)} helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n`);
      return "client";
    default:
      throw kubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** A klog header for warnings: mmdd hh:mm:ss.uuuuuu and a pid, from the virtual clock. */
export function klogStamp(ctx: Ctx): string {
  const d = new Date(ctx.now());
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}    4242`;
}

export function dryRunSuffix(d: DryRun): string {
  return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
}

/** Query parameters for a write: server dry run and field validation. */
export function writeQuery(ctx: Ctx, d: DryRun, fieldManager?: string): Record<string, string> | undefined {
  const q: Record<string, string> = {};
  if (d === "server") q.dryRun = "All";
  if (fieldManager) q.fieldManager = fieldManager;
  if (ctx.flags.has("validate")) {
    const v = ctx.flags.string("validate");
    q.fieldValidation = v === "false" || v === "ignore" ? "Ignore" : v === "warn" ? "Warn" : "Strict";
  }
  return Object.keys(q).length ? q : undefined;
}

/** genericclioptions.PrintFlags.AllowedFormats(), sorted as kubectl prints them. */
export const PRINT_FLAGS_FORMATS = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/** -o with --template folded in (`go-template=TEMPLATE`); "" when neither is given. */
function outputOf(ctx: Ctx): string {
  return outputWithTemplate(ctx.flags, PRINT_FLAGS_FORMATS);
}

/** Checks -o before anything runs (PrintFlags.ToPrinter's error for an unknown format). */
export function checkOutputFormat(ctx: Ctx): void {
  const o = outputOf(ctx);
  if (o === "" || o === "yaml" || o === "json" || o === "name" || o.startsWith("jsonpath") || o.startsWith("go-template") || o.startsWith("template") || o === "wide") return;
  throw unknownOutputError(o, PRINT_FLAGS_FORMATS);
}

/** Prints a changed object: `-o yaml|json|name`, else `kind.group/name <verb>` with the dry-run mark. */
export function printChanged(ctx: Ctx, k: KindInfo, obj: KubeObject, verbWord: string, d: DryRun, opts: { sortJson?: boolean } = {}): void {
  const o = outputOf(ctx);
  const name = obj.metadata?.name ?? "";
  if (o === "name") ctx.out(`${nameOf(k, name)}\n`);
  else if (o === "yaml") ctx.out(toYaml(stripManaged(ctx, obj)));
  else if (o === "json") ctx.out(JSON.stringify(opts.sortJson ? sortKeys(stripManaged(ctx, obj) as Json) : stripManaged(ctx, obj), null, 4) + "\n");
  else if (/^(jsonpath|go-template|template)/.test(o)) ctx.out(objectPrinter(o, { fs: ctx.p.fs, cwd: ctx.p.cwd })(stripManaged(ctx, obj) as unknown as Record<string, unknown>));
  else if (o !== "") ctx.out(toYaml(stripManaged(ctx, obj)));
  else ctx.out(`${nameOf(k, name)} ${verbWord}${dryRunSuffix(d)}\n`);
}

function stripManaged(ctx: Ctx, obj: KubeObject): KubeObject {
  if (!obj.metadata?.managedFields || (ctx.flags.has("show-managed-fields") && ctx.flags.bool("show-managed-fields"))) return obj;
  const copy = { ...obj, metadata: { ...obj.metadata } };
  delete copy.metadata.managedFields;
  return copy;
}

/** The kind of a manifest object, or kubectl's resource-mapping error for an unknown one. */
export function kindOfObject(obj: KubeObject, source: string): KindInfo {
  const k = kindByKind(obj.apiVersion, obj.kind);
  if (k) return k;
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  void group;
  const ns = obj.metadata?.namespace ?? "";
  throw kubectlError(`resource mapping not found for name: "${obj.metadata?.name ?? ""}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`, 1);
  void version;
}

/** The namespace an -f object goes to; a mismatch with an explicit -n is kubectl's error. */
export function namespaceFor(ctx: Ctx, k: KindInfo, obj: KubeObject): string | undefined {
  if (!k.namespaced) return undefined;
  const own = obj.metadata?.namespace;
  if (own && ctx.namespaceExplicit && own !== ctx.namespace) {
    throw kubectlError(`the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  return own || ctx.namespace;
}

/** The vfs as generators see it, paths relative to the working directory. */
export function fileSource(ctx: Ctx): FileSource {
  const abs = (p: string) => resolvePath(ctx.p.cwd, p, ctx.p.env.HOME || "/root");
  return {
    read: (p) => {
      const e = ctx.p.fs.stat(abs(p));
      return e?.type === "file" ? ctx.p.fs.read(abs(p)) : undefined;
    },
    isDir: (p) => ctx.p.fs.stat(abs(p))?.type === "dir",
    listFiles: (d) => ctx.p.fs.list(abs(d)).filter((n) => ctx.p.fs.stat(`${abs(d)}/${n}`.replace("//", "/"))?.type === "file"),
  };
}

/** Runs a generator, turning its errors into kubectl's `error: ...` (with the help hint when kubectl gives one). */
export function generate<T>(ctx: Ctx, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GeneratorError) {
      if (e.seeHelp) throw kubectlError(`${e.message}\nSee '${ctx.commandPath} -h' for help and examples`);
      throw kubectlError(e.message);
    }
    throw e;
  }
}

/** cobra's MarkFlagRequired check. */
export function requireFlags(ctx: Ctx, names: string[]): void {
  const missing = names.filter((n) => !ctx.flags.changed(n));
  if (missing.length) throw kubectlError(`required flag(s) ${missing.map((n) => `"${n}"`).join(", ")} not set`);
}

/** NameFromCommandArgs: exactly one NAME before any `--`. */
export function nameFromArgs(ctx: Ctx, args: string[]): string {
  const n = ctx.argsLenAtDash >= 0 ? ctx.argsLenAtDash : args.length;
  if (n !== 1) throw kubectlError(`exactly one NAME is required, got ${n}\nSee '${ctx.commandPath} -h' for help and examples`);
  return args[0];
}

export function kindByResourceName(resource: string): KindInfo {
  const k = KINDS.find((x) => x.resource === resource);
  if (!k) throw new Error(`unknown resource ${resource}`);
  return k;
}
