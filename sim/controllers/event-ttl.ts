// Events live one hour after their last write (kube-apiserver --event-ttl=1h, an etcd lease per
// write). Each written Event gets a wake-up at lastWrite + 1h; at that time it is deleted unless
// it was written again since.

import type { Reconciler, ReconcileContext } from "../cluster";
import { clientFor, tolerate } from "./util";

export const EVENT_TTL_MS = 60 * 60 * 1000;
const NAME = "event-ttl";

function lastWrite(e: { lastTimestamp?: string; eventTime?: string; metadata: { creationTimestamp?: string } }): number {
  const t = e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;
  return t ? Date.parse(t) : 0;
}

export function eventTtlReconciler(): Reconciler {
  return {
    name: NAME,
    watches: ["/events"],
    sync: (ctx) => {
      const since = typeof ctx.state.rv === "number" ? ctx.state.rv : -1;
      ctx.state.rv = ctx.api.store.currentRv();
      const events = since < 0 ? undefined : ctx.api.store.eventsSince("/events", since);
      const written = events
        ? events.filter((e) => e.type !== "DELETED").map((e) => e.object)
        : clientFor(ctx, NAME).list("events");
      for (const e of written) schedule(ctx, `${e.metadata.namespace}/${e.metadata.name}`, lastWrite(e as never));
    },
    onTimer: (key, ctx) => {
      const [ns, name] = key.split("/");
      const client = clientFor(ctx, NAME);
      const e = client.get("events", ns, name);
      if (!e) return;
      const due = lastWrite(e as never) + EVENT_TTL_MS;
      if (due <= ctx.now()) tolerate(() => client.delete("events", ns, name));
      else schedule(ctx, key, lastWrite(e as never));
    },
  };
}

function schedule(ctx: ReconcileContext, key: string, writtenAt: number): void {
  ctx.after(Math.max(0, writtenAt + EVENT_TTL_MS - ctx.now()), key);
}
