// Test helpers for the mutating verbs: run our kubectl against a cluster (or none) with a
// virtual filesystem, and run the real kubectl v1.32 binary when it is installed.

import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { kubectl } from "../index";
import { MemoryFs } from "../../core/vfs";
import type { ClusterPort } from "../../core/process";

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A cluster port for commands that must not reach the API server (client-side generators). */
export const NO_SERVER: ClusterPort = {
  request: () => {
    throw new Error("unexpected API request in a client-side command");
  },
  now: () => Date.UTC(2026, 10, 25, 12, 0, 0),
  advanceTo: () => {},
  nextEventAt: () => undefined,
};

export function newFs(files: Record<string, string> = {}, cwd = "/root"): MemoryFs {
  const fs = new MemoryFs();
  fs.mkdir(cwd, { parents: true });
  for (const [path, data] of Object.entries(files)) {
    const abs = path.startsWith("/") ? path : `${cwd}/${path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf("/")) || "/", { parents: true });
    fs.write(abs, data);
  }
  return fs;
}

export function runOurs(args: string[], opts: { cluster?: ClusterPort; fs?: MemoryFs; stdin?: string; cwd?: string; deadline?: number } = {}): RunResult {
  let stdout = "";
  let stderr = "";
  const code = kubectl({
    argv: ["kubectl", ...args],
    stdin: opts.stdin ?? "",
    env: { HOME: "/root" },
    cwd: opts.cwd ?? "/root",
    fs: opts.fs ?? newFs(),
    cluster: opts.cluster ?? NO_SERVER,
    deadline: opts.deadline,
    hostname: "controlplane",
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { stdout, stderr, code };
}

export const REAL_KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";

export function realKubectlAvailable(): boolean {
  return existsSync(REAL_KUBECTL);
}

/** The real binary, offline: kubeconfig pointing nowhere, so only client-side paths work. */
export function runReal(args: string[], opts: { cwd: string; kubeconfig: string }): RunResult {
  const r = spawnSync(REAL_KUBECTL, [`--kubeconfig=${opts.kubeconfig}`, ...args], { cwd: opts.cwd, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
