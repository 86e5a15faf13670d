// `kubectl get -w / --watch-only` (get.go watch): the initial table, then one row per change.
// The simulator advances the virtual clock itself, wake-up by wake-up, up to p.deadline (set by
// `timeout N`). Without a deadline it stops once nothing is pending or nothing about the watched
// objects changed for QUIET_MS of virtual time (a learner would press Ctrl-C about then).

import type { Table } from "../../api/types";
import { LimitError, LIMITS } from "../../core/limits";
import { KUBECTL_TABLE, TabWriter } from "../../core/tabwriter";
import { check, getTable, pathFor, TABLE_ACCEPT } from "../framework/api";
import { kubectlError } from "../framework/errors";
import type { Target } from "../framework/resources";
import type { Ctx } from "../framework/verb";
import { tableLines, type TableOptions } from "../output/table";
import type { ObjectPrinter } from "../output/printers";
import { namespaceFor, type GetOptions } from "./get";

export const QUIET_MS = 60_000;

interface WatchEventList {
  events: { type: string; object: unknown }[];
  resourceVersion: string;
}

export function watchTarget(ctx: Ctx, targets: Target[], o: GetOptions, printer: ObjectPrinter | undefined): number {
  if (targets.length !== 1) {
    throw kubectlError(`watch is only supported on individual resources and resource collections, but ${targets.length} resources were found`);
  }
  const t = targets[0];
  const ns = namespaceFor(ctx, t, o);
  const query: Record<string, string> = {};
  if (o.query.labelSelector) query.labelSelector = o.query.labelSelector;
  const fieldSelectors = [o.query.fieldSelector, t.name !== undefined ? `metadata.name=${t.name}` : ""].filter(Boolean);
  if (fieldSelectors.length) query.fieldSelector = fieldSelectors.join(",");
  const withEvents = ctx.flags.bool("output-watch-events");
  const tableOpts: TableOptions = { ...o.table, withNamespace: o.allNamespaces && t.kind.namespaced };
  const tw = new TabWriter(KUBECTL_TABLE);
  let headerDone = false;
  let printed = 0;
  const emit = (table: Table, eventType: string | undefined) => {
    if (printer) {
      for (const row of table.rows) {
        const text = printer(row.object as Record<string, unknown>);
        ctx.out(o.output === "yaml" && printed > 0 ? `---\n${text}` : text);
        printed++;
      }
      return;
    }
    const lines = tableLines(table, { ...tableOpts, eventType: withEvents ? eventType : undefined }, !headerDone);
    if (table.rows.length > 0) headerDone = true;
    if (lines.length) {
      tw.write(lines.join("\n") + "\n");
      ctx.out(tw.flush());
    }
  };

  // The initial list (or object), then the watch from its resourceVersion.
  const initial = getTable(ctx, t.kind, ns, t.name, o.query) as Table;
  let rv = initial.metadata?.resourceVersion ?? "0";
  if (!ctx.flags.bool("watch-only")) emit(initial, "ADDED");
  const listRes = check<{ metadata?: { resourceVersion?: string } }>(ctx.request({ method: "GET", path: pathFor(t.kind, ns), query }));
  rv = listRes.metadata?.resourceVersion ?? rv;

  const port = ctx.p.cluster;
  const deadline = ctx.p.deadline;
  let lastChange = port.now();
  let delivered = 0;
  for (;;) {
    const next = port.nextEventAt();
    if (deadline !== undefined) {
      if (next === undefined || next > deadline) {
        if (deadline > port.now()) port.advanceTo(deadline);
        rv = poll();
        break;
      }
    } else if (next === undefined || next - lastChange > QUIET_MS) break;
    port.advanceTo(Math.max(next, port.now()));
    const before = delivered;
    rv = poll();
    if (delivered > before) lastChange = port.now();
  }
  return 0;

  function poll(): string {
    const res = check<WatchEventList>(ctx.request({ method: "GET", path: pathFor(t.kind, ns), query: { ...query, watch: "true", resourceVersion: rv }, accept: printer ? undefined : TABLE_ACCEPT }));
    for (const e of res.events ?? []) {
      if (++delivered > LIMITS.watchEvents) throw new LimitError("watchEvents");
      const table: Table = printer
        ? { kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: {}, columnDefinitions: [], rows: [{ cells: [], object: e.object }] }
        : (e.object as Table);
      emit(table, e.type);
    }
    return res.resourceVersion ?? rv;
  }
}
