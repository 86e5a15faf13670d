// kubectl diff -f (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go): for each object, the live
// version and the one the server would store (a server dry-run of the create or of apply's
// three-way patch) are written as YAML without managedFields under /tmp/LIVE-N and /tmp/MERGED-N
// and compared with `diff -u -N`. Exit 1 when something differs, 0 when not, above 1 on errors.

import type { KubeObject } from "../../api/types";
import { boolFlag, stringFlag } from "../framework/flags";
import { CommandFailed, kubectlError, statusErrorText } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { loadManifests } from "../mutate/manifest";
import { filenameFlags, kindOfObject, namespaceFor } from "../mutate/common";
import { LAST_APPLIED, lastAppliedOf, withLastApplied } from "../mutate/last-applied";
import { createThreeWayMergePatch, type JsonMap } from "../mutate/three-way-merge";
import { createObject, getResult, patchObject } from "../mutate/write";
import { toYaml } from "../output/yaml";
import { unifiedHunks } from "../output/unified-diff";
import { fnv32 } from "../../core/fnv";

export const diffVerb = verb({
  name: "diff",
  flags: [...filenameFlags(), boolFlag("server-side"), boolFlag("force-conflicts"), stringFlag("field-manager", { default: "kubectl-client-side-apply" }), boolFlag("prune"), stringFlag("selector", { short: "l" }), boolFlag("show-managed-fields"), stringFlag("concurrency")],
  run: (ctx, args) => runDiff(ctx, args),
});

/** InfoObject.Name: group.version.kind.namespace.name ("v1.ConfigMap.default.x"). */
function fileName(obj: KubeObject, ns: string | undefined): string {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  return `${group ? `${group}.` : ""}${version}.${obj.kind}.${ns ?? ""}.${obj.metadata.name}`;
}

function forFile(ctx: Ctx, obj: KubeObject | undefined): string {
  if (!obj) return "";
  const copy = structuredClone(obj);
  if (!ctx.flags.bool("show-managed-fields")) delete copy.metadata.managedFields;
  // Secret values are masked (diff.go Masker) so they never reach the terminal.
  if (copy.kind === "Secret" && copy.data) for (const k of Object.keys(copy.data)) copy.data[k] = "***";
  return toYaml(copy);
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

/** The object the server would store: a dry-run create, or apply's patch as a dry run. */
function merged(ctx: Ctx, obj: KubeObject, ns: string | undefined, live: KubeObject | undefined): KubeObject {
  const k = kindOfObject(obj, "");
  const query = { dryRun: "All", fieldManager: ctx.flags.string("field-manager") };
  if (ctx.flags.bool("server-side")) {
    const r = patchObject(ctx, k, ns, obj.metadata.name!, obj, "application/apply-patch+yaml", { ...query, fieldManager: "kubectl", ...(ctx.flags.bool("force-conflicts") ? { force: "true" } : {}) });
    if (!r.ok) throw new CommandFailed(statusErrorText(r.status));
    return r.object;
  }
  const modified = withLastApplied(obj);
  if (!live) {
    // A new object is created as written (no last-applied annotation), as a dry run.
    const r = createObject(ctx, k, ns, obj, query);
    if (!r.ok) throw new CommandFailed(statusErrorText(r.status));
    return r.object;
  }
  const patch = createThreeWayMergePatch(live.metadata.annotations?.[LAST_APPLIED] !== undefined ? lastAppliedOf(live) : undefined, modified as unknown as JsonMap, live as unknown as JsonMap, k.kind);
  if (Object.keys(patch).length === 0) return live;
  const r = patchObject(ctx, k, ns, obj.metadata.name!, patch, "application/strategic-merge-patch+json", query);
  if (!r.ok) throw new CommandFailed(statusErrorText(r.status));
  return r.object;
}

function runDiff(ctx: Ctx, args: string[]): number {
  const files = ctx.flags.strings("filename");
  if (args.length > 0) throw kubectlError(`Unexpected args: [${args.join(" ")}]\nSee '${ctx.commandPath} -h' for help and examples`);
  if (files.length === 0) throw kubectlError("must specify one of -f and -k", 2);
  const items = loadManifests(files, { fs: ctx.p.fs, cwd: ctx.p.cwd, stdin: ctx.p.stdin, home: ctx.p.env.HOME }, ctx.flags.bool("recursive"));
  const seed = fnv32(`${ctx.now()}`);
  const liveDir = `/tmp/LIVE-${1_000_000_000 + (seed % 3_000_000_000)}`;
  const mergedDir = `/tmp/MERGED-${1_000_000_000 + (fnv32(`${seed}m`) % 3_000_000_000)}`;
  let out = "";
  for (const item of items) {
    if (item.error) throw new CommandFailed(item.error);
    const k = kindOfObject(item.object, item.source);
    const ns = namespaceFor(ctx, k, item.object);
    const obj = structuredClone(item.object);
    if (ns !== undefined) obj.metadata = { ...obj.metadata, namespace: ns };
    const current = getResult(ctx, k, ns, obj.metadata.name ?? "");
    if (!current.ok && current.status.code !== 404) throw new CommandFailed(statusErrorText(current.status));
    const live = current.ok ? current.object : undefined;
    const after = merged(ctx, obj, ns, live);
    const hunks = unifiedHunks(forFile(ctx, live), forFile(ctx, after));
    if (!hunks) continue;
    const name = fileName(obj, ns);
    const now = stamp(ctx.now());
    out += `diff -u -N ${liveDir}/${name} ${mergedDir}/${name}\n`;
    // The LIVE file exists even for a new object (empty), so it has the same time.
    out += `--- ${liveDir}/${name}\t${now}\n`;
    out += `+++ ${mergedDir}/${name}\t${now}\n`;
    out += hunks;
  }
  ctx.out(out);
  return out ? 1 : 0;
}
