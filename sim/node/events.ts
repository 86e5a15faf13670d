// The kubelet's event recorder: the same Events as sim/apiserver/events.ts recordEvent writes,
// but it remembers which Event each (pod, reason, message, field) went to, so a repeat is one GET
// and one update instead of a list of the namespace's events (crash loops repeat a lot).

import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { rfc3339 } from "../core/duration";
import { ApiError } from "../apiserver/errors";

export function recordKubeletEvent(
  memo: Record<string, string>,
  client: Client,
  nowMs: number,
  pod: KubeObject,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  host: string,
  seq: number,
  fieldPath?: string,
): void {
  const ns = pod.metadata.namespace ?? "default";
  const key = `${pod.metadata.uid}|${reason}|${fieldPath ?? ""}|${message}`;
  const now = rfc3339(nowMs);
  const known = memo[key] ? client.get("events", ns, memo[key]) : undefined;
  if (known) {
    known.count = (known.count ?? 1) + 1;
    known.lastTimestamp = now;
    dropRefused(() => client.update(known));
    return;
  }
  // client-go names events "<object>.<UnixNano in hex>", so names sort in time order.
  const nanos = BigInt(Math.floor(nowMs)) * BigInt(1_000_000) + BigInt(seq % 1_000_000);
  const name = `${pod.metadata.name}.${nanos.toString(16)}`;
  memo[key] = name;
  dropRefused(() => client.create({
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: ns },
    involvedObject: {
      kind: pod.kind,
      namespace: ns,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      apiVersion: pod.apiVersion,
      resourceVersion: pod.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source: { component: "kubelet", host },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: "kubelet",
    reportingInstance: host,
  }));
}

/** Like client-go's recorder, an Event the server refuses (a terminating namespace, the object
 *  limit, a conflict) is dropped instead of failing the kubelet's sync. */
function dropRefused(write: () => unknown): void {
  try {
    write();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}
