// kubectl top node|pod (staging/src/k8s.io/kubectl/pkg/cmd/top, metricsutil/metrics_printer.go).
//
// Choice: the Metrics API is available only while a metrics-server pod runs Ready in kube-system
// (label k8s-app=metrics-server), as on kubeadm and minikube, whose default install lacks it:
// "error: Metrics API not available". With metrics-server running, usage is computed here from
// the cluster's pods: deterministic per pod (its uid) and per image kind, a share of the requests
// when set, drifting slowly with the virtual minute. The API server does not serve
// metrics.k8s.io, so the real kubectl over the HTTP adapter still says "not available" then.

import type { KubeObject } from "../../api/types";
import { KUBECTL_TABLE, tabwrite } from "../../core/tabwriter";
import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText } from "../framework/errors";
import { listObjects } from "../framework/api";
import { verb, type Ctx } from "../framework/verb";
import { kindByResourceName } from "../mutate/common";
import { getResult } from "../mutate/write";
import { milliValue, parseQuantity, value } from "../describe/quantity";
import { fnv32 } from "./top-hash";

const MI = 1024 * 1024;

interface Usage {
  cpuMilli: number;
  memBytes: number;
}

/** Typical idle usage by image family: [cpu millicores, memory MiB]. */
const PROFILES: [RegExp, number, number][] = [
  [/kube-apiserver/, 45, 260],
  [/etcd/, 20, 48],
  [/kube-controller-manager/, 14, 52],
  [/kube-scheduler/, 3, 22],
  [/coredns/, 2, 14],
  [/kube-proxy/, 1, 16],
  [/metrics-server/, 4, 20],
  [/flannel|calico|cilium|weave/, 6, 30],
  [/mysql|mariadb/, 8, 380],
  [/postgres/, 3, 40],
  [/mongo/, 9, 120],
  [/redis/, 2, 4],
  [/nginx|httpd|caddy|traefik|haproxy/, 0, 7],
  [/node|python|ruby|php|java|tomcat|openjdk/, 3, 45],
  [/busybox|alpine|ubuntu|debian|curl|pause/, 0, 1],
];

function containerUsage(pod: KubeObject, c: { name: string; image?: string; resources?: { requests?: Record<string, string> } }, minute: number): Usage {
  const seed = fnv32(`${pod.metadata.uid}/${c.name}`);
  const wobble = (salt: number) => {
    // A slow drift: a value per 5 virtual minutes, eased between neighbours.
    const slot = Math.floor(minute / 5);
    const a = fnv32(`${seed}:${salt}:${slot}`) / 0xffffffff;
    const b = fnv32(`${seed}:${salt}:${slot + 1}`) / 0xffffffff;
    const f = (minute % 5) / 5;
    return a + (b - a) * f;
  };
  const profile = PROFILES.find(([re]) => re.test(c.image ?? ""));
  const reqCpu = parseQuantity(c.resources?.requests?.cpu);
  const reqMem = parseQuantity(c.resources?.requests?.memory);
  let cpu = profile ? profile[1] : 1;
  let memMi = profile ? profile[2] : 8;
  if (reqCpu && !profile) cpu = milliValue(reqCpu) * 0.25;
  if (reqMem && !profile) memMi = (value(reqMem) / MI) * 0.4;
  return {
    cpuMilli: Math.max(0, Math.round(cpu * (0.7 + 0.6 * wobble(1)))),
    memBytes: Math.round(memMi * MI * (0.85 + 0.3 * wobble(2))),
  };
}

function podUsage(pod: KubeObject, minute: number): { total: Usage; containers: [string, Usage][] } {
  const containers: [string, Usage][] = (pod.spec?.containers ?? []).map((c: { name: string }) => [c.name, containerUsage(pod, c, minute)]);
  const total = containers.reduce((s, [, u]) => ({ cpuMilli: s.cpuMilli + u.cpuMilli, memBytes: s.memBytes + u.memBytes }), { cpuMilli: 0, memBytes: 0 });
  return { total, containers };
}

function hasMetrics(pod: KubeObject): boolean {
  return pod.status?.phase === "Running" && !pod.metadata.deletionTimestamp;
}

function metricsAvailable(ctx: Ctx): boolean {
  const r = ctx.request({ method: "GET", path: "/api/v1/namespaces/kube-system/pods", query: { labelSelector: "k8s-app=metrics-server" } });
  if (r.status >= 400) return false;
  const items = (r.body as { items: KubeObject[] }).items;
  return items.some((p) => (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True"));
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
