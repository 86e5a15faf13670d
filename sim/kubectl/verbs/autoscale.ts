// kubectl autoscale (staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go, v1.32): an
// autoscaling/v1 HorizontalPodAutoscaler for each deployment, replica set or replication
// controller named (--cpu-percent sets targetCPUUtilizationPercentage), created in the namespace
// of the command, printed "horizontalpodautoscaler.autoscaling/NAME autoscaled".

import type { KindInfo } from "../../api/kinds";
import { kindByResource } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { boolFlag, intFlag, stringFlag } from "../framework/flags";
import { ApiStatusError, kubectlError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, printChanged, printFlags, requireFlags, writeQuery, type DryRun } from "../mutate/common";
import { findTargets, finishWithErrors, type Found } from "../mutate/targets";
import { createObject } from "../mutate/write";
import { LAST_APPLIED } from "../mutate/last-applied";
import { toCompactJson } from "../output/json";
import schema from "../../api/schema/fields.json";

/** autoscaling/v1 as kubectl v1.32 creates it (the server stores and serves it as v2 too). */
export const HPA_V1: KindInfo = { ...kindByResource("autoscaling", "horizontalpodautoscalers")!, version: "v1" };

export const autoscaleVerb = verb({
  name: "autoscale",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    intFlag("min", { default: -1 }),
    intFlag("max", { default: -1 }),
    intFlag("cpu-percent", { default: -1 }),
    stringFlag("name"),
    boolFlag("save-config"),
    stringFlag("field-manager", { default: "kubectl-autoscale" }),
    boolFlag("record"),
  ],
  run: (ctx, args) => runAutoscale(ctx, args),
});

function runAutoscale(ctx: Ctx, args: string[]): number {
  requireFlags(ctx, ["max"]);
  const dryRun = dryRunOf(ctx);
  const min = ctx.flags.int("min");
  const max = ctx.flags.int("max");
  if (max < 1) throw kubectlError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw kubectlError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  checkOutputFormat(ctx);
  const errors: Parameters<typeof finishWithErrors>[1] = [];
  const targets = findTargets(ctx, args, {
    files: ctx.flags.strings("filename"),
    recursive: ctx.flags.bool("recursive"),
    emptyMessage: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  }, errors);
  let count = 0;
  for (const t of targets) {
    autoscaleOne(ctx, t, dryRun, min, max);
    count++;
  }
  if (count === 0 && errors.length === 0) throw kubectlError("no objects passed to autoscale");
  return finishWithErrors(ctx, errors);
}

/** The kinds with a scale subresource (the discovery ScaleKindResolver's answer). */
function checkScalable(t: Found): void {
  if (t.kind.subresources.includes("scale")) return;
  const gvr = `${t.kind.group}/${t.kind.version}, Resource=${t.kind.resource}`;
  throw kubectlError(`cannot autoscale a ${t.kind.kind}: could not find scale subresource for ${gvr} in discovery information`);
}

/** createHorizontalPodAutoscaler (the v1 generator), keys in Go's field order for -o json. */
function generateHpa(ctx: Ctx, t: Found, min: number, max: number, dryRunClient: boolean): KubeObject {
  const metadata: Record<string, unknown> = { name: ctx.flags.string("name") || t.name };
  if (dryRunClient) metadata.creationTimestamp = null;
  const spec: Record<string, unknown> = { scaleTargetRef: { kind: t.kind.kind, name: t.name, apiVersion: t.object.apiVersion } };
  if (min > 0) spec.minReplicas = min;
  spec.maxReplicas = max;
  const cpu = ctx.flags.int("cpu-percent");
  if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu;
  return { kind: "HorizontalPodAutoscaler", apiVersion: "autoscaling/v1", metadata, spec, status: { currentReplicas: 0, desiredReplicas: 0 } } as unknown as KubeObject;
}

function autoscaleOne(ctx: Ctx, t: Found, dryRun: DryRun, min: number, max: number): void {
  checkScalable(t);
  const hpa = generateHpa(ctx, t, min, max, dryRun === "client");
  if (dryRun === "client") return printChanged(ctx, HPA_V1, hpa, "autoscaled", dryRun);
  // CreateOrUpdateAnnotation encodes the typed object: Go's field order, creationTimestamp null.
  if (ctx.flags.bool("save-config")) hpa.metadata.annotations = { [LAST_APPLIED]: `${toCompactJson(generateHpa(ctx, t, min, max, true))}\n` };
  const r = createObject(ctx, HPA_V1, ctx.namespace, hpa, writeQuery(ctx, dryRun, ctx.flags.string("field-manager")));
  if (!r.ok) throw new ApiStatusError(r.status);
  printChanged(ctx, HPA_V1, inGoOrder(r.object), "autoscaled", dryRun);
}

const ORDER: Record<string, string[]> = {
  "": ["kind", "apiVersion", "metadata", "spec", "status"],
  metadata: Object.keys(schema.types.ObjectMeta),
  spec: ["scaleTargetRef", "minReplicas", "maxReplicas", "targetCPUUtilizationPercentage"],
  "spec.scaleTargetRef": ["kind", "name", "apiVersion"],
  status: ["observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas", "currentCPUUtilizationPercentage"],
};

/** The created autoscaling/v1 object with its keys in Go's struct order, as kubectl prints the typed object. */
function inGoOrder(o: unknown, path = ""): KubeObject {
  const order = ORDER[path];
  if (!order || !o || typeof o !== "object") return o as KubeObject;
  const src = o as Record<string, unknown>;
  const keys = [...order.filter((k) => k in src), ...Object.keys(src).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, inGoOrder(src[k], path ? `${path}.${k}` : k)])) as KubeObject;
}
