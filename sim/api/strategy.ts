// The per-kind plug-in the API server calls: defaulting, admission, validation, update rules
// (the rest.RESTCreateStrategy / RESTUpdateStrategy of pkg/registry/<group>/<kind>/strategy.go).

import type { Prng } from "../core/prng";
import type { FieldCause } from "./field-errors";
import type { KubeObject } from "./types";

export interface StrategyContext {
  now: number;
  prng: Prng;
  /** A stored object (for admission and allocators); undefined when absent. */
  get(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Stored objects of a group/resource ("/services"), in one namespace or all. */
  list(groupResource: string, namespace?: string): KubeObject[];
}

/** Thrown by a strategy for non-field errors (admission Forbidden); the server turns it into a Status. */
export class StrategyError extends Error {
  constructor(readonly code: number, readonly reason: string, message: string) {
    super(message);
  }
}

export interface KindStrategy {
  /** Whether spec changes bump metadata.generation (workloads). */
  tracksGeneration?: boolean;
  /** Deployments also bump generation on annotation changes (they are copied to ReplicaSets). */
  annotationsBumpGeneration?: boolean;
  /** Metadata fields a status update may not change (pods: ownerReferences; deployments: labels). */
  statusResetsMetadata?: string[];
  /** Whether `status` is a subresource: ignored on create/update of the main resource. */
  statusSubresource?: boolean;
  /** Scheme defaulting (pkg/apis/<group>/v1/defaults.go): runs on every decoded create and update body. */
  applyDefaults?(obj: KubeObject): void;
  /** PrepareForCreate plus admission (ServiceAccount, DefaultTolerationSeconds, IP allocation). */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): FieldCause[] | void;
  /** PrepareForUpdate: carry over what an update may not change (e.g. a Service's clusterIP when omitted). */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldCause[] | void;
  validateCreate?(obj: KubeObject, ctx: StrategyContext): FieldCause[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldCause[];
  /** A fresh status for a new object (PrepareForCreate resets status); undefined keeps none. */
  initialStatus?(obj: KubeObject): unknown;
  /** Releases allocations (cluster IPs, node ports) when the object goes away; nothing by default. */
  onDelete?(obj: KubeObject, ctx: StrategyContext): void;
}
