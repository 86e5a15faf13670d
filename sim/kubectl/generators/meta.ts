// Shared pieces of the client-side generators. Objects are built with their keys in the order of
// the Go structs (k8s.io/api), because `-o json` prints fields in struct order; `-o yaml` sorts.

import type { KubeObject } from "../../api/types";

/** ObjectMeta as a generator sets it: name, namespace only when -n was given, creationTimestamp null. */
export function generatedMeta(name: string, opts: { namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }): KubeObject["metadata"] {
  const meta: KubeObject["metadata"] = { name };
  if (opts.namespace) meta.namespace = opts.namespace;
  meta.creationTimestamp = null as unknown as string;
  if (opts.labels && Object.keys(opts.labels).length) meta.labels = { ...opts.labels };
  if (opts.annotations && Object.keys(opts.annotations).length) meta.annotations = { ...opts.annotations };
  return meta;
}

/** An error a generator reports; kubectl prints it as `error: <message>`, exit 1. */
export class GeneratorError extends Error {
  constructor(message: string, readonly seeHelp?: string) {
    super(message);
    this.name = "GeneratorError";
  }
}

/** A deterministic stand-in for utilrand.String(5) (no PRNG in pure generators): a hash of the seed. */
export function stableSuffix(seed: string, n = 5): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  let h = 2166136261;
  let out = "";
  for (let i = 0; i < n; i++) {
    for (const ch of seed + i) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}
