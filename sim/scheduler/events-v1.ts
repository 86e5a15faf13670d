// The scheduler records its events through the events.k8s.io/v1 recorder (client-go tools/events),
// not the core one the kubelet and controllers use. Read through the core v1 API such an event has
// an `eventTime` (MicroTime), an `action`, `reportingComponent`/`reportingInstance` ("default-scheduler-
// <host>"), an empty `source`, and no firstTimestamp/lastTimestamp/count; a repeat of the same
// (type, action, reason, reporter, regarding) within the series window becomes a `series` patch
// (count 2, 3, ... and lastObservedTime) instead of a new Event, and keeps the first note.
// `kubectl get events` and `describe` then show "(x2 over 5m)" from the series.

import type { Prng } from "../core/prng";
import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import { ApiError } from "../apiserver/errors";
import { eventName } from "../apiserver/events";

/** finishTime in tools/events: a series (or a single event) older than this is not continued. */
const SERIES_WINDOW_MS = 6 * 60 * 1000;

/** metav1.MicroTime as JSON: RFC 3339 with six fractional digits (the virtual clock has ms). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

export interface V1EventRecord {
  type: "Normal" | "Warning";
  reason: string;
  action: string;
  note: string;
  reportingController: string;
  /** The component's host name: reportingInstance is "<controller>-<host>". */
  host: string;
}

function lastSeen(e: KubeObject): number {
  return Date.parse(e.series?.lastObservedTime ?? e.eventTime);
}

/** Records (or continues the series of) one events/v1 Event about `regarding`; never throws an ApiError. */
export function recordV1Event(client: Client, prng: Prng, nowMs: number, regarding: KubeObject, r: V1EventRecord): void {
  const ns = regarding.metadata.namespace ?? "default";
  const instance = `${r.reportingController}-${r.host}`;
  const ref = {
    apiVersion: regarding.apiVersion,
    kind: regarding.kind,
    name: regarding.metadata.name,
    namespace: regarding.metadata.namespace,
    resourceVersion: regarding.metadata.resourceVersion,
    uid: regarding.metadata.uid,
  };
  try {
    const isomorphic = client
      .list("events", ns, regarding.metadata.uid ? { fieldSelector: `involvedObject.uid=${regarding.metadata.uid}` } : undefined)
      .find(
        (e) =>
          e.eventTime &&
          e.type === r.type &&
          e.action === r.action &&
          e.reason === r.reason &&
          e.reportingComponent === r.reportingController &&
          e.reportingInstance === instance &&
          e.involvedObject?.resourceVersion === ref.resourceVersion &&
          nowMs - lastSeen(e) < SERIES_WINDOW_MS,
      );
    if (isomorphic) {
      client.update({ ...isomorphic, series: { count: (isomorphic.series?.count ?? 1) + 1, lastObservedTime: microTime(nowMs) } });
      return;
    }
    client.create({
      apiVersion: "v1",
      kind: "Event",
      // tools/events names it as the core recorder does: "<name>.<UnixNano hex>".
      metadata: { name: eventName(regarding.metadata.name, nowMs, prng), namespace: ns },
      action: r.action,
      eventTime: microTime(nowMs),
      firstTimestamp: null,
      lastTimestamp: null,
      involvedObject: ref,
      message: r.note,
      reason: r.reason,
      reportingComponent: r.reportingController,
      reportingInstance: instance,
      source: {},
      type: r.type,
    });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}
