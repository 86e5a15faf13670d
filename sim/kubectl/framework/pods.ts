// Finding the pod behind an argument, as logs/exec do (polymorphichelpers.AttachablePodForObject,
// podcmd.FindOrDefaultContainerByName): `POD`, `pod/x`, `deploy/x`, `rs/x`, `svc/x`, ...

import type { KubeObject } from "../../api/types";
import { KINDS } from "../../api/kinds";
import { getObject, listObjects } from "./api";
import { kubectlError } from "./errors";
import { resolveResource } from "./resources";
import type { Ctx } from "./verb";

/** A selector's matchLabels (and simple matchExpressions) as a label-selector string. */
export function selectorString(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | Record<string, string> | undefined): string {
  if (!sel) return "";
  const s = sel as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const isLabelSelector = "matchLabels" in s || "matchExpressions" in s;
  const labels = isLabelSelector ? (s.matchLabels ?? {}) : (sel as Record<string, string>);
  const parts = Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`);
  for (const e of isLabelSelector ? (s.matchExpressions ?? []) : []) {
    if (e.operator === "In") parts.push(`${e.key} in (${(e.values ?? []).join(",")})`);
    else if (e.operator === "NotIn") parts.push(`${e.key} notin (${(e.values ?? []).join(",")})`);
    else if (e.operator === "Exists") parts.push(e.key);
    else if (e.operator === "DoesNotExist") parts.push(`!${e.key}`);
  }
  return parts.join(",");
}

function isReady(p: KubeObject): boolean {
  return (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True");
}

function readyTime(p: KubeObject): string {
  return (p.status?.conditions ?? []).find((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True")?.lastTransitionTime ?? "";
}

function maxRestarts(p: KubeObject): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s: { restartCount?: number }) => s.restartCount ?? 0));
}

/** afterOrZero: a zero time counts as after everything; RFC 3339 strings compare as times. */
function afterOrZero(a: string, b: string): boolean {
  if (!a || !b) return !a;
  return a > b;
}

/** podutils.ActivePods Less: "less active" first (k8s.io/kubectl/pkg/util/podutils). */
function lessActive(a: KubeObject, b: KubeObject): boolean {
  const na = a.spec?.nodeName ?? "";
  const nb = b.spec?.nodeName ?? "";
  if (na !== nb && (!na || !nb)) return !na;
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = rank[a.status?.phase ?? ""] ?? 0;
  const pb = rank[b.status?.phase ?? ""] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = a.metadata.creationTimestamp ?? "";
  const cb = b.metadata.creationTimestamp ?? "";
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

/** sort.Reverse(ActivePods): the most active pod first, as logs/exec/attach choose it. */
function comparePods(a: KubeObject, b: KubeObject): number {
  return lessActive(b, a) ? -1 : lessActive(a, b) ? 1 : 0;
}

/** The pod an argument names; `Found N pods, using pod/x` goes to stderr for workloads. */
export function podForArg(ctx: Ctx, arg: string): KubeObject {
  const slash = arg.indexOf("/");
  if (slash < 0) return getObject(ctx, KINDS.find((k) => k.resource === "pods")!, ctx.namespace, arg);
  const k = resolveResource(arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  const obj = getObject(ctx, k, k.namespaced ? ctx.namespace : undefined, name);
  if (k.kind === "Pod") return obj;
  let selector: string;
  if (k.kind === "Service" || k.kind === "ReplicationController") selector = selectorString(obj.spec?.selector);
  else if (["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"].includes(k.kind)) selector = selectorString(obj.spec?.selector);
  else throw kubectlError(`cannot attach to ${k.kind.toLowerCase()}: selector for ${k.kind.toLowerCase()} not implemented`);
  const podsKind = KINDS.find((x) => x.resource === "pods")!;
  const pods = listObjects(ctx, podsKind, ctx.namespace, { labelSelector: selector }).items.filter((p) => !p.metadata.deletionTimestamp);
  if (pods.length === 0) throw kubectlError(`timed out waiting for the condition`);
  pods.sort(comparePods);
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

/** All container names as podcmd.AllContainerNames prints them ("a, b, init (init)"). */
export function allContainerNames(pod: KubeObject): string {
  const names: string[] = [];
  for (const c of pod.spec?.containers ?? []) names.push(c.name);
  for (const c of pod.spec?.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`);
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`);
  return names.join(", ");
}

/** The container to use when -c is absent: the default-container annotation, else the first (with a notice). */
export function defaultContainer(ctx: Ctx, pod: KubeObject, quiet = false): string {
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  const containers: { name: string }[] = pod.spec?.containers ?? [];
  if (annotated && [...containers, ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].some((c: { name: string }) => c.name === annotated)) return annotated;
  const first = containers[0]?.name ?? "";
  const several = containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0;
  if (!quiet && several) ctx.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}
