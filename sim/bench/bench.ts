// `npm run bench:sim`: times the operations a learner's request costs, prints a Markdown table and
// writes it to sim/BENCHMARKS.md. Targets (2-core machine): a typical command < 1 ms median, an hour
// of crash loop < 5 ms, a 30-pod snapshot < 50 KB, snapshot + restore < 2 ms.

import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createSandbox, restoreSandbox, type Sandbox } from "../index";
import { T0, thirtyPodSandbox } from "./fixtures";

function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p99: at(0.99) };
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function run(s: Sandbox, line: string): string {
  const r = s.exec(line, { now: s.now() });
  return r.output;
}

interface Row {
  name: string;
  median: string;
  p99: string;
  target: string;
  ok: boolean;
}

function ms(n: number): string {
  return `${n.toFixed(3)} ms`;
}

const loadAtStart = loadavg()[0];

function main(): void {
  const rows: Row[] = [];

  const s30 = thirtyPodSandbox();
  for (let i = 0; i < 20; i++) run(s30, "kubectl get pods");
  const getPods = stats(Array.from({ length: 300 }, () => time(() => run(s30, "kubectl get pods"))));
  rows.push({ name: "`kubectl get pods` (30-pod cluster)", median: ms(getPods.median), p99: ms(getPods.p99), target: "< 1 ms median", ok: getPods.median < 1 });

  const echo = stats(Array.from({ length: 300 }, () => time(() => run(s30, "echo hi | grep h"))));
  rows.push({ name: "`echo hi \\| grep h` (30-pod cluster)", median: ms(echo.median), p99: ms(echo.p99), target: "< 1 ms median", ok: echo.median < 1 });

  const applySamples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = createSandbox({ seed: i + 1, now: T0 });
    applySamples.push(time(() => {
      run(s, "kubectl create deployment api --image=nginx --replicas=3");
      s.advanceTo(s.now() + 60_000);
    }));
  }
  const apply = stats(applySamples);
  rows.push({ name: "3-replica deployment + advance 60 s", median: ms(apply.median), p99: ms(apply.p99), target: "—", ok: true });

  const crashSamples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = createSandbox({ seed: i + 1, now: T0 });
    run(s, "kubectl run crash --image=busybox --restart=Always -- false");
    crashSamples.push(time(() => s.advanceTo(s.now() + 3_600_000)));
  }
  const crash = stats(crashSamples);
  rows.push({ name: "one hour of a crash-looping pod (advanceTo)", median: ms(crash.median), p99: ms(crash.p99), target: "< 5 ms", ok: crash.median < 5 });

  const json = JSON.stringify(s30.snapshot());
  const bytes = new TextEncoder().encode(json).length;
  rows.push({ name: "snapshot size, 30-pod cluster (JSON)", median: `${(bytes / 1024).toFixed(1)} KB`, p99: "", target: "< 50 KB", ok: bytes < 50 * 1024 });

  const snapRestore = stats(Array.from({ length: 100 }, () => time(() => {
    restoreSandbox(JSON.parse(JSON.stringify(s30.snapshot())));
  })));
  rows.push({ name: "snapshot + restore (30-pod cluster, via JSON)", median: ms(snapRestore.median), p99: ms(snapRestore.p99), target: "< 2 ms", ok: snapRestore.median < 2 });

  // What a request on a sandbox that is not in memory costs end to end: restore from stored JSON,
  // run a command (which unpacks the resources it reads), snapshot and serialise again.
  const stored = JSON.stringify(s30.snapshot());
  const roundTrip = stats(Array.from({ length: 50 }, () => time(() => {
    const s = restoreSandbox(JSON.parse(stored));
    run(s, "kubectl get pods");
    JSON.stringify(s.snapshot());
  })));
  rows.push({ name: "restore + `kubectl get pods` + snapshot (30-pod cluster, via JSON)", median: ms(roundTrip.median), p99: ms(roundTrip.p99), target: "—", ok: true });
  const afterChange = stats(Array.from({ length: 30 }, () => {
    const s = restoreSandbox(JSON.parse(stored));
    run(s, "sleep 10");
    return time(() => JSON.stringify(s.snapshot()));
  }));
  rows.push({ name: "snapshot after 10 s passed (pods, events, kubelet state re-packed)", median: ms(afterChange.median), p99: ms(afterChange.p99), target: "—", ok: true });

  const snapOnly = stats(Array.from({ length: 100 }, () => time(() => s30.snapshot())));
  rows.push({ name: "snapshot alone (unchanged cluster: packed parts reused)", median: ms(snapOnly.median), p99: ms(snapOnly.p99), target: "—", ok: true });

  const table = [
    `# Simulator benchmarks`,
    ``,
    `\`npm run bench:sim\` on ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, load average ${loadAtStart.toFixed(1)} when it started` +
      (loadAtStart > cpus().length ? ` (**the machine was busy: timings are inflated; rerun on an idle machine**).` : "."),
    ``,
    `| operation | median | p99 | target | met |`,
    `|---|---|---|---|---|`,
    ...rows.map((r) => `| ${r.name} | ${r.median} | ${r.p99} | ${r.target} | ${r.ok ? "yes" : "**no**"} |`),
    ``,
  ].join("\n");
  process.stdout.write(table);
  writeFileSync(new URL("../BENCHMARKS.md", import.meta.url), table);
}

main();
