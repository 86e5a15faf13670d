// Events live one hour after their last write (kube-apiserver --event-ttl=1h, an etcd lease per
// write). Every write puts a wake-up at lastWrite + 1h; a wake-up deletes all Events due by then,
// in store order, so the outcome does not depend on the order wake-ups were scheduled in.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { clientFor, tolerate } from "./util";

export const EVENT_TTL_MS = 60 * 60 * 1000;
const NAME = "event-ttl";
const KEY = "expire";

/** Timestamp → Date.parse of it: Events share a few seconds, and each wake-up looks at all of them. */
const parsed = new Map<string, number>();

function lastWrite(e: { lastTimestamp?: string; eventTime?: string; metadata: { creationTimestamp?: string } }): number {
  const t = e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;
  if (!t) return 0;
  let ms = parsed.get(t);
  if (ms === undefined) {
    ms = Date.parse(t);
    if (parsed.size >= 4096) parsed.clear();
    parsed.set(t, ms);
  }
  return ms;
}

export function eventTtlReconciler(): Reconciler {
  return {
    name: NAME,
    watches: ["/events"],
    sync: (ctx) => {
      const since = typeof ctx.state.rv === "number" ? ctx.state.rv : -1;
      ctx.state.rv = ctx.api.store.currentRv();
      const events = since < 0 ? undefined : ctx.api.store.logSince("/events", since);
      // Without a watch log reaching back (fresh start, restore), every Event is (re)scheduled;
      // wake-ups already pending at the same time are not duplicated.
      // (The stored Events themselves: a LIST would copy them only to read their times.)
      const written = events ? events.filter((e) => e.type !== "DELETED").map((e) => e.object) : ctx.api.store.listShared("/events");
      for (const e of written) schedule(ctx, lastWrite(e as never));
    },
    onTimer: (_key, ctx) => {
      const client = clientFor(ctx, NAME);
      const now = ctx.now();
      const due: KubeObject[] = [];
      for (const e of ctx.api.store.scan("/events")) if (lastWrite(e as never) + EVENT_TTL_MS <= now) due.push(e);
      due.sort(listOrder(ctx) === "keys" ? byKey : byNamespaceThenName);
      for (const e of due) tolerate(() => client.delete("events", e.metadata.namespace, e.metadata.name!));
    },
  };
}

/**
 * Per API server: where the wake-ups last looked, and whether an Event changed since they first
 * looked (or looked afresh).
 */
const looks = new WeakMap<object, { rv: number; changed: boolean }>();

/**
 * The order the wake-ups delete in: the one an informer cache of Events (controllers/informer.ts,
 * which they read until it cost most of a crash-looping hour) would list them in. Its first look
 * (and a look the watch log no longer reaches back from) lists the store's order (namespace, then
 * name); once an Event changed, "namespace/name" keys sorted. The two differ only for a namespace
 * whose name starts another's followed by "-".
 */
function listOrder(ctx: ReconcileContext): "store" | "keys" {
  const store = ctx.api.store;
  const look = looks.get(ctx.api);
  if (look && store.lastChangeOf("/events") <= look.rv) return look.changed ? "keys" : "store";
  const fresh = !look || store.logSince("/events", look.rv) === undefined;
  looks.set(ctx.api, { rv: store.currentRv(), changed: !fresh });
  return fresh ? "store" : "keys";
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  return cmp(a.metadata.namespace ?? "", b.metadata.namespace ?? "") || cmp(a.metadata.name!, b.metadata.name!);
}

function byKey(a: KubeObject, b: KubeObject): number {
  return cmp(`${a.metadata.namespace ?? ""}/${a.metadata.name}`, `${b.metadata.namespace ?? ""}/${b.metadata.name}`);
}

function schedule(ctx: ReconcileContext, writtenAt: number): void {
  ctx.after(Math.max(0, writtenAt + EVENT_TTL_MS - ctx.now()), KEY);
}
