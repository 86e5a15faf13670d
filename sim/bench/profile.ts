// `npx tsx sim/bench/profile.ts [getpods|crash|snapshot]`: counts the work behind the benchmark's
// operations (reconciler syncs, timers fired, store reads and clones, snapshot sizes per part),
// which stays meaningful on a busy machine where timings do not.

import { performance } from "node:perf_hooks";
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import { createSandbox, restoreSandbox } from "../index";
import { Store } from "../apiserver/store";
import { Cluster } from "../cluster";
import { thirtyPodSandbox } from "./fixtures";

const T0 = Date.parse("2026-01-01T00:00:00Z");

type Counts = Record<string, number>;
const counts: Counts = {};
function bump(k: string, n = 1): void {
  counts[k] = (counts[k] ?? 0) + n;
}

function wrap<T extends object>(proto: T, method: keyof T & string, label: string): void {
  const orig = (proto as Record<string, unknown>)[method] as (...a: unknown[]) => unknown;
  (proto as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    bump(label);
    const r = orig.apply(this, args);
    if (method === "list" && Array.isArray(r)) bump(`${label}.items`, r.length);
    return r;
  };
}

function instrument(): void {
  // Copy-on-write of reconciler states after a checkpoint or snapshot (Cluster.touch).
  const C = Cluster.prototype as unknown as { touch(name: string): unknown; owned: Set<string> };
  const touch = C.touch;
  C.touch = function (this: typeof C, name: string) {
    const copying = !this.owned.has(name);
    const r = touch.call(this, name);
    if (copying) {
      bump("cluster.stateCopies");
      bump("cluster.stateCopiedBytes", JSON.stringify(r).length);
    }
    return r;
  };
  wrap(Store.prototype, "get", "store.get");
  wrap(Store.prototype, "list", "store.list");
  wrap(Store.prototype, "put", "store.put");
  wrap(Store.prototype, "remove", "store.remove");
  wrap(Cluster.prototype, "settle", "cluster.settle");
}

function size(v: unknown): number {
  return new TextEncoder().encode(JSON.stringify(v) ?? "").length;
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

function report(title: string, ms: number, n: number): void {
  console.log(`\n## ${title}: ${(ms / n).toFixed(3)} ms per run (${n} runs)`);
  for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k}: ${(v / n).toFixed(1)}`);
  for (const k of Object.keys(counts)) delete counts[k];
}

function snapshotBreakdown(): void {
  const s = thirtyPodSandbox();
  const snap = s.snapshot();
  console.log(`\n## snapshot ${kb(size(snap))}`);
  console.log(`  fs ${kb(size(snap.fs))}, shell ${kb(size(snap.shell))}, clock ${kb(size(snap.cluster.clock))} (${snap.cluster.clock.timers.length} timers)`);
  const byRes: Record<string, number> = {};
  const countRes: Record<string, number> = {};
  for (const [k, v] of Object.entries(snap.cluster.store.objects)) {
    const r = k.split("/").slice(0, 2).join("/");
    byRes[r] = (byRes[r] ?? 0) + size(v);
    countRes[r] = (countRes[r] ?? 0) + 1;
  }
  console.log(`  store ${kb(size(snap.cluster.store))}`);
  for (const [r, b] of Object.entries(byRes).sort((a, b) => b[1] - a[1])) console.log(`    ${r}: ${kb(b)} (${countRes[r]})`);
  for (const [name, st] of Object.entries(snap.cluster.reconcilers)) {
    console.log(`  reconciler ${name}: ${kb(size(st))}`);
    if (size(st) > 2048) for (const [k, v] of Object.entries(st)) console.log(`    ${k}: ${kb(size(v))}`);
  }
  const t = performance.now();
  for (let i = 0; i < 50; i++) restoreSandbox(JSON.parse(JSON.stringify(s.snapshot())));
  console.log(`  snapshot+restore ${((performance.now() - t) / 50).toFixed(3)} ms`);
}

// PROFILE=file.cpuprofile records a CPU profile of the measured sections only.
const session = process.env.PROFILE ? new Session() : undefined;
session?.connect();
function post(method: string): Promise<unknown> {
  return new Promise((resolve, reject) => session!.post(method, (err, res) => (err ? reject(err) : resolve(res))));
}
let profiling = false;
function profileStart(): void {
  if (!session || profiling) return;
  profiling = true;
  session.post("Profiler.enable");
  session.post("Profiler.start");
}
function profilePause(): void {
  if (!session || !profiling) return;
  profiling = false;
  session.post("Profiler.stop", (err, res) => {
    if (!err) writeFileSync(`${process.env.PROFILE}.${Date.now()}.cpuprofile`, JSON.stringify((res as { profile: unknown }).profile));
  });
}
void post;

const which = process.argv[2] ?? "all";
instrument();
if (which === "all" || which === "getpods") {
  const s = thirtyPodSandbox();
  for (let i = 0; i < 20; i++) s.exec("kubectl get pods", { now: s.now() });
  for (const k of Object.keys(counts)) delete counts[k];
  const n = Number(process.env.N ?? 200);
  profileStart();
  const t = performance.now();
  for (let i = 0; i < n; i++) s.exec("kubectl get pods", { now: s.now() });
  profilePause();
  report("kubectl get pods", performance.now() - t, n);
}
if (which === "all" || which === "crash") {
  const n = Number(process.env.N ?? 5);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = createSandbox({ seed: i + 1, now: T0 });
    s.exec("kubectl run crash --image=busybox --restart=Always -- false", { now: s.now() });
    for (const k of Object.keys(counts)) if (i === 0) delete counts[k];
    if (i === n - 1) profileStart(); // warm runs first
    const t = performance.now();
    s.advanceTo(s.now() + 3_600_000);
    total += performance.now() - t;
    profilePause();
  }
  report("crash-loop hour", total, n);
}
if (which === "all" || which === "snapshot") snapshotBreakdown();
