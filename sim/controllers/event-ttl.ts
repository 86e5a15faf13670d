// Events live one hour after their last write (kube-apiserver --event-ttl=1h, an etcd lease per
// write). Every write puts a wake-up at lastWrite + 1h; a wake-up deletes all Events due by then,
// in store order, so the outcome does not depend on the order wake-ups were scheduled in.

import type { Reconciler, ReconcileContext } from "../cluster";
import { cachedList, clientFor, tolerate } from "./util";

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
      const written = events ? events.filter((e) => e.type !== "DELETED").map((e) => e.object) : clientFor(ctx, NAME).list("events");
      for (const e of written) schedule(ctx, lastWrite(e as never));
    },
    onTimer: (_key, ctx) => {
      const client = clientFor(ctx, NAME);
      const now = ctx.now();
      for (const e of cachedList(ctx, "events", "/events")) {
        if (lastWrite(e as never) + EVENT_TTL_MS <= now) tolerate(() => client.delete("events", e.metadata.namespace, e.metadata.name!));
      }
    },
  };
}

function schedule(ctx: ReconcileContext, writtenAt: number): void {
  ctx.after(Math.max(0, writtenAt + EVENT_TTL_MS - ctx.now()), KEY);
}
