// The pod spec inside an object, for the `kubectl set` verbs (set_image.go, set_env.go,
// set_resources.go use polymorphichelpers.updatePodSpecForObject): a pod's own spec, a CronJob's
// job template, or any other workload's pod template.

import type { KubeObject } from "../../api/types";

export interface PodSpecAt<C> {
  spec: { containers?: C[]; initContainers?: C[] };
  /** The JSON path of `spec` in the object, for a patch that nests the change there. */
  path: string[];
}

/** The pod spec of `o` (the object's own, not a copy), or undefined when it has none. */
export function podSpecOf<C>(o: KubeObject): PodSpecAt<C> | undefined {
  if (o.kind === "Pod") return { spec: o.spec ?? {}, path: ["spec"] };
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template?.spec ? { spec: o.spec.jobTemplate.spec.template.spec, path: ["spec", "jobTemplate", "spec", "template", "spec"] } : undefined;
  return o.spec?.template?.spec ? { spec: o.spec.template.spec, path: ["spec", "template", "spec"] } : undefined;
}

/** `leaf` nested under `path`: { spec: { template: { spec: leaf } } }. */
export function nestAt(path: string[], leaf: Record<string, unknown>): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((acc, key) => ({ [key]: acc }), leaf);
}
