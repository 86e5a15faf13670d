// The kubelet's event recorder: the same Events as sim/apiserver/events.ts recordEvent writes,
// but it remembers which Event each (pod, reason, field, message) went to, so a repeat is one GET
// and one update instead of a list of the namespace's events (crash loops repeat a lot). The
// memo is a cache per API server, not state: after a restore the first event of a pod lists
// that pod's Events once to rebuild it, so snapshots do not carry it.

import type { KubeObject } from "../api/types";
import type { Client } from "../apiserver/client";
import type { Store } from "../apiserver/store";
import { rfc3339 } from "../core/duration";
import { ApiError } from "../apiserver/errors";
import { eventName } from "../apiserver/events";
import type { Prng } from "../core/prng";

/**
 * The recorder ignores what the writes answer (no copies of the stored Events), and builds each
 * body for its write alone: the server may change it rather than copy it (a repeat's body shares
 * the stored Event's parts, which no Event update changes: Events have no defaulting).
 */
const SHARED_OWNED = { shared: true, owned: true } as const;

/** API server → pod uid → event key → Event name. */
const memos = new WeakMap<object, Map<string, Map<string, string>>>();

function eventKey(reason: string, fieldPath: string | undefined, message: string): string {
  return `${reason}|${fieldPath ?? ""}|${message}`;
}

/** The pod's memo, built from its kubelet Events when this API server has none yet. */
function podMemo(api: object, client: Client, pod: KubeObject): Map<string, string> {
  let byPod = memos.get(api);
  if (!byPod) memos.set(api, (byPod = new Map()));
  const uid = pod.metadata.uid!;
  let memo = byPod.get(uid);
  if (!memo) {
    memo = new Map();
    const events = client.list("events", pod.metadata.namespace ?? "default", { fieldSelector: `involvedObject.uid=${uid}` });
    for (const e of events) if (e.source?.component === "kubelet") memo.set(eventKey(e.reason, e.involvedObject?.fieldPath, e.message), e.metadata.name!);
    byPod.set(uid, memo);
  }
  return memo;
}

/** The kubelet forgot a pod: drop its memo. */
export function forgetKubeletEvents(api: object, uid: string): void {
  memos.get(api)?.delete(uid);
}

/** `api`: the API server the kubelet writes to (the memo's owner). */
export function recordKubeletEvent(
  api: { store: Pick<Store, "peek"> },
  client: Client,
  nowMs: number,
  pod: KubeObject,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  host: string,
  prng: Prng,
  fieldPath?: string,
): void {
  const ns = pod.metadata.namespace ?? "default";
  const memo = podMemo(api, client, pod);
  const key = eventKey(reason, fieldPath, message);
  const now = rfc3339(nowMs);
  const memoized = memo.get(key);
  // The stored Event (read-only): a GET would copy it only to be replaced by the update.
  const known = memoized ? api.store.peek("/events", ns, memoized) : undefined;
  if (known) {
    dropRefused(() => client.update({ ...known, count: (known.count ?? 1) + 1, lastTimestamp: now }, SHARED_OWNED));
    return;
  }
  const name = eventName(pod.metadata.name, nowMs, prng);
  memo.set(key, name);
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
  }, SHARED_OWNED));
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
