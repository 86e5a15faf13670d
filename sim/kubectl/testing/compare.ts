// Runs one command line through the simulated kubectl and the real kubectl v1.32.5 (over the
// HTTP adapter) against the same cluster, for line-by-line comparisons in tests.

import type { Cluster } from "../../cluster";
import { hasRealKubectl, runRealKubectl, serveApi, type ServedApi } from "../../testing/http-adapter";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
import { createCluster } from "../../world";
import { MemoryFs } from "../../core/vfs";
import { runKubectl, words, type RunResult } from "./harness";

export { hasRealKubectl };

export interface Comparison {
  line: string;
  ours: RunResult;
  real: RunResult;
}

/** Serves `cluster` over HTTP for the duration of `fn`. */
export async function withServedCluster<T>(cluster: Cluster, fn: (api: ServedApi) => Promise<T>): Promise<T> {
  const api = await serveApi((req) => cluster.request(req));
  try {
    return await fn(api);
  } finally {
    await api.close();
  }
}

export async function compareWithReal(cluster: Cluster, api: ServedApi, line: string): Promise<Comparison | undefined> {
  // The real kubectl ages events by its own wall clock: bring the virtual clock to it first.
  const wall = Math.floor(Date.now() / 1000) * 1000;
  if (wall > cluster.now()) cluster.advanceTo(wall);
  const real = await runRealKubectl(words(line).slice(1), { kubeconfig: api.kubeconfig });
  if (!real) return undefined;
  // Our kubectl reads the same kubeconfig (server URL, context "sandbox") from its virtual filesystem.
  const fs = new MemoryFs();
  fs.mkdir("/root/.kube", { parents: true });
  fs.write("/root/.kube/config", readFileSync(api.kubeconfig, "utf8"));
  const ours = runKubectl(line, cluster, { fs });
  return { line, ours, real: { stdout: real.stdout, stderr: real.stderr, code: real.code } };
}

export interface ServedFixture {
  cluster: Cluster;
  api: ServedApi;
}

/**
 * For a describe block comparing with the real kubectl: a default-topology cluster (seed 7)
 * started 30 s before the current wall-clock second (the real kubectl ages objects by its wall clock),
 * prepared by `prepare`, then served over HTTP until the block ends. Read the fixture inside tests.
 */
export function useServedCluster(prepare?: (cluster: Cluster) => void): ServedFixture {
  const fixture = {} as ServedFixture;
  beforeAll(async () => {
    // Started 30 s before the current wall-clock second: the bootstrap's Events are then 10m30s
    // old, not exactly 10m, so the sub-second gap between our clock and the real kubectl's cannot
    // print one as 9m59s and the other as 10m.
    fixture.cluster = createCluster({ seed: 7, topology: "default", now: Math.floor(Date.now() / 1000) * 1000 - 30_000 });
    prepare?.(fixture.cluster);
    fixture.api = await serveApi((req) => fixture.cluster.request(req));
  });
  afterAll(async () => fixture.api?.close());
  return fixture;
}

const lineMultiset = (text: string) => text.split("\n").sort().join("\n");

/**
 * Runs `line` through both kubectls and expects the same stdout, stderr and exit code. `unordered`
 * compares stdout's lines as a multiset, for output the real kubectl prints in Go map order (logs
 * of several pods: its requests live in a map).
 */
export async function expectSameAsReal(fixture: ServedFixture, line: string, opts: { unordered?: boolean } = {}): Promise<void> {
  const c = await compareWithReal(fixture.cluster, fixture.api, line);
  if (!c) return;
  const out = opts.unordered ? lineMultiset : (t: string) => t;
  expect({ stdout: out(c.ours.stdout), stderr: c.ours.stderr, code: c.ours.code }).toEqual({ stdout: out(c.real.stdout), stderr: c.real.stderr, code: c.real.code });
}
