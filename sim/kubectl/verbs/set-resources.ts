// kubectl set resources (staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go): --limits and
// --requests (name=quantity,...) on the selected containers (-c, `*` by default, init containers
// too) of pods and pod templates, sent as a strategic merge patch; an unchanged object prints nothing.

import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, printChanged, printFlags } from "../mutate/common";
import { selectionQuery, visitTargets, type Found } from "../mutate/targets";
import { patchObject } from "../mutate/write";
import { nestAt, podSpecOf } from "../mutate/pod-spec";
import { parseQuantity } from "../describe/quantity";

interface Container {
  name: string;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** populateResourceListV1: "cpu=100m,memory=64Mi". */
function resourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const pair of spec.split(",")) {
    const pieces = pair.split("=");
    if (pieces.length !== 2) throw kubectlError(`Invalid argument syntax ${pair}, expected <resource>=<value>`);
    if (!parseQuantity(pieces[1])) throw kubectlError(QUANTITY_ERROR);
    out[pieces[0]] = pieces[1];
  }
  return out;
}

export const setResourcesVerb = verb({
  name: "resources",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    boolFlag("all"),
    boolFlag("local"),
    stringFlag("selector", { short: "l" }),
    stringFlag("containers", { short: "c", default: "*" }),
    stringFlag("limits"),
    stringFlag("requests"),
    stringFlag("field-manager", { default: "kubectl-set" }),
  ],
  run: (ctx, args) => runSetResources(ctx, args),
});

function runSetResources(ctx: Ctx, args: string[]): number {
  const limits = resourceList(ctx.flags.string("limits"));
  const requests = resourceList(ctx.flags.string("requests"));
  if (!Object.keys(limits).length && !Object.keys(requests).length) throw kubectlError("you must specify an update to requests or limits (in the form of --requests/--limits)");
  checkOutputFormat(ctx);
  const empty = "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
  return visitTargets(ctx, args, selectionQuery(ctx, empty), (t) => setResources(ctx, t, limits, requests));
}

function setResources(ctx: Ctx, t: Found, limits: Record<string, string>, requests: Record<string, string>): string | undefined {
  const dryRun = dryRunOf(ctx);
  const updated = structuredClone(t.object);
  const ps = podSpecOf<Container>(updated);
  if (!ps) return `error: ${t.kind.resource}/${t.name} the object is not a pod or does not have a pod template: ${t.kind.kind}`;
  const which = ctx.flags.string("containers");
  const selected = [...(ps.spec.containers ?? []), ...(ps.spec.initContainers ?? [])].filter((c) => which === "*" || c.name === which);
  if (selected.length === 0) return `error: unable to find container named ${which}`;
  for (const c of selected) {
    c.resources ??= {};
    if (Object.keys(limits).length) c.resources.limits = { ...(c.resources.limits ?? {}), ...limits };
    if (Object.keys(requests).length) c.resources.requests = { ...(c.resources.requests ?? {}), ...requests };
  }
  if (JSON.stringify(updated) === JSON.stringify(t.object)) return undefined;
  if (dryRun === "client") {
    printChanged(ctx, t.kind, updated, "resource requirements updated", dryRun);
    return undefined;
  }
  const pick = (cs: Container[] | undefined) => (cs ?? []).filter((c) => selected.includes(c)).map((c) => ({ name: c.name, resources: c.resources }));
  const leaf: Record<string, unknown> = {};
  if (pick(ps.spec.containers).length) leaf.containers = pick(ps.spec.containers);
  if (pick(ps.spec.initContainers).length) leaf.initContainers = pick(ps.spec.initContainers);
  const patch = nestAt(ps.path, leaf);
  const r = patchObject(ctx, t.kind, t.namespace, t.name, patch, "application/strategic-merge-patch+json", dryRun === "server" ? { dryRun: "All" } : undefined);
  // set_resources.go wraps a failed patch: "failed to patch resources update to pod template <message>".
  if (!r.ok) return `error: failed to patch resources update to pod template ${r.status.message.trimEnd()}`;
  printChanged(ctx, t.kind, r.object, "resource requirements updated", dryRun);
  return undefined;
}
