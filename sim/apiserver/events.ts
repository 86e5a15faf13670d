// The event recorder (client-go tools/record): one Event per (object, reason, message, source),
// counted and re-stamped when it repeats, as `kubectl describe` and `get events` show them.

import { rfc3339 } from "../core/duration";
import type { Prng } from "../core/prng";
import type { KubeObject } from "../api/types";
import type { Client } from "./client";
import { ApiError } from "./errors";

export interface EventSource {
  component: string; // "default-scheduler", "kubelet", "replicaset-controller", ...
  host?: string; // the node, for kubelet events
}

export function recordEvent(
  client: Client,
  prng: Prng,
  nowMs: number,
  involved: KubeObject,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  source: EventSource,
  fieldPath?: string,
): void {
  const ns = involved.metadata.namespace ?? "default";
  const existing = client
    .list("events", ns, involved.metadata.uid ? { fieldSelector: `involvedObject.uid=${involved.metadata.uid}` } : undefined)
    .find(
      (e) =>
        e.involvedObject?.uid === involved.metadata.uid &&
        e.reason === reason &&
        e.message === message &&
        e.source?.component === source.component &&
        (e.involvedObject?.fieldPath ?? "") === (fieldPath ?? ""),
    );
  const now = rfc3339(nowMs);
  try {
    if (existing) {
      existing.count = (existing.count ?? 1) + 1;
      existing.lastTimestamp = now;
      client.update(existing);
    } else {
      client.create(newEvent(eventName(involved.metadata.name, nowMs, prng), now, ns, involved, type, reason, message, source, fieldPath));
    }
  } catch (e) {
    // Like client-go's recorder, a rejected event (a terminating namespace, the sandbox's object
    // limit, a conflict) is dropped rather than failing the component that records it.
    if (!(e instanceof ApiError)) throw e;
  }
}

/**
 * client-go's recorder names an Event "<object>.<creation time in UnixNano, hex>", so names sort
 * in time order. The virtual clock has milliseconds; the nanoseconds below them come from the id
 * counter, which keeps two events of one millisecond apart, in order.
 */
export function eventName(objectName: string | undefined, nowMs: number, prng: Prng): string {
  const nanos = BigInt(Math.floor(nowMs)) * BigInt(1_000_000) + BigInt(prng.ids.peek() % 1_000_000);
  return `${objectName}.${nanos.toString(16)}`;
}

function newEvent(
  name: string,
  now: string,
  ns: string,
  involved: KubeObject,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  source: EventSource,
  fieldPath?: string,
): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: ns },
    involvedObject: {
      kind: involved.kind,
      namespace: involved.metadata.namespace,
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: involved.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? "",
  };
}
