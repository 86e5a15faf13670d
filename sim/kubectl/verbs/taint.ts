// kubectl taint (staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go and utils.go): parse
// KEY[=VALUE]:EFFECT to add and KEY[:EFFECT]- to remove, refuse to overwrite without --overwrite,
// then patch spec.taints; prints node/x tainted | untainted | modified.

import type { KubeObject } from "../../api/types";
import { isQualifiedName, isValidLabelValue } from "../../api/validation/names";
import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText, usageError } from "../framework/errors";
import { listObjects } from "../framework/api";
import { lookupResource } from "../framework/resources";
import { verb, type Ctx } from "../framework/verb";
import { dryRunFlag, dryRunOf, dryRunSuffix, kindByResourceName, printFlags, validateFlag } from "../mutate/common";
import { getResult, patchObject } from "../mutate/write";

interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export const taintVerb = verb({
  name: "taint",
  flags: [...printFlags(), dryRunFlag(), validateFlag(), stringFlag("selector", { short: "l" }), boolFlag("all"), boolFlag("overwrite"), stringFlag("field-manager", { default: "kubectl-taint" })],
  run: (ctx, args) => runTaint(ctx, args),
});

/** utils.go parseTaint. */
function parseTaint(ctx: Ctx, spec: string): Taint {
  const parts = spec.split(":");
  let key: string;
  let value: string | undefined;
  let effect: string | undefined;
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw usageError(ctx.commandPath, `error: invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split("=");
    if (kv.length > 2) throw usageError(ctx.commandPath, `error: invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw usageError(ctx.commandPath, `error: invalid taint spec: ${spec}, ${errs.join("; ")}`);
    }
  } else throw usageError(ctx.commandPath, `error: invalid taint spec: ${spec}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw usageError(ctx.commandPath, `error: invalid taint spec: ${spec}, ${errs.join("; ")}`);
  return { key, ...(value !== undefined ? { value } : {}), ...(effect ? { effect } : {}) };
}

/** Go's %v of a v1.Taint, as the duplicate error prints it. */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ""} ${t.effect ?? ""} <nil>}`;
}

function taintString(t: Taint): string {
  return t.effect ? `${t.key}:${t.effect}` : t.key;
}

/** utils.go parseTaints: additions and removals. */
function parseTaints(ctx: Ctx, specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Map<string, Set<string>>();
  for (const s of specs) {
    if (s.endsWith("-")) {
      remove.push(parseTaint(ctx, s.slice(0, -1)));
      continue;
    }
    const t = parseTaint(ctx, s);
    if (!t.effect) throw usageError(ctx.commandPath, `error: invalid taint spec: ${s}`);
    const keys = seen.get(t.effect) ?? new Set<string>();
    if (keys.has(t.key)) throw usageError(ctx.commandPath, `error: duplicated taints with the same key and effect: ${goTaint(t)}`);
    keys.add(t.key);
    seen.set(t.effect, keys);
    add.push(t);
  }
  return { add, remove };
}

function runTaint(ctx: Ctx, args: string[]): number {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const a of args) {
    const isTaint = a.includes("=") || a.includes(":") || a.endsWith("-");
    if (isTaint) specs.push(a);
    else if (specs.length) throw kubectlError(`all resources must be specified before taint changes: ${a}`);
    else resources.push(a);
  }
  if (resources.length < 1) throw kubectlError("one or more resources must be specified as <resource> <name>");
  if (specs.length < 1) throw kubectlError("at least one taint update is required");
  const { add, remove } = parseTaints(ctx, specs);
  const [typeWord, ...names] = resources[0].includes("/") ? [resources[0].split("/")[0], resources[0].split("/")[1], ...resources.slice(1)] : resources;
  const k = lookupResource(typeWord);
  if (!k) throw kubectlError(`the server doesn't have a resource type "${typeWord}"`);
  if (k.resource !== "nodes") throw kubectlError(`invalid resource type ${typeWord}, only node types are supported`);
  const conflicts = add.flatMap((a) => remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect ?? ""}`));
  if (conflicts.length) throw kubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}`);
  const selector = ctx.flags.string("selector");
  const all = ctx.flags.bool("all");
  if (names.length === 0 && !selector && !all) throw kubectlError("at least one resource name must be specified since 'all' parameter is not set");
  const nodes: KubeObject[] = [];
  const errors: string[] = [];
  if (names.length) {
    for (const n of names) {
      const r = getResult(ctx, k, undefined, n);
      if (r.ok) nodes.push(r.object);
      else errors.push(statusErrorText(r.status));
    }
  } else nodes.push(...listObjects(ctx, kindByResourceName("nodes"), undefined, { labelSelector: selector || undefined }).items);
  for (const node of nodes) {
    const e = taintNode(ctx, node, add, remove);
    if (e) errors.push(e);
  }
  if (errors.length === 0) return 0;
  ctx.err(errors.length === 1 && !errors[0].startsWith("Error from server") ? `error: ${errors[0]}\n` : `${errors.join("\n")}\n`);
  return 1;
}

/** validateNoTaintOverwrites + reorganizeTaints + the patch. */
function taintNode(ctx: Ctx, node: KubeObject, add: Taint[], remove: Taint[]): string | undefined {
  const overwrite = ctx.flags.bool("overwrite");
  const old: Taint[] = node.spec?.taints ?? [];
  const name = node.metadata.name!;
  if (!overwrite) {
    for (const t of add) {
      if (old.some((o) => o.key === t.key && o.effect === t.effect)) return `node ${name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`;
    }
  }
  const next: Taint[] = [...add];
  for (const o of old) if (!next.some((t) => t.key === o.key && t.effect === o.effect)) next.push(o);
  const added = old.length !== next.length;
  const missing: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = next.length;
    for (let i = next.length - 1; i >= 0; i--) if (next[i].key === r.key && (!r.effect || next[i].effect === r.effect)) next.splice(i, 1);
    if (next.length === before) missing.push(`taint ${JSON.stringify(taintString(r))} not found`);
    else deleted = true;
  }
  if (missing.length) return missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
  const op = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted";
  const dryRun = dryRunOf(ctx);
  if (dryRun !== "client") {
    const query = dryRun === "server" ? { dryRun: "All" } : undefined;
    const r = patchObject(ctx, kindByResourceName("nodes"), undefined, name, { spec: { taints: next.length ? next : null } }, "application/merge-patch+json", query);
    if (!r.ok) return statusErrorText(r.status);
  }
  ctx.out(`node/${name} ${op}${dryRunSuffix(dryRun)}\n`);
  return undefined;
}
