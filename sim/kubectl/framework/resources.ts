// Resource names as kubectl resolves them (RESTMapper + shortcut expander): plural, singular,
// short names, Kind, `resource.group`, `resource.version.group`; and the argument forms
// `TYPE NAME...`, `TYPE/NAME ...`, `TYPE1,TYPE2`.

import { conversionFor } from "../../api/versions";
import { KINDS, groupVersion, type KindInfo } from "../../api/kinds";
import { kubectlError } from "./errors";

/** Resolves one resource word; throws kubectl's "doesn't have a resource type" error. */
export function resolveResource(word: string): KindInfo {
  const k = lookupResource(word);
  if (!k) throw kubectlError(noResourceTypeText(word));
  return k;
}

export function lookupResource(word: string): KindInfo | undefined {
  const w = word.toLowerCase();
  const direct = matchName(w, KINDS);
  if (direct) return direct;
  // "deployments.apps", "deploy.apps", "deployments.v1.apps"
  const dot = w.indexOf(".");
  if (dot > 0) {
    const name = w.slice(0, dot);
    let rest = w.slice(dot + 1);
    let version: string | undefined;
    const m = /^(v\d+(?:(?:alpha|beta)\d+)?)\.(.+)$/.exec(rest);
    if (m) {
      version = m[1];
      rest = m[2];
    }
    const group = rest === "core" ? "" : rest;
    const candidates = KINDS.filter((k) => k.group === group && (version === undefined || k.version === version));
    const found = matchName(name, candidates);
    if (found || version === undefined) return found;
    const inGroup = KINDS.filter((k) => k.group === group);
    // Another version the server also serves ("horizontalpodautoscalers.v1.autoscaling"); a short
    // name resolves to the preferred version whatever the version says ("hpa.v1.autoscaling" is v2).
    const older = inGroup.find((k) => (k.resource === name || k.singular === name) && conversionFor(k, version) !== undefined);
    if (older) return { ...older, version };
    return inGroup.find((k) => k.shortNames.includes(name) && conversionFor(k, version) !== undefined);
  }
  return undefined;
}

function matchName(w: string, kinds: readonly KindInfo[]): KindInfo | undefined {
  return (
    kinds.find((k) => k.resource === w) ??
    kinds.find((k) => k.singular === w) ??
    kinds.find((k) => k.shortNames.includes(w)) ??
    kinds.find((k) => k.kind.toLowerCase() === w)
  );
}

/** checkErr's NoResourceMatchError wording. */
export function noResourceTypeText(word: string): string {
  const dot = word.indexOf(".");
  if (dot > 0) {
    const name = word.slice(0, dot);
    const rest = word.slice(dot + 1);
    const m = /^(v\d+(?:(?:alpha|beta)\d+)?)\.(.+)$/.exec(rest);
    if (m) return `the server doesn't have a resource type "${name}" in group "${m[2]}" and version "${m[1]}"`;
    return `the server doesn't have a resource type "${name}" in group "${rest}"`;
  }
  return `the server doesn't have a resource type "${word}"`;
}

/** "pods" / "deployments.apps": how kubectl names a resource in messages. */
export function qualified(k: KindInfo): string {
  return k.group ? `${k.resource}.${k.group}` : k.resource;
}

/** "pod/x" / "deployment.apps/x": the `-o name` form. */
export function nameOf(k: KindInfo, name: string): string {
  return `${k.group ? `${k.kind.toLowerCase()}.${k.group}` : k.kind.toLowerCase()}/${name}`;
}

export function apiVersionOf(k: KindInfo): string {
  return groupVersion(k);
}

export interface Target {
  kind: KindInfo;
  /** Undefined: every object of the kind (a list). */
  name?: string;
  /** A namespace fixed by the target itself (an object read from -f); else the command's. */
  namespace?: string;
}

/** Splits `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...` arguments into targets (resource.Builder rules). */
export function parseTargets(args: string[], opts: { allowAll?: boolean } = {}): Target[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes("/"))) {
    const out: Target[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) {
        throw kubectlError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      }
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (!name) throw kubectlError(`arguments in resource/name form must have a single resource and name`);
      out.push({ kind: resolveResource(type), name });
    }
    return out;
  }
  const [types, ...names] = args;
  const kinds = expandTypes(types, opts.allowAll ?? false);
  if (names.length === 0) return kinds.map((kind) => ({ kind }));
  // `pods,svc x` asks for x of each type (resource.Builder.resourceTupleMappings order: types, then names).
  return kinds.flatMap((kind) => names.map((name) => ({ kind, name })));
}

/** "pods,svc" / "all" into kinds, in order, without duplicates. */
export function expandTypes(types: string, allowAll: boolean): KindInfo[] {
  const out: KindInfo[] = [];
  for (const t of types.split(",")) {
    if (t === "") continue;
    const ks = allowAll && t.toLowerCase() === "all" ? ALL_CATEGORY() : [resolveResource(t)];
    for (const k of ks) if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** The `all` category in the order kubectl prints it (pods, services, daemonsets, deployments, replicasets, ...). */
export function ALL_CATEGORY(): KindInfo[] {
  const order = ["pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets", "statefulsets", "horizontalpodautoscalers", "cronjobs", "jobs"];
  const all = KINDS.filter((k) => k.categories.includes("all"));
  return all.sort((a, b) => rank(order, a.resource) - rank(order, b.resource));
}

function rank(order: string[], r: string): number {
  const i = order.indexOf(r);
  return i < 0 ? order.length : i;
}

/** The kind of an object by apiVersion and kind ("apps/v1", "Deployment"). */
export function lookupByKind(apiVersion: string, kind: string): KindInfo | undefined {
  return KINDS.find((k) => groupVersion(k) === apiVersion && k.kind === kind);
}
