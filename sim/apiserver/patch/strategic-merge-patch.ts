// Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) for the built-in kinds:
// lists with a patchMergeKey merge element by element, primitive lists with patchStrategy merge
// union, every other list is replaced. Directives: `$patch: replace|delete|merge`,
// `$retainKeys`, `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>` (accepted; the
// merged order already follows the original then the patch).

import { hasOwn, isObject, own, setOwn, type JsonObject } from "./json-utils";

export class StrategicPatchError extends Error {}

type ListStrategy = { mergeKey: string } | { primitiveMerge: true } | undefined;

/** patchMergeKey / patchStrategy tags of the core and apps types (pkg/apis/core/v1 types.go). */
export function listStrategy(kind: string, path: readonly string[]): ListStrategy {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case "containers":
    case "initContainers":
    case "ephemeralContainers":
    case "imagePullSecrets":
    case "volumes":
    case "env":
    case "resourceClaims":
    case "schedulingGates":
      return { mergeKey: "name" };
    case "volumeMounts":
      return { mergeKey: "mountPath" };
    case "volumeDevices":
      return { mergeKey: "devicePath" };
    case "ports":
      if (kind === "Service" && parent === "spec" && path.length === 2) return { mergeKey: "port" };
      if (parent === "containers" || parent === "initContainers" || parent === "ephemeralContainers") return { mergeKey: "containerPort" };
      return undefined;
    case "ownerReferences":
      return parent === "metadata" ? { mergeKey: "uid" } : undefined;
    case "finalizers":
      return parent === "metadata" ? { primitiveMerge: true } : undefined;
    case "conditions":
      return parent === "status" ? { mergeKey: "type" } : undefined;
    case "addresses":
      return kind === "Node" && parent === "status" ? { mergeKey: "type" } : undefined;
    case "hostAliases":
      return { mergeKey: "ip" };
    case "topologySpreadConstraints":
      return { mergeKey: "topologyKey" };
    default:
      return undefined;
  }
}

const DIRECTIVE = "$patch";
const RETAIN = "$retainKeys";
const DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";
const SET_ORDER = "$setElementOrder/";

export function applyStrategicMergePatch(kind: string, original: unknown, patch: unknown): unknown {
  if (!isObject(patch)) throw new StrategicPatchError("unable to find api field in struct for the patch");
  return mergeMap(kind, isObject(original) ? original : {}, patch, []);
}

function mergeMap(kind: string, original: JsonObject, patch: JsonObject, path: string[]): JsonObject | undefined {
  const directive = own(patch, DIRECTIVE);
  if (directive === "delete") return undefined;
  if (directive === "replace") {
    const out: JsonObject = {};
    for (const k of Object.keys(patch)) if (k !== DIRECTIVE) setOwn(out, k, stripDirectives(patch[k]));
    return out;
  }
  if (directive !== undefined && directive !== "merge") throw new StrategicPatchError(`Unable to process $patch directive: ${String(directive)}`);
  const out: JsonObject = { ...original };
  const retain = own(patch, RETAIN);
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new StrategicPatchError("$retainKeys must be a list");
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  }
  for (const key of Object.keys(patch)) {
    if (key === DIRECTIVE || key === RETAIN || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_PRIMITIVE)) {
      const field = key.slice(DELETE_PRIMITIVE.length);
      const drop = patch[key];
      const cur = own(out, field);
      if (Array.isArray(cur) && Array.isArray(drop)) setOwn(out, field, cur.filter((v) => !drop.includes(v)));
      continue;
    }
    const pv = patch[key];
    const ov = own(out, key);
    if (pv === null) {
      delete out[key];
    } else if (isObject(pv)) {
      const merged = mergeMap(kind, isObject(ov) ? ov : {}, pv, [...path, key]);
      if (merged === undefined) delete out[key];
      else setOwn(out, key, merged);
    } else if (Array.isArray(pv)) {
      setOwn(out, key, mergeList(kind, Array.isArray(ov) ? ov : [], pv, [...path, key]));
    } else {
      setOwn(out, key, pv);
    }
  }
  return out;
}

function mergeList(kind: string, original: unknown[], patch: unknown[], path: string[]): unknown[] {
  const strategy = listStrategy(kind, path);
  if (patch.some((p) => isObject(p) && own(p, DIRECTIVE) === "replace")) {
    return patch.filter((p) => !(isObject(p) && hasOwn(p, DIRECTIVE))).map(stripDirectives);
  }
  if (!strategy) return patch.map(stripDirectives);
  if ("primitiveMerge" in strategy) {
    const out = [...original];
    for (const v of patch) if (!out.some((x) => x === v)) out.push(v);
    return out;
  }
  const key = strategy.mergeKey;
  const out = original.map((x) => structuredClone(x));
  for (const item of patch) {
    if (!isObject(item)) throw new StrategicPatchError(`found non-map element in a merging list: ${JSON.stringify(item)}`);
    if (!hasOwn(item, key)) throw new StrategicPatchError(`map: ${JSON.stringify(item).replace(/[{}"]/g, "")} does not contain declared merge key: ${key}`);
    const idx = out.findIndex((x) => isObject(x) && JSON.stringify(own(x, key)) === JSON.stringify(item[key]));
    if (own(item, DIRECTIVE) === "delete") {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) {
      const merged = mergeMap(kind, out[idx] as JsonObject, item, path);
      if (merged === undefined) out.splice(idx, 1);
      else out[idx] = merged;
    } else {
      const added = mergeMap(kind, {}, item, path);
      if (added !== undefined) out.push(added);
    }
  }
  return out;
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const k of Object.keys(v)) {
    if (k === DIRECTIVE || k === RETAIN || k.startsWith(SET_ORDER) || k.startsWith(DELETE_PRIMITIVE)) continue;
    setOwn(out, k, stripDirectives(v[k]));
  }
  return out;
}
