// kubectl events (staging/src/k8s.io/kubectl/pkg/cmd/events/events.go, event_printer.go):
// events sorted by their last time, LAST SEEN with "(xN over M)", OBJECT as Kind/name,
// --for TYPE/NAME (a field selector on the involved object), --types Normal,Warning, -A, -w.

import type { KubeObject } from "../../api/types";
import { humanDuration } from "../../core/duration";
import { KUBECTL_TABLE, tabwrite } from "../../core/tabwriter";
import { boolFlag, intFlag, stringFlag, stringSliceFlag } from "../framework/flags";
import { kubectlError } from "../framework/errors";
import { listObjects } from "../framework/api";
import { lookupResource, noResourceTypeText } from "../framework/resources";
import { verb, type Ctx } from "../framework/verb";
import { kindByResourceName } from "../mutate/common";
import { objectPrinter, outputWithTemplate } from "../output/printers";
import { stepClock } from "../mutate/wait";

export const eventsVerb = verb({
  name: "events",
  flags: [
    boolFlag("all-namespaces", { short: "A" }),
    stringFlag("for"),
    stringSliceFlag("types"),
    boolFlag("watch", { short: "w" }),
    boolFlag("no-headers"),
    stringFlag("output", { short: "o" }),
    intFlag("chunk-size", { default: 500 }),
    boolFlag("allow-missing-template-keys", { default: true }),
    stringFlag("template"),
    boolFlag("show-managed-fields"),
  ],
  run: (ctx) => runEvents(ctx),
});

function since(ts: string | undefined | null, now: number): string {
  if (!ts) return "<unknown>";
  return humanDuration(now - Date.parse(ts));
}

/** eventTime (events.go): series last observed, else lastTimestamp, else eventTime. */
function eventTime(e: KubeObject): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  return t ? Date.parse(t) : 0;
}

function interval(e: KubeObject, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

function row(e: KubeObject, now: number, allNs: boolean): string {
  const o = e.involvedObject ?? {};
  return `${allNs ? `${e.metadata.namespace}\t` : ""}${interval(e, now)}\t${e.type ?? ""}\t${e.reason ?? ""}\t${o.kind ?? ""}/${o.name ?? ""}\t${String(e.message ?? "").trim()}`;
}

function parseFor(ctx: Ctx, spec: string): string | undefined {
  if (!spec) return undefined;
  const slash = spec.indexOf("/");
  if (slash <= 0 || slash === spec.length - 1) throw kubectlError("--for must be in resource/name form");
  const word = spec.slice(0, slash);
  const k = lookupResource(word);
  if (!k) throw kubectlError(noResourceTypeText(word));
  void ctx;
  return `involvedObject.kind=${k.kind},involvedObject.name=${spec.slice(slash + 1)}`;
}

function runEvents(ctx: Ctx): number {
  const types = ctx.flags.strings("types").map((t) => t.trim());
  for (const t of types) if (!/^(normal|warning)$/i.test(t)) throw kubectlError("valid --types are Normal or Warning");
  const allNs = ctx.flags.bool("all-namespaces");
  const fieldSelector = parseFor(ctx, ctx.flags.string("for"));
  const output = outputWithTemplate(ctx.flags);
  const list = () => {
    const { items } = listObjects(ctx, kindByResourceName("events"), allNs ? undefined : ctx.namespace, { fieldSelector });
    const kept = items.filter((e) => types.length === 0 || types.some((t) => t.toLowerCase() === String(e.type ?? "").toLowerCase()));
    return kept.map((e, i) => ({ e, i })).sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i).map((x) => x.e);
  };
  const events = list();
  if (output) {
    const printer = objectPrinter(output, { fs: ctx.p.fs, cwd: ctx.p.cwd, showManagedFields: ctx.flags.bool("show-managed-fields") });
    ctx.out(printer({ apiVersion: "v1", kind: "List", items: events, metadata: { resourceVersion: "" } }));
    return 0;
  }
  const now = ctx.now();
  if (events.length === 0 && !ctx.flags.bool("watch")) {
    ctx.err(allNs ? "No events found.\n" : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const header = `${allNs ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`;
  const lines = [...(ctx.flags.bool("no-headers") ? [] : [header]), ...events.map((e) => row(e, now, allNs))];
  if (lines.length) ctx.out(tabwrite(lines.join("\n") + "\n", KUBECTL_TABLE));
  if (ctx.flags.bool("watch")) watchEvents(ctx, new Set(events.map((e) => `${e.metadata.uid}/${e.metadata.resourceVersion}`)), list, allNs);
  return 0;
}

/** -w: new and updated events as they come, until the command's deadline (`timeout N`) or quiet. */
function watchEvents(ctx: Ctx, seen: Set<string>, list: () => KubeObject[], allNs: boolean): void {
  const until = ctx.p.deadline ?? ctx.now() + 3_600_000;
  while (stepClock(ctx, until)) {
    const fresh = list().filter((e) => !seen.has(`${e.metadata.uid}/${e.metadata.resourceVersion}`));
    for (const e of fresh) seen.add(`${e.metadata.uid}/${e.metadata.resourceVersion}`);
    if (fresh.length) ctx.out(tabwrite(fresh.map((e) => row(e, ctx.now(), allNs)).join("\n") + "\n", KUBECTL_TABLE));
  }
}
