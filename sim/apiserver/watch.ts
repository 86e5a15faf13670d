// The in-process watch: `GET <collection>?watch=true&resourceVersion=N` answers at once with every
// event after N as `{ kind: "WatchEventList", events, resourceVersion }` (the HTTP adapter turns
// this into a streaming watch by polling). Without a resourceVersion (or "0") the current objects
// come first as ADDED events, as the real watch cache does for "start at most recent".
// An N older than the event log reaches back gives 410 Expired, as etcd compaction does.

import type { KindInfo } from "../api/kinds";
import type { KubeObject, WatchEvent } from "../api/types";
import type { ApiRequest } from "../core/api-types";
import { badRequest, gone } from "./errors";
import type { ApiServer } from "./server";
import { gr } from "./server";
import { asTable, wantsTable } from "./table";
import { objectFilter } from "./selectors";

export interface WatchEventList {
  kind: "WatchEventList";
  events: { type: WatchEvent["type"]; object: unknown }[];
  resourceVersion: string;
}

export function isWatchRequest(query: Record<string, string> | undefined): boolean {
  const w = query?.watch;
  return w === "true" || w === "1";
}

export function watchEvents(server: ApiServer, k: KindInfo, namespace: string | undefined, req: ApiRequest): WatchEventList {
  const ns = k.namespaced ? namespace : undefined;
  const matches = objectFilter(k, req.query);
  const rvParam = req.query?.resourceVersion ?? "";
  const current = server.store.currentRv();
  let events: { type: WatchEvent["type"]; object: KubeObject }[];
  if (rvParam === "" || rvParam === "0") {
    events = server.store.list(gr(k), ns, matches).map((object) => ({ type: "ADDED" as const, object }));
  } else {
    const since = Number(rvParam);
    if (!/^\d+$/.test(rvParam) || !Number.isSafeInteger(since)) throw badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a valid resource version`);
    const logged = server.store.eventsSince(gr(k), since, ns);
    if (!logged) throw gone(`too old resource version: ${since} (${server.store.oldestWatchableRv()})`);
    events = [];
    for (const e of logged) {
      // A change that moves an object into or out of the selection looks like ADDED / DELETED
      // to the watcher (apiserver cacher's filtering of watch events).
      const now = matches(e.object);
      const before = e.type === "MODIFIED" && e.previous ? matches(e.previous) : now;
      if (e.type === "MODIFIED" && before !== now) events.push({ type: now ? "ADDED" : "DELETED", object: e.object });
      else if (now) events.push({ type: e.type, object: e.object });
    }
  }
  const table = wantsTable(req.accept);
  return {
    kind: "WatchEventList",
    events: events.map((e) => ({ type: e.type, object: table ? asTable(k, [e.object], req, server.clock.now(), e.object.metadata.resourceVersion) : e.object })),
    resourceVersion: String(current),
  };
}
