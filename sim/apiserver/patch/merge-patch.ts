// JSON merge patch (RFC 7386), as application/merge-patch+json patches apply.

import { isObject, own, setOwn } from "./json-utils";

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) delete out[k];
    else setOwn(out, k, applyMergePatch(own(out, k), v));
  }
  return out;
}
