// kubectl apply's client-side three-way strategic merge patch
// (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go: CreateThreeWayMergePatch, diffMaps,
// diffLists, diffListsOfMaps, diffListsOfScalars). The patch holds what `modified` (the file)
// adds or changes relative to `current` (the live object), plus what it dropped relative to
// `original` (the last-applied configuration): maps set to null, keyed list items as
// `$patch: delete`, scalars of merge lists in `$deleteFromPrimitiveList/<field>`, and
// `$setElementOrder/<field>` where keyed lists changed.

import { listMetaFor } from "./patch-meta";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
}

export function createThreeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, kind: string): JsonMap {
  const delta = diffMaps(current, modified, kind, [], { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffMaps(original ?? {}, modified, kind, [], { ignoreDeletions: false, ignoreChangesAndAdditions: true });
  return sortKeys(mergePatches(deletions, delta, kind, [])) as JsonMap;
}

function isMap(v: unknown): v is JsonMap {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function typeOf(v: Json): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as JsonMap)[k], (b as JsonMap)[k]));
}

function diffMaps(original: JsonMap, modified: JsonMap, kind: string, path: string[], o: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  for (const [key, mv] of Object.entries(modified)) {
    if (!(key in original)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === "$patch") {
      if (ov !== mv) patch[key] = mv;
      continue;
    }
    if (typeOf(ov) !== typeOf(mv)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    if (isMap(ov) && isMap(mv)) {
      const sub = diffMaps(ov, mv, kind, [...path, key], o);
      if (Object.keys(sub).length) patch[key] = sub;
    } else if (Array.isArray(ov) && Array.isArray(mv)) {
      diffSliceInto(key, ov, mv, patch, kind, [...path, key], o);
    } else if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) {
      patch[key] = mv;
    }
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  return patch;
}

function diffSliceInto(key: string, ov: Json[], mv: Json[], patch: JsonMap, kind: string, path: string[], o: DiffOptions): void {
  const meta = listMetaFor(kind, path);
  if (meta.strategy !== "merge") {
    if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
    return;
  }
  if (ov.length === 0) {
    if (mv.length > 0 && !o.ignoreChangesAndAdditions) patch[key] = mv;
    return;
  }
  if (meta.mergeKey && ov.every(isMap) && mv.every(isMap)) {
    const mk = meta.mergeKey;
    const { changed, deleted } = diffListsOfMaps(ov as JsonMap[], mv as JsonMap[], mk, kind, path, o);
    const list = [...orderLike(changed, mv as JsonMap[], mk), ...deleted];
    if (list.length) patch[key] = list;
    const orderSame = ov.length === mv.length && mv.every((m, i) => String((ov[i] as JsonMap)[mk]) === String((m as JsonMap)[mk]));
    if ((!o.ignoreChangesAndAdditions && (list.length > 0 || !orderSame)) || (!o.ignoreDeletions && list.length > 0)) {
      patch[`$setElementOrder/${key}`] = (mv as JsonMap[]).map((m) => ({ [mk]: m[mk] }));
    }
    return;
  }
  const { added, deleted } = diffListsOfScalars(ov, mv, o);
  if (added.length) patch[key] = added;
  if (deleted.length) patch[`$deleteFromPrimitiveList/${key}`] = deleted;
  if ((!o.ignoreDeletions && deleted.length > 0) || (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv))) {
    patch[`$setElementOrder/${key}`] = mv;
  }
}

function diffListsOfMaps(ov: JsonMap[], mv: JsonMap[], mk: string, kind: string, path: string[], o: DiffOptions): { changed: JsonMap[]; deleted: JsonMap[] } {
  const changed: JsonMap[] = [];
  const deleted: JsonMap[] = [];
  const byKey = new Map(ov.map((m) => [String(m[mk]), m]));
  const modifiedKeys = new Set(mv.map((m) => String(m[mk])));
  for (const m of mv) {
    const orig = byKey.get(String(m[mk]));
    if (!orig) {
      if (!o.ignoreChangesAndAdditions) changed.push(m);
      continue;
    }
    const sub = diffMaps(orig, m, kind, path, o);
    if (Object.keys(sub).length) changed.push({ ...sub, [mk]: m[mk] });
  }
  if (!o.ignoreDeletions) {
    for (const orig of [...ov].sort((a, b) => cmp(String(a[mk]), String(b[mk])))) {
      if (!modifiedKeys.has(String(orig[mk]))) deleted.push({ $patch: "delete", [mk]: orig[mk] });
    }
  }
  return { changed, deleted };
}

function diffListsOfScalars(ov: Json[], mv: Json[], o: DiffOptions): { added: Json[]; deleted: Json[] } {
  const os = new Set(ov.map((v) => String(v)));
  const ms = new Set(mv.map((v) => String(v)));
  const added = o.ignoreChangesAndAdditions ? [] : [...mv].sort((a, b) => cmp(String(a), String(b))).filter((v) => !os.has(String(v)));
  const deleted = o.ignoreDeletions ? [] : [...new Set(ov.filter((v) => !ms.has(String(v))).map((v) => v))].sort((a, b) => cmp(String(a), String(b)));
  return { added, deleted };
}

function orderLike(items: JsonMap[], order: JsonMap[], mk: string): JsonMap[] {
  const idx = new Map(order.map((m, i) => [String(m[mk]), i]));
  return [...items].sort((a, b) => (idx.get(String(a[mk])) ?? 0) - (idx.get(String(b[mk])) ?? 0));
}

/** mergeMap(deletions, delta) with MergeOptions{}: the two halves of the patch combined. */
function mergePatches(a: JsonMap, b: JsonMap, kind: string, path: string[]): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, bv] of Object.entries(b)) {
    const av = out[k];
    if (isMap(av) && isMap(bv)) out[k] = mergePatches(av, bv, kind, [...path, k]);
    else if (Array.isArray(av) && Array.isArray(bv) && !k.startsWith("$setElementOrder/")) {
      const meta = listMetaFor(kind, [...path, k.replace(/^\$deleteFromPrimitiveList\//, "")]);
      if (meta.mergeKey) {
        const mk = meta.mergeKey;
        const merged = [...(av as JsonMap[])];
        for (const item of bv as JsonMap[]) {
          const i = merged.findIndex((m) => String(m[mk]) === String(item[mk]));
          if (i >= 0) merged[i] = mergePatches(merged[i], item, kind, [...path, k]);
          else merged.push(item);
        }
        out[k] = merged;
      } else out[k] = [...av, ...bv.filter((x) => !av.some((y) => deepEqual(x, y)))];
    } else out[k] = bv;
  }
  return out;
}

/** Go marshals maps with sorted keys; the patch prints (and compares) that way. */
export function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const k of Object.keys(v).sort(cmp)) out[k] = sortKeys(v[k]);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { Json, JsonMap };
