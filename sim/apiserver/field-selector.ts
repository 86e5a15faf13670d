// Field selectors (k8s.io/apimachinery/pkg/fields) and the fields each kind supports
// (the GetAttrs / field label conversion functions registered per kind in pkg/registry and
// pkg/apis/core/v1/conversion.go).

import type { KindInfo } from "../api/kinds";
import type { KubeObject } from "../api/types";
import { badRequest } from "./errors";

export interface FieldRequirement {
  field: string;
  op: "=" | "==" | "!=";
  value: string;
}

type Getter = (o: KubeObject) => string;

const META: Record<string, Getter> = {
  "metadata.name": (o) => o.metadata.name ?? "",
  "metadata.namespace": (o) => o.metadata.namespace ?? "",
};

const s = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

const PER_KIND: Record<string, Record<string, Getter>> = {
  Pod: {
    "spec.nodeName": (o) => s(o.spec?.nodeName),
    "spec.restartPolicy": (o) => s(o.spec?.restartPolicy),
    "spec.schedulerName": (o) => s(o.spec?.schedulerName),
    "spec.serviceAccountName": (o) => s(o.spec?.serviceAccountName),
    "spec.hostNetwork": (o) => String(o.spec?.hostNetwork === true),
    "status.phase": (o) => s(o.status?.phase),
    "status.podIP": (o) => s(o.status?.podIP),
    "status.nominatedNodeName": (o) => s(o.status?.nominatedNodeName),
  },
  Event: {
    "involvedObject.kind": (o) => s(o.involvedObject?.kind),
    "involvedObject.namespace": (o) => s(o.involvedObject?.namespace),
    "involvedObject.name": (o) => s(o.involvedObject?.name),
    "involvedObject.uid": (o) => s(o.involvedObject?.uid),
    "involvedObject.apiVersion": (o) => s(o.involvedObject?.apiVersion),
    "involvedObject.resourceVersion": (o) => s(o.involvedObject?.resourceVersion),
    "involvedObject.fieldPath": (o) => s(o.involvedObject?.fieldPath),
    reason: (o) => s(o.reason),
    reportingComponent: (o) => s(o.reportingComponent),
    source: (o) => s(o.source?.component),
    type: (o) => s(o.type),
  },
  Secret: { type: (o) => s(o.type) },
  Namespace: { "status.phase": (o) => s(o.status?.phase) },
  Node: { "spec.unschedulable": (o) => String(o.spec?.unschedulable === true) },
  ReplicaSet: { "status.replicas": (o) => s(o.status?.replicas ?? 0) },
  Job: { "status.successful": (o) => s(o.status?.successful ?? 0) },
  ReplicationController: { "status.replicas": (o) => s(o.status?.replicas ?? 0) },
};

function getter(k: KindInfo, field: string): Getter | undefined {
  return META[field] ?? PER_KIND[k.kind]?.[field];
}

export function parseFieldSelector(k: KindInfo, sel: string): FieldRequirement[] {
  if (sel.trim() === "") return [];
  return sel.split(",").map((part) => {
    const m = /^([^=!]*?)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw badRequest(`invalid selector: '${sel}'; can't understand '${part}'`);
    const field = m[1].trim();
    if (!getter(k, field)) throw badRequest(`field label not supported: ${field}`);
    return { field, op: m[2] as FieldRequirement["op"], value: m[3].trim() };
  });
}

export function fieldValue(k: KindInfo, o: KubeObject, field: string): string {
  return getter(k, field)?.(o) ?? "";
}
