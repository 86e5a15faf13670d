// `kubectl describe` (staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go): every matching
// object through the describers (sim/kubectl/describe), separated as kubectl separates them; a
// missing TYPE NAME falls back to describing every object whose name starts with NAME.

import type { KindInfo } from "../../api/kinds";
import { listObjects } from "../framework/api";
import { CommandFailed, kubectlError, standardErrorMessage } from "../framework/errors";
import { boolFlag, intFlag, stringFlag, stringSliceFlag } from "../framework/flags";
import { parseTargets, qualified, type Target } from "../framework/resources";
import { verb, type Ctx } from "../framework/verb";
import { describeObject } from "../describe/index";
import { targetsFromFiles } from "./get";
import type { Status } from "../../core/api-types";

function notFoundStatus(k: KindInfo, name: string): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${qualified(k)} "${name}" not found`, reason: "NotFound", code: 404 };
}

interface Found {
  kind: KindInfo;
  namespace?: string;
  name: string;
}

export const describeVerb = verb({
  name: "describe",
  flags: [
    boolFlag("all-namespaces", { short: "A" }),
    intFlag("chunk-size", { default: 500 }),
    stringSliceFlag("filename", { short: "f" }),
    stringFlag("kustomize", { short: "k" }),
    boolFlag("recursive", { short: "R" }),
    stringFlag("selector", { short: "l" }),
    boolFlag("show-events", { default: true }),
  ],
  run(ctx, args) {
    const filenames = ctx.flags.strings("filename");
    if (args.length === 0 && filenames.length === 0) {
      throw kubectlError(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    }
    const all = ctx.flags.bool("all-namespaces");
    const selector = ctx.flags.string("selector");
    const targets = filenames.length ? targetsFromFiles(ctx, filenames) : parseTargets(args, { allowAll: true });
    const found: Found[] = [];
    const errors: string[] = [];
    let notFound: Status | undefined;
    for (const t of targets) collect(ctx, t, all, selector, found, errors, (s) => (notFound ??= s));
    const showEvents = ctx.flags.bool("show-events");
    // describe.go DescribeMatchingResources: `describe TYPE PREFIX` when PREFIX is not a name.
    if (notFound && args.length === 2 && !args[0].includes("/")) return describeMatching(ctx, targets[0].kind, args[1], notFound, showEvents);
    let first = true;
    for (const f of found) {
      const text = describeObject(f.kind, f.namespace, f.name, ctx.p.cluster, { showEvents });
      if (text === undefined) continue;
      ctx.out(first ? text : `\n\n${text}`);
      first = false;
    }
    if (found.length === 0 && errors.length === 0) {
      ctx.err(all ? "No resources found\n" : `No resources found in ${ctx.namespace} namespace.\n`);
    }
    if (errors.length) throw new CommandFailed(errors.join("\n"));
    return 0;
  },
});

function collect(ctx: Ctx, t: Target, all: boolean, selector: string, found: Found[], errors: string[], onNotFound: (s: Status) => void): void {
  const ns = t.kind.namespaced ? (all && t.name === undefined ? undefined : (t.namespace ?? ctx.namespace)) : undefined;
  if (t.name !== undefined) {
    const r = ctx.request({ method: "GET", path: pathOf(t.kind, ns, t.name) });
    if (r.status === 404) {
      const s = notFoundStatus(t.kind, t.name);
      onNotFound(s);
      errors.push(standardErrorMessage(s));
      return;
    }
    found.push({ kind: t.kind, namespace: ns, name: t.name });
    return;
  }
  for (const o of listObjects(ctx, t.kind, ns, { labelSelector: selector }).items) {
    found.push({ kind: t.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? "" });
  }
}

function pathOf(k: KindInfo, ns: string | undefined, name: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  return `${base}${k.namespaced && ns ? `/namespaces/${encodeURIComponent(ns)}` : ""}/${k.resource}/${encodeURIComponent(name)}`;
}

function describeMatching(ctx: Ctx, k: KindInfo, prefix: string, original: Status, showEvents: boolean): number {
  const ns = k.namespaced ? ctx.namespace : undefined;
  let any = false;
  for (const o of listObjects(ctx, k, ns).items) {
    const name = o.metadata.name ?? "";
    if (!name.startsWith(prefix)) continue;
    const text = describeObject(k, ns, name, ctx.p.cluster, { showEvents });
    if (text === undefined) continue;
    any = true;
    ctx.out(`${text}\n`);
  }
  if (!any) throw new CommandFailed(standardErrorMessage(original));
  return 0;
}
