// The real kubectl v1.32.5, when installed, for comparisons in tests (never used by sim/ itself).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunResult } from "./harness";
import { words } from "./harness";

export const REAL_KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";
export const hasRealKubectl = existsSync(REAL_KUBECTL);

/** Runs the real binary offline (or against `server`) with an isolated kubeconfig. */
export function runReal(line: string, opts: { kubeconfig?: string; stdin?: string } = {}): RunResult {
  const dir = mkdtempSync(join(tmpdir(), "kubectl-real-"));
  const cfg = join(dir, "config");
  writeFileSync(cfg, opts.kubeconfig ?? "");
  const argv = words(line).slice(1);
  try {
    const stdout = execFileSync(REAL_KUBECTL, argv, { env: { KUBECONFIG: cfg, HOME: dir, PATH: "/usr/bin:/bin" }, input: opts.stdin ?? "", encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    return { stdout, stderr: "", code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; status?: number };
    return { stdout: err.stdout ?? "", stderr: err.stderr ?? "", code: err.status ?? 1 };
  }
}
