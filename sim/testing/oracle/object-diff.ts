// Compares the objects two clusters hold after the same mutating command, naming the first
// difference per object (a JSON path) so a mismatch says what the server or a controller did
// differently, not just that the dumps differ.

import type { ApiRequest, ApiResponse } from "../../core/api-types";

type Obj = { metadata?: { name?: string; namespace?: string } } & Record<string, unknown>;

export type Reader = (req: ApiRequest) => ApiResponse;

function items(read: Reader, path: string): Map<string, Obj> {
  const res = read({ method: "GET", path });
  const list = (res.body as { items?: Obj[] } | undefined)?.items ?? [];
  return new Map(list.map((o) => [`${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`, o]));
}

/** The first JSON path where `a` and `b` differ, or undefined when equal. */
export function firstDiffPath(a: unknown, b: unknown, path = ""): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path || "."}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDiffPath((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/**
 * Differences between the real-kubectl cluster (`real`) and ours under `paths`, one line each;
 * with `namesOnly`, only objects present in one and not the other.
 */
export function diffObjects(real: Reader, ours: Reader, paths: string[], namesOnly: boolean): string[] {
  const out: string[] = [];
  for (const path of paths) {
    // Events record how far each cluster's clock moved, which only "objects" mode holds equal.
    if (namesOnly && path.endsWith("/events")) continue;
    const a = items(real, path);
    const b = items(ours, path);
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (!b.has(key)) out.push(`${path} ${key}: only in the real kubectl's cluster`);
      else if (!a.has(key)) out.push(`${path} ${key}: only in ours`);
      else if (!namesOnly) {
        const d = firstDiffPath(a.get(key), b.get(key));
        if (d) out.push(`${path} ${key} ${d} (real vs ours)`);
      }
    }
  }
  return out;
}
