// Test helpers: run the simulated kubectl against a cluster (or a scripted API), and the real
// kubectl v1.32.5 binary when it is installed, for line-by-line comparisons.

import type { ApiRequest, ApiResponse } from "../../core/api-types";
import type { ClusterPort, Proc } from "../../core/process";
import { MemoryFs } from "../../core/vfs";
import { kubectl } from "../index";

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A ClusterPort answering from a function; time stands still unless advanced. */
export function fakePort(handler: (req: ApiRequest) => ApiResponse, now = Date.UTC(2026, 10, 25, 12, 0, 0)): ClusterPort & { requests: ApiRequest[] } {
  let t = now;
  const requests: ApiRequest[] = [];
  return {
    requests,
    request: (req) => {
      requests.push(req);
      return handler(req);
    },
    now: () => t,
    advanceTo: (x) => {
      t = x;
    },
    nextEventAt: () => undefined,
  };
}

/** Splits a command line on spaces, honouring simple '...' and "..." quoting. */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let cur: string | undefined;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const piece = m[1] ?? (m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3]);
    if (cur !== undefined && m.index === last) cur += piece;
    else {
      if (cur !== undefined) out.push(cur);
      cur = piece;
    }
    last = re.lastIndex;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

export function runKubectl(line: string, cluster: ClusterPort, opts: { fs?: MemoryFs; deadline?: number; stdin?: string; env?: Record<string, string> } = {}): RunResult {
  let stdout = "";
  let stderr = "";
  const fs = opts.fs ?? new MemoryFs();
  const p: Proc = {
    argv: words(line),
    stdin: opts.stdin ?? "",
    env: opts.env ?? { HOME: "/root" },
    cwd: "/root",
    fs,
    cluster,
    deadline: opts.deadline,
    hostname: "controlplane",
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  };
  const code = kubectl(p);
  return { stdout, stderr, code };
}
