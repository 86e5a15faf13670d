// Resource quantities and a pod's effective requests, as the scheduler computes them
// (k8s.io/apimachinery/pkg/api/resource, pkg/api/v1/resource.PodRequests).

import type { KubeObject } from "../api/types";

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
};

/** A quantity as a number of base units ("100m" → 0.1, "1Gi" → 1073741824); NaN when malformed. */
export function parseQuantity(q: unknown): number {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return NaN;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(q.trim());
  if (!m) return NaN;
  const base = parseFloat(m[1]);
  if (m[2]) return base * Math.pow(10, parseInt(m[2].slice(1), 10));
  return base * SUFFIX[m[3] ?? ""];
}

/** Resources in thousandths of their base unit (millicores, millibytes), so sums stay exact integers. */
export type Resources = Record<string, number>;

export function milli(q: unknown): number {
  return Math.round(parseQuantity(q) * 1000);
}

function add(into: Resources, from: Record<string, unknown> | undefined): void {
  for (const [k, v] of Object.entries(from ?? {})) {
    const n = milli(v);
    if (!Number.isNaN(n)) into[k] = (into[k] ?? 0) + n;
  }
}

/** Containers' requests summed, maxed with each init container's, plus overhead (PodRequests). */
export function podRequests(pod: KubeObject): Resources {
  const sum: Resources = {};
  for (const c of pod.spec?.containers ?? []) add(sum, requestsOf(c));
  for (const c of pod.spec?.initContainers ?? []) {
    const r: Resources = {};
    add(r, requestsOf(c));
    // A sidecar (restartPolicy Always) init container keeps running: it adds up instead.
    if (c.restartPolicy === "Always") for (const [k, v] of Object.entries(r)) sum[k] = (sum[k] ?? 0) + v;
    else for (const [k, v] of Object.entries(r)) sum[k] = Math.max(sum[k] ?? 0, v);
  }
  add(sum, pod.spec?.overhead);
  return sum;
}

/** Requests default to limits when only limits are given (the API server defaults this too). */
function requestsOf(c: { resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> } }): Record<string, unknown> {
  return { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
}

// pkg/scheduler/util: pods without requests count as 100m CPU and 200Mi memory when scoring.
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024 * 1000;

export function nonZeroRequests(pod: KubeObject): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = requestsOf(c);
    cpu += r.cpu !== undefined ? milli(r.cpu) || 0 : DEFAULT_MILLI_CPU_REQUEST;
    memory += r.memory !== undefined ? milli(r.memory) || 0 : DEFAULT_MEMORY_REQUEST;
  }
  return { cpu, memory };
}

export function allocatable(node: KubeObject): Resources {
  const r: Resources = {};
  add(r, node.status?.allocatable);
  return r;
}
