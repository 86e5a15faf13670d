// Running one command line both ways. The real kubectl's stdout and stderr share one pipe
// (`2>&1`), which is what a terminal shows and what `sandbox.exec` returns: the comparison sees
// the true interleaving, not two separately captured streams.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REAL_KUBECTL } from "../http-adapter";

export interface Outcome {
  output: string;
  code: number;
}

/** HOME (and discovery cache) shared by this process's real-kubectl runs; made on first use. */
let cacheHome: string | undefined;

export function removeRealHome(): void {
  if (cacheHome) rmSync(cacheHome, { recursive: true, force: true });
  cacheHome = undefined;
}

/** Runs the real kubectl v1.32 with `args` against `kubeconfig`, stdout and stderr interleaved. */
export function runReal(args: string[], kubeconfig: string, timeoutMs = 20_000): Promise<Outcome> {
  cacheHome ??= mkdtempSync(join(tmpdir(), "kubelings-oracle-home-"));
  const home = cacheHome;
  return new Promise((resolve) => {
    const env = { PATH: "/usr/bin:/bin", HOME: home, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(home, "cache"), LANG: "C", TZ: "UTC" } as unknown as NodeJS.ProcessEnv;
    const child = spawn("/bin/sh", ["-c", 'exec "$0" "$@" 2>&1', REAL_KUBECTL, ...args], { env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
    const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      resolve({ output, code: code ?? (signal ? 137 : 1) });
    });
  });
}

/** Quotes argv for the sandbox's shell, so it sees exactly the words the real kubectl got. */
export function shellLine(args: string[]): string {
  return ["kubectl", ...args].map(quote).join(" ");
}

function quote(word: string): string {
  if (/^[A-Za-z0-9_\-./=:,@%+]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs async jobs with at most `limit` in flight, keeping the results in order. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The first differing line of two outputs, for a short mismatch message ("" when equal). */
export function firstDifference(real: string, ours: string): string {
  const a = real.split("\n");
  const b = ours.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  real: ${JSON.stringify(a[i])}\n  ours: ${JSON.stringify(b[i])}`;
  }
  return "";
}
