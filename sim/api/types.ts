// API objects are plain JSON shaped exactly like the Kubernetes API, so -o yaml, jsonpath and
// graders see the real shapes. Types stay loose on purpose: the API server validates.

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [k: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [k: string]: any;
}

export interface KubeList {
  apiVersion: string;
  kind: string; // "PodList"
  metadata: { resourceVersion?: string; continue?: string };
  items: KubeObject[];
}

export interface TableColumnDefinition {
  name: string;
  type: string; // "string" | "integer" | "number" | "boolean" | "date"
  format: string; // "name" for the first column, "" otherwise
  description: string;
  priority: number; // 0 always shown, 1 with -o wide
}

export interface TableRow {
  cells: unknown[];
  object?: unknown; // PartialObjectMetadata or the full object, per includeObject
}

export interface Table {
  kind: "Table";
  apiVersion: "meta.k8s.io/v1";
  metadata: { resourceVersion?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: KubeObject;
}

export interface ObjectKey {
  namespace?: string;
  name: string;
}

export function keyOf(o: { metadata: ObjectMeta }): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : `${o.metadata.name}`;
}
