// kubectl cordon / uncordon / drain (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go and
// pkg/drain: cordon.go, filters.go, drain.go). Drain cordons, filters the node's pods
// (DaemonSet-managed, mirror, local storage, unmanaged), evicts the rest through pods/eviction and
// waits in virtual time until they are gone.

import type { KubeObject } from "../../api/types";
import { boolFlag, durationFlag, intFlag, stringFlag } from "../framework/flags";
import { statusErrorText, usageError } from "../framework/errors";
import { listObjects, pathFor } from "../framework/api";
import { verb, type Ctx, type Verb } from "../framework/verb";
import { dryRunFlag, dryRunOf, dryRunSuffix, kindByResourceName, type DryRun } from "../mutate/common";
import { getResult, patchObject } from "../mutate/write";
import { waitUntil } from "../mutate/wait";

const NODES = () => kindByResourceName("nodes");
const PODS = () => kindByResourceName("pods");

/** The nodes named by the arguments or --selector (drain.go Complete). */
function nodesOf(ctx: Ctx, args: string[], use: string): { nodes: KubeObject[]; errors: string[] } {
  const selector = ctx.flags.string("selector");
  if (args.length === 0 && !ctx.flags.changed("selector")) throw usageError(ctx.commandPath, `error: USAGE: ${use} [flags]`);
  if (args.length > 0 && selector) throw usageError(ctx.commandPath, "error: cannot specify both a node name and a --selector option");
  if (args.length === 0) return { nodes: listObjects(ctx, NODES(), undefined, { labelSelector: selector }).items, errors: [] };
  const nodes: KubeObject[] = [];
  const errors: string[] = [];
  for (const name of args) {
    const r = getResult(ctx, NODES(), undefined, name);
    if (r.ok) nodes.push(r.object);
    else errors.push(statusErrorText(r.status));
  }
  return { nodes, errors };
}

/** cordon.go PatchOrReplace: spec.unschedulable through a strategic merge patch. */
function setUnschedulable(ctx: Ctx, node: KubeObject, desired: boolean, dryRun: DryRun): string | undefined {
  const word = desired ? "cordoned" : "uncordoned";
  const name = node.metadata.name!;
  if (!!node.spec?.unschedulable === desired) {
    ctx.out(`node/${name} already ${word}${dryRunSuffix(dryRun)}\n`);
    return undefined;
  }
  if (dryRun !== "client") {
    const query = dryRun === "server" ? { dryRun: "All" } : undefined;
    const r = patchObject(ctx, NODES(), undefined, name, { spec: { unschedulable: desired ? true : null } }, "application/strategic-merge-patch+json", query);
    if (!r.ok) return statusErrorText(r.status);
  }
  ctx.out(`node/${name} ${word}${dryRunSuffix(dryRun)}\n`);
  return undefined;
}

function finish(ctx: Ctx, errors: string[]): number {
  if (errors.length === 0) return 0;
  ctx.err(errors.length === 1 ? `${errors[0].startsWith("Error from server") ? "" : "error: "}${errors[0]}\n` : `${errors.join("\n")}\n`);
  return 1;
}

function cordonVerb(name: "cordon" | "uncordon"): Verb {
  return verb({
    name,
    flags: [dryRunFlag(), stringFlag("selector", { short: "l" })],
    run: (ctx, args) => {
      const dryRun = dryRunOf(ctx);
      const { nodes, errors } = nodesOf(ctx, args, `${name} NODE`);
      for (const n of nodes) {
        const e = setUnschedulable(ctx, n, name === "cordon", dryRun);
        if (e) errors.push(e);
      }
      return finish(ctx, errors);
    },
  });
}

export const cordonVerbs: Verb[] = [cordonVerb("cordon"), cordonVerb("uncordon")];

interface PodStatus {
  pod: KubeObject;
  delete: boolean;
  reason: "Okay" | "Skip" | "Warning" | "Error";
  message?: string;
}

const DS_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const LOCAL_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";

interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
}

function finished(p: KubeObject): boolean {
  return p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
}

type Filter = (ctx: Ctx, pod: KubeObject, o: DrainOptions) => Omit<PodStatus, "pod">;

const OKAY = { delete: true, reason: "Okay" } as const;

const daemonSetFilter: Filter = (ctx, pod, o) => {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (ref?.kind !== "DaemonSet" || finished(pod)) return OKAY;
  const ds = ctx.request({ method: "GET", path: pathFor(kindByResourceName("daemonsets"), pod.metadata.namespace, ref.name) });
  if (ds.status >= 400) {
    const msg = statusErrorText(ds.body as never).replace(/^Error from server \([^)]*\): /, "");
    return ds.status === 404 && o.force ? { delete: true, reason: "Warning", message: msg } : { delete: false, reason: "Error", message: msg };
  }
  if (!o.ignoreDaemonSets) return { delete: false, reason: "Error", message: DS_FATAL };
  return { delete: false, reason: "Warning", message: "ignoring DaemonSet-managed Pods" };
};

const mirrorPodFilter: Filter = (_ctx, pod) => (pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined ? { delete: false, reason: "Skip" } : OKAY);

const localStorageFilter: Filter = (_ctx, pod, o) => {
  if (!(pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v?.emptyDir) || finished(pod)) return OKAY;
  if (!o.deleteEmptyDirData) return { delete: false, reason: "Error", message: LOCAL_FATAL };
  return { delete: true, reason: "Warning", message: "deleting Pods with local storage" };
};

const unreplicatedFilter: Filter = (_ctx, pod, o) => {
  if (finished(pod) || pod.metadata.ownerReferences?.some((r) => r.controller)) return OKAY;
  if (o.force) return { delete: true, reason: "Warning", message: "deleting Pods that declare no controller" };
  return { delete: false, reason: "Error", message: UNMANAGED_FATAL };
};

/** makeFilters: applied in order, stopping at the first that keeps the pod; the last verdict stays. */
function filterPod(ctx: Ctx, pod: KubeObject, o: DrainOptions): PodStatus {
  let status: Omit<PodStatus, "pod"> = OKAY;
  for (const f of [daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter]) {
    status = f(ctx, pod, o);
    if (!status.delete) break;
  }
  return { pod, ...status };
}

/** Messages grouped in first-seen order (upstream iterates a Go map). */
function grouped(items: PodStatus[], reason: "Warning" | "Error"): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const i of items) {
    if (i.reason !== reason) continue;
    const msg = i.message || "unexpected error";
    by.set(msg, [...(by.get(msg) ?? []), `${i.pod.metadata.namespace}/${i.pod.metadata.name}`]);
  }
  return [...by.entries()];
}

function aggregate(msgs: string[]): string {
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}

export const drainVerb = verb({
  name: "drain",
  flags: [
    dryRunFlag(),
    stringFlag("selector", { short: "l" }),
    stringFlag("pod-selector"),
    boolFlag("force"),
    boolFlag("ignore-daemonsets"),
    boolFlag("delete-emptydir-data"),
    boolFlag("delete-local-data"),
    boolFlag("disable-eviction"),
    intFlag("grace-period", { default: -1 }),
    durationFlag("timeout", { default: "0s" }),
    intFlag("skip-wait-for-delete-timeout", { default: 0 }),
    intFlag("chunk-size", { default: 500 }),
  ],
  run: (ctx, args) => runDrain(ctx, args),
});

function runDrain(ctx: Ctx, args: string[]): number {
  const dryRun = dryRunOf(ctx);
  const o: DrainOptions = {
    force: ctx.flags.bool("force"),
    ignoreDaemonSets: ctx.flags.bool("ignore-daemonsets"),
    deleteEmptyDirData: ctx.flags.bool("delete-emptydir-data") || ctx.flags.bool("delete-local-data"),
  };
  if (ctx.flags.bool("delete-local-data")) ctx.err("Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n");
  const { nodes, errors } = nodesOf(ctx, args, "drain NODE");
  if (errors.length) return finish(ctx, errors);
  const fatal: string[] = [];
  const pending: string[] = [];
  for (const node of nodes) {
    const e = setUnschedulable(ctx, node, true, dryRun);
    if (e) {
      fatal.push(e);
      continue;
    }
    const err = drainNode(ctx, node.metadata.name!, o, dryRun);
    if (err === undefined) ctx.out(`node/${node.metadata.name} drained${dryRunSuffix(dryRun)}\n`);
    else {
      ctx.err(`error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${aggregate(err)}, continuing command...\n`);
      fatal.push(...err);
      pending.push(node.metadata.name!);
    }
  }
  if (pending.length) ctx.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join("")}`);
  if (fatal.length === 0) return 0;
  // The aggregate of per-node aggregates: CheckErr prints each message on its own line.
  ctx.err(`${fatal.join("\n")}\n`);
  return 1;
}

/** deleteOrEvictPodsSimple: undefined when drained, else the error messages. */
function drainNode(ctx: Ctx, node: string, o: DrainOptions, dryRun: DryRun): string[] | undefined {
  const podSelector = ctx.flags.string("pod-selector");
  const pods = listObjects(ctx, PODS(), undefined, { fieldSelector: `spec.nodeName=${node}`, labelSelector: podSelector || undefined }).items;
  const statuses = pods.map((p) => filterPod(ctx, p, o));
  const errs = grouped(statuses, "Error").map(([msg, names]) => `cannot delete ${msg}: ${names.join(", ")}`);
  // v1.32 prefixes every message, so the unmanaged one reads "cannot delete cannot delete ...".
  if (errs.length) return errs;
  const warnings = grouped(statuses, "Warning").map(([msg, names]) => `${msg}: ${names.join(", ")}`);
  if (warnings.length) ctx.err(`Warning: ${warnings.join("; ")}\n`);
  const victims = statuses.filter((s) => s.delete).map((s) => s.pod);
  if (dryRun === "client") {
    for (const p of victims) ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return undefined;
  }
  const grace = ctx.flags.int("grace-period");
  const disable = ctx.flags.bool("disable-eviction");
  for (const p of victims) {
    ctx.err(`evicting pod ${p.metadata.namespace}/${p.metadata.name}${dryRunSuffix(dryRun)}\n`);
    const body = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: p.metadata.name, namespace: p.metadata.namespace }, ...(grace >= 0 ? { deleteOptions: { gracePeriodSeconds: grace } } : {}) };
    const path = pathFor(PODS(), p.metadata.namespace, p.metadata.name!);
    const r = disable
      ? ctx.request({ method: "DELETE", path, body: grace >= 0 ? { kind: "DeleteOptions", apiVersion: "v1", gracePeriodSeconds: grace } : undefined })
      : ctx.request({ method: "POST", path: `${path}/eviction`, body, query: dryRun === "server" ? { dryRun: "All" } : undefined });
    if (r.status >= 400 && r.status !== 404) return [`error when evicting pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)}: ${statusErrorText(r.body as never).replace(/^Error from server \([^)]*\): /, "")}`];
  }
  if (dryRun === "server") return undefined;
  return waitForGone(ctx, victims, disable ? "deleted" : "evicted");
}

/** waitForDelete: each pod is gone (or replaced under the same name) before the timeout. */
function waitForGone(ctx: Ctx, pods: KubeObject[], word: string): string[] | undefined {
  const timeoutMs = ctx.flags.durationMs("timeout");
  const left = new Map(pods.map((p) => [p.metadata.uid!, p]));
  const check = () => {
    for (const [uid, p] of left) {
      const r = ctx.request({ method: "GET", path: pathFor(PODS(), p.metadata.namespace, p.metadata.name!) });
      if (r.status === 404 || (r.body as KubeObject).metadata?.uid !== uid) {
        ctx.out(`pod/${p.metadata.name} ${word}\n`);
        left.delete(uid);
      }
    }
    return left.size === 0 ? true : undefined;
  };
  if (waitUntil(ctx, timeoutMs, check)) return undefined;
  if (left.size === 0) return undefined;
  const p = [...left.values()][0];
  return [`error when waiting for pod ${JSON.stringify(p.metadata.name)} in namespace ${JSON.stringify(p.metadata.namespace)} to terminate: global timeout reached: ${Math.round(timeoutMs / 1000)}s`];
}
