// kubectl set image / set env (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go, set_env.go):
// container=image pairs (`*` for every container) on pods and pod templates, sent as a strategic
// merge patch of the containers, merged by name.

import type { KubeObject } from "../../api/types";
import { boolFlag, stringArrayFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, printChanged, printFlags } from "../mutate/common";
import { findTargets, finishWithErrors, selectionQuery, visitTargets, type Found } from "../mutate/targets";
import { patchObject } from "../mutate/write";
import { nestAt, podSpecOf as podSpecOfObject } from "../mutate/pod-spec";
import { setResourcesVerb } from "./set-resources";

interface Container {
  name: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
}

const podSpecOf = (o: KubeObject) => podSpecOfObject<Container>(o);

const NAME_RESOURCES = "one or more resources must be specified as <resource> <name> or <resource>/<name>";

const selectionFlags = () => [
  ...filenameFlags(),
  ...printFlags(),
  dryRunFlag(),
  boolFlag("all"),
  boolFlag("local"),
  stringFlag("selector", { short: "l" }),
  stringFlag("field-manager", { default: "kubectl-set" }),
];

export const setImageVerb = verb({
  name: "image",
  flags: [...selectionFlags(), boolFlag("record")],
  run: (ctx, args) => runSetImage(ctx, args),
});

function runSetImage(ctx: Ctx, args: string[]): number {
  const resources = args.filter((a) => !a.includes("="));
  const pairs = args.filter((a) => a.includes("="));
  if (pairs.length === 0) throw kubectlError("at least one image update is required");
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  return visitTargets(ctx, resources, selectionQuery(ctx, NAME_RESOURCES), (t) => setImages(ctx, t, images, dryRun));
}

function setImages(ctx: Ctx, t: Found, images: Map<string, string>, dryRun: ReturnType<typeof dryRunOf>): string | undefined {
  const ps = podSpecOf(t.object);
  if (!ps) return `error: ${t.kind.resource}/${t.name} the object is not a pod or does not have a pod template: ${t.kind.kind}`;
  const all = [...(ps.spec.initContainers ?? []), ...(ps.spec.containers ?? [])];
  for (const name of images.keys()) {
    if (name !== "*" && !all.some((c) => c.name === name)) return `error: unable to find container named "${name}"`;
  }
  const pick = (cs: Container[] | undefined) =>
    (cs ?? []).filter((c) => images.has(c.name) || images.has("*")).map((c) => ({ image: images.get(c.name) ?? images.get("*")!, name: c.name }));
  const leaf: Record<string, unknown> = {};
  const init = pick(ps.spec.initContainers);
  const main = pick(ps.spec.containers);
  if (main.length) leaf.containers = main;
  if (init.length) leaf.initContainers = init;
  const updated = structuredClone(t.object);
  const ups = podSpecOf(updated)!;
  for (const c of [...(ups.spec.initContainers ?? []), ...(ups.spec.containers ?? [])]) if (images.has(c.name) || images.has("*")) c.image = images.get(c.name) ?? images.get("*");
  if (dryRun === "client") {
    printChanged(ctx, t.kind, updated, "image updated", dryRun);
    return undefined;
  }
  const r = patchObject(ctx, t.kind, t.namespace, t.name, nestAt(ps.path, leaf), "application/strategic-merge-patch+json", dryRun === "server" ? { dryRun: "All" } : undefined);
  if (!r.ok) return statusErrorText(r.status);
  printChanged(ctx, t.kind, r.object, "image updated", dryRun);
  return undefined;
}

export const setEnvVerb = verb({
  name: "env",
  flags: [...selectionFlags(), stringArrayFlag("env", { short: "e" }), stringFlag("containers", { short: "c", default: "*" }), boolFlag("list"), boolFlag("overwrite", { default: true })],
  run: (ctx, args) => runSetEnv(ctx, args),
});

function runSetEnv(ctx: Ctx, args: string[]): number {
  const resources = args.filter((a) => !a.includes("=") && !(a.endsWith("-") && a.length > 1 && !a.includes("/")));
  const changes = [...ctx.flags.strings("env"), ...args.filter((a) => !resources.includes(a))];
  const list = ctx.flags.bool("list");
  if (changes.length === 0 && !list) throw kubectlError("at least one environment variable must be provided");
  const dryRun = dryRunOf(ctx);
  const errors: string[] = [];
  const targets = findTargets(ctx, resources, selectionQuery(ctx, NAME_RESOURCES), errors);
  const which = ctx.flags.string("containers");
  for (const t of targets) {
    const ps = podSpecOf(t.object);
    if (!ps) continue;
    const cs = (ps.spec.containers ?? []).filter((c) => which === "*" || c.name === which);
    if (list) {
      for (const c of cs) {
        ctx.out(`# ${t.kind.kind} ${t.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) ctx.out(e.value !== undefined ? `${e.name}=${e.value}\n` : `# ${e.name} from a source\n`);
      }
      continue;
    }
    const updated = structuredClone(t.object);
    for (const c of podSpecOf(updated)!.spec.containers ?? []) {
      if (which !== "*" && c.name !== which) continue;
      let env = [...(c.env ?? [])];
      for (const ch of changes) {
        if (ch.endsWith("-") && !ch.includes("=")) env = env.filter((e) => e.name !== ch.slice(0, -1));
        else {
          const i = ch.indexOf("=");
          const name = ch.slice(0, i);
          const value = ch.slice(i + 1);
          const at = env.findIndex((e) => e.name === name);
          if (at >= 0) env[at] = { name, value };
          else env.push({ name, value });
        }
      }
      c.env = env;
    }
    const changed = JSON.stringify(updated) !== JSON.stringify(t.object);
    if (!changed || dryRun === "client") {
      printChanged(ctx, t.kind, updated, "env updated", dryRun);
      continue;
    }
    const spec = podSpecOf(updated)!;
    const r = patchObject(ctx, t.kind, t.namespace, t.name, nestAt(spec.path, { containers: spec.spec.containers }), "application/merge-patch+json");
    if (!r.ok) errors.push(statusErrorText(r.status));
    else printChanged(ctx, t.kind, r.object, "env updated", dryRun);
  }
  return finishWithErrors(ctx, errors);
}

export const setVerb = verb({ name: "set", subcommands: [setImageVerb, setEnvVerb, setResourcesVerb] });
