// Events for a described object (describe.go searchEvents and DescribeEvents): listed by field
// selector on involvedObject, sorted by last timestamp, printed as an aligned table.

import { goSorted } from "../output/go-sort";
import type { KubeObject } from "../../api/types";
import type { Reader } from "./api";
import { since } from "./format";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";

export interface EventRef {
  kind?: string;
  namespace?: string;
  name: string;
  uid?: string;
}

/** searchEvents: events whose involvedObject matches the reference (kind and uid when set). */
export function searchEvents(r: Reader, ref: EventRef): KubeObject[] {
  const fields: Record<string, string> = { "involvedObject.name": ref.name, "involvedObject.namespace": ref.namespace ?? "" };
  if (ref.kind) fields["involvedObject.kind"] = ref.kind;
  if (ref.uid) fields["involvedObject.uid"] = ref.uid;
  const fieldSelector = Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`).join(",");
  const { items } = r.list("events", "", ref.namespace || undefined, { fieldSelector });
  // Filter again here: the selector is the contract, whatever the server supports of it.
  return items.filter((e) => {
    const io = e.involvedObject ?? {};
    return io.name === ref.name && (io.namespace ?? "") === (ref.namespace ?? "") && (!ref.kind || io.kind === ref.kind) && (!ref.uid || io.uid === ref.uid);
  });
}

export function refOf(o: KubeObject, withKind = true): EventRef {
  return { kind: withKind ? o.kind : undefined, namespace: o.metadata.namespace, name: o.metadata.name ?? "", uid: o.metadata.uid };
}

/** describe.go's SortableEvents orders by LastTimestamp alone: events with none (the scheduler's
 * events.k8s.io ones, which carry eventTime instead) count as the zero time and come first. */
function lastTimestamp(e: KubeObject): number {
  return e.lastTimestamp ? Date.parse(e.lastTimestamp) : 0;
}

/** DescribeEvents: "Events:  <none>" or the Type/Reason/Age/From/Message table. */
export function describeEvents(events: KubeObject[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const sorted = goSorted(events, (a, b) => lastTimestamp(a) < lastTimestamp(b));
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || "";
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${source}\t${String(e.message ?? "").trim()}\n`);
  }
}
