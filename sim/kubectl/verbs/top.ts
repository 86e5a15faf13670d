// kubectl top node|pod (staging/src/k8s.io/kubectl/pkg/cmd/top, metricsutil/metrics_printer.go).
//
// Choice: the Metrics API is available only while a metrics-server pod runs Ready in kube-system,
// else "error: Metrics API not available". Usage comes from the simulated metrics the HPA
// controller also scales on (sim/api/metrics.ts). The API server does not serve
// metrics.k8s.io, so the real kubectl over the HTTP adapter still says "not available" then.

import type { KubeObject } from "../../api/types";
import { hasMetrics, metricsAvailable as metricsUp, podUsage, type Usage } from "../../api/metrics";
import { KUBECTL_TABLE, tabwrite } from "../../core/tabwriter";
import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText } from "../framework/errors";
import { listObjects } from "../framework/api";
import { verb, type Ctx } from "../framework/verb";
import { kindByResourceName } from "../mutate/common";
import { getResult } from "../mutate/write";
import { milliValue, parseQuantity, value } from "../describe/quantity";

const MI = 1024 * 1024;

function metricsAvailable(ctx: Ctx): boolean {
  const r = ctx.request({ method: "GET", path: "/api/v1/namespaces/kube-system/pods", query: { labelSelector: "k8s-app=metrics-server" } });
  return r.status < 400 && metricsUp((r.body as { items: KubeObject[] }).items);
}

const cpuText = (m: number) => `${m}m`;
const memText = (b: number) => `${Math.floor(b / MI)}Mi`;

function sortRows<T extends { usage: Usage }>(ctx: Ctx, rows: T[]): T[] {
  const by = ctx.flags.string("sort-by");
  if (by === "cpu") return [...rows].sort((a, b) => b.usage.cpuMilli - a.usage.cpuMilli);
  if (by === "memory") return [...rows].sort((a, b) => b.usage.memBytes - a.usage.memBytes);
  return rows;
}

function print(ctx: Ctx, header: string[], rows: string[][]): void {
  const lines = ctx.flags.bool("no-headers") ? rows : [header, ...rows];
  ctx.out(tabwrite(lines.map((r) => r.join("\t")).join("\n") + "\n", KUBECTL_TABLE));
}

const topNode = verb({
  name: "node",
  aliases: ["nodes", "no"],
  flags: [stringFlag("selector", { short: "l" }), stringFlag("sort-by"), boolFlag("no-headers"), boolFlag("show-capacity"), boolFlag("use-protocol-buffers", { default: true })],
  run: (ctx, args) => {
    const by = ctx.flags.string("sort-by");
    if (by && by !== "cpu" && by !== "memory") throw kubectlError("--sort-by accepts only cpu or memory");
    if (!metricsAvailable(ctx)) throw kubectlError("Metrics API not available");
    const nodesK = kindByResourceName("nodes");
    let nodes: KubeObject[];
    if (args[0]) {
      const r = getResult(ctx, nodesK, undefined, args[0]);
      if (!r.ok) throw kubectlError(statusErrorText(r.status).replace(/^error: /, ""));
      nodes = [r.object];
    } else nodes = listObjects(ctx, nodesK, undefined, { labelSelector: ctx.flags.string("selector") || undefined }).items;
    const minute = Math.floor(ctx.now() / 60_000);
    const pods = listObjects(ctx, kindByResourceName("pods"), undefined).items.filter(hasMetrics);
    const rows = nodes.map((n) => {
      const own = pods.filter((p) => p.spec?.nodeName === n.metadata.name);
      const isControlPlane = n.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined;
      // The kubelet, container runtime and system daemons on top of the pods.
      const base = isControlPlane ? { cpuMilli: 60, memBytes: 700 * MI } : { cpuMilli: 20, memBytes: 320 * MI };
      const usage = own.reduce((s, p) => {
        const u = podUsage(p, minute).total;
        return { cpuMilli: s.cpuMilli + u.cpuMilli, memBytes: s.memBytes + u.memBytes };
      }, base);
      const alloc = ctx.flags.bool("show-capacity") ? n.status?.capacity : n.status?.allocatable;
      const cpuAlloc = milliValue(parseQuantity(alloc?.cpu ?? "1")!);
      const memAlloc = value(parseQuantity(alloc?.memory ?? "1Gi")!);
      return { name: n.metadata.name!, usage, cpuPct: Math.floor((usage.cpuMilli / cpuAlloc) * 100), memPct: Math.floor((usage.memBytes / memAlloc) * 100) };
    });
    print(ctx, ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"], sortRows(ctx, rows).map((r) => [r.name, cpuText(r.usage.cpuMilli), `${r.cpuPct}%`, memText(r.usage.memBytes), `${r.memPct}%`]));
    return 0;
  },
});

const topPod = verb({
  name: "pod",
  aliases: ["pods", "po"],
  flags: [
    stringFlag("selector", { short: "l" }),
    stringFlag("field-selector"),
    stringFlag("sort-by"),
    boolFlag("no-headers"),
    boolFlag("containers"),
    boolFlag("all-namespaces", { short: "A" }),
    boolFlag("sum"),
    boolFlag("use-protocol-buffers", { default: true }),
  ],
  run: (ctx, args) => {
    const by = ctx.flags.string("sort-by");
    if (by && by !== "cpu" && by !== "memory") throw kubectlError("--sort-by accepts only cpu or memory");
    if (!metricsAvailable(ctx)) throw kubectlError("Metrics API not available");
    const all = ctx.flags.bool("all-namespaces");
    const podsK = kindByResourceName("pods");
    const minute = Math.floor(ctx.now() / 60_000);
    let pods: KubeObject[];
    if (args[0]) {
      const r = getResult(ctx, podsK, ctx.namespace, args[0]);
      if (!r.ok) throw kubectlError(statusErrorText(r.status).replace(/^error: /, ""));
      if (!hasMetrics(r.object)) throw kubectlError(`Metrics not available for pod ${ctx.namespace}/${args[0]}, age: ${ageText(ctx.now() - Date.parse(r.object.metadata.creationTimestamp!))}`);
      pods = [r.object];
    } else {
      pods = listObjects(ctx, podsK, all ? undefined : ctx.namespace, { labelSelector: ctx.flags.string("selector") || undefined, fieldSelector: ctx.flags.string("field-selector") || undefined }).items.filter(hasMetrics);
    }
    if (pods.length === 0) {
      ctx.err(all ? "No resources found\n" : `No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    const containers = ctx.flags.bool("containers");
    const nsCol = all ? ["NAMESPACE"] : [];
    if (containers) {
      const rows = pods.flatMap((p) => podUsage(p, minute).containers.map(([c, usage]) => ({ p, c, usage })));
      print(ctx, [...nsCol, "POD", "NAME", "CPU(cores)", "MEMORY(bytes)"], sortRows(ctx, rows).map((r) => [...(all ? [r.p.metadata.namespace!] : []), r.p.metadata.name!, r.c, cpuText(r.usage.cpuMilli), memText(r.usage.memBytes)]));
      return 0;
    }
    const rows = pods.map((p) => ({ p, usage: podUsage(p, minute).total }));
    const out = sortRows(ctx, rows).map((r) => [...(all ? [r.p.metadata.namespace!] : []), r.p.metadata.name!, cpuText(r.usage.cpuMilli), memText(r.usage.memBytes)]);
    if (ctx.flags.bool("sum")) {
      const cpu = rows.reduce((s, r) => s + r.usage.cpuMilli, 0);
      const mem = rows.reduce((s, r) => s + r.usage.memBytes, 0);
      out.push([...(all ? [""] : []), "", "________", "________"], [...(all ? [""] : []), "", cpuText(cpu), memText(mem)]);
    }
    print(ctx, [...nsCol, "NAME", "CPU(cores)", "MEMORY(bytes)"], out);
    return 0;
  },
});

function ageText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m}m${s % 60}s` : `${m}m0s`;
}

export const topVerb = verb({ name: "top", subcommands: [topNode, topPod] });
