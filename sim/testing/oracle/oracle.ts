// The oracle run: builds the rich state, serves it over HTTP to the real kubectl v1.32 and runs
// every case both ways. The real kubectl runs first (in parallel, asynchronously: this process
// serves its API), then ours (synchronously) on the same state.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { restoreSandbox, type Sandbox, type SandboxSnapshot } from "../../index";
import { restoreCluster } from "../../world";
import { escapeTerminal } from "../../shell/escape";
import { DEFAULT_NODES } from "../../controllers/topology";
import { serveApi } from "../http-adapter";
import { caseId, DESCRIBE_CASES, MUTATE_CASES, READ_CASES, STATE_PATHS, type OracleCase } from "./cases";
import { diffObjects } from "./object-diff";
import { firstDifference, pool, removeRealHome, runReal, shellLine, type Outcome } from "./run";
import { buildOracleState, lookAtNodes, type OracleState } from "./state";

export interface CaseResult {
  id: string;
  /** Compare output lines as a multiset (cases.ts OracleCase.mapOrder). */
  unordered?: boolean;
  mode: OracleCase["mode"];
  real: Outcome;
  ours: Outcome;
  /** Mutating cases: differences in the objects left behind (empty when identical). */
  objects: string[];
}

export interface OracleRun {
  results: CaseResult[];
  setupFailures: string[];
  /** Wall-clock ms per phase (read, mutate, describe). */
  timings: Record<string, number>;
}

const PARALLEL = 4;
const DESCRIBE_PER_SECOND = 3;
/** The server address in the sandbox's kubeconfig (what `cluster-info` prints there). */
const SANDBOX_SERVER = `https://${DEFAULT_NODES[0].ip}:6443`;

function expand(c: OracleCase, dir: string): string[] {
  return c.args.map((a) => a.replace("$DIR", dir));
}

/**
 * client-go's reflector logs (klog "E1126 00:09:13.785488   16962 reflector.go:166] ...") when a
 * watch races the command's deadline: "very short watch", "Failed to watch ... context deadline
 * exceeded". They depend on how busy this machine is, not on kubectl's behaviour.
 */
const REFLECTOR_LOG = /^[IWE]\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ reflector\.go:\d+\] .*\n/gm;

/** Normalised: the served URL stands where the sandbox's kubeconfig has its own; reflector noise goes. */
function asTerminal(o: Outcome, servedUrl: string): Outcome {
  return { code: o.code, output: escapeTerminal(o.output.split(servedUrl).join(SANDBOX_SERVER).replace(REFLECTOR_LOG, "")) };
}

function runOurs(sb: Sandbox, args: string[], now: number): Outcome {
  const r = sb.exec(shellLine(args), { now });
  return { output: r.output, code: r.exitCode };
}

async function readCases(st: OracleState): Promise<CaseResult[]> {
  const served = await serveApi((req) => st.sandbox.read(req));
  try {
    const reals = await pool(READ_CASES, PARALLEL, (c) => runReal(expand(c, st.dir), served.kubeconfig));
    return READ_CASES.map((c, i) => ({ id: caseId(c), mode: c.mode, unordered: c.mapOrder !== undefined, real: asTerminal(reals[i], served.url), ours: runOurs(st.sandbox, expand(c, st.dir), st.end), objects: [] }));
  } finally {
    await served.close();
  }
}

/** One mutating case on two fresh restores of the snapshot. */
async function mutateCase(c: OracleCase, snap: SandboxSnapshot, st: OracleState): Promise<() => CaseResult> {
  const theirs = restoreCluster(structuredClone(snap.cluster));
  // A waiting `delete` watches until the object is gone; virtual time must pass for the kubelet
  // to finish the pod, so every watch poll moves the served clock one second.
  const served = await serveApi((req) => theirs.request(req), { onWatchPoll: () => theirs.advanceTo(theirs.now() + 1000) });
  let real: Outcome;
  try {
    real = await runReal(expand(c, st.dir), served.kubeconfig);
  } finally {
    await served.close();
  }
  return () => {
    const ours = restoreSandbox(structuredClone(snap));
    const mine = runOurs(ours, expand(c, st.dir), st.end);
    const objects = c.after === "output" ? [] : diffObjects((r) => theirs.api.handle(r), (r) => ours.read(r), STATE_PATHS, c.after === "names");
    return { id: caseId(c), mode: c.mode, unordered: c.mapOrder !== undefined, real: asTerminal(real, served.url), ours: mine, objects };
  };
}

async function mutateCases(st: OracleState): Promise<CaseResult[]> {
  const finishers = await pool(MUTATE_CASES, PARALLEL, (c) => mutateCase(c, st.snapshot, st));
  return finishers.map((f) => f());
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Describe prints event ages from the client's wall clock: cases run a few at a time within one
 * wall-clock second S with the sandbox advanced to S; a case whose real run overran S is retried
 * in a later second.
 */
async function describeCases(st: OracleState): Promise<CaseResult[]> {
  const served = await serveApi((req) => st.sandbox.read(req));
  const done = new Map<OracleCase, CaseResult>();
  const tries = new Map<OracleCase, number>();
  try {
    let queue = [...DESCRIBE_CASES];
    while (queue.length > 0) {
      const batch = queue.slice(0, DESCRIBE_PER_SECOND);
      const second = Math.ceil((Date.now() + 1) / 1000) * 1000;
      await sleep(second - Date.now());
      st.sandbox.advanceTo(second);
      lookAtNodes(st.sandbox, second);
      const reals = await Promise.all(batch.map(async (c) => ({ real: await runReal(expand(c, st.dir), served.kubeconfig), late: Date.now() >= second + 1000 })));
      const retry: OracleCase[] = [];
      batch.forEach((c, i) => {
        const attempt = (tries.get(c) ?? 0) + 1;
        tries.set(c, attempt);
        if (reals[i].late && attempt < 4) return void retry.push(c);
        done.set(c, { id: caseId(c), mode: c.mode, unordered: c.mapOrder !== undefined, real: asTerminal(reals[i].real, served.url), ours: runOurs(st.sandbox, expand(c, st.dir), second), objects: [] });
      });
      queue = [...queue.slice(batch.length), ...retry];
    }
  } finally {
    await served.close();
  }
  return DESCRIBE_CASES.map((c) => done.get(c)!);
}

/** Runs every case. The state ends at the current wall-clock second (see describeCases). */
export async function runOracle(): Promise<OracleRun> {
  const dir = mkdtempSync(join(tmpdir(), "kubelings-oracle-"));
  try {
    const st = buildOracleState(Math.floor(Date.now() / 1000) * 1000, dir);
    const timings: Record<string, number> = {};
    const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const t0 = Date.now();
      const r = await fn();
      timings[name] = Date.now() - t0;
      return r;
    };
    const results = [...(await timed("read", () => readCases(st))), ...(await timed("mutate", () => mutateCases(st))), ...(await timed("describe", () => describeCases(st)))];
    return { results, setupFailures: st.setupFailures, timings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    removeRealHome();
  }
}

function sortedLines(text: string): string {
  return text.split("\n").sort().join("\n");
}

/** Why a case's two runs differ, one reason per line ("" when they agree). */
export function caseVerdict(r: CaseResult): string {
  const lines: string[] = [];
  if (r.real.code !== r.ours.code) lines.push(`exit code: real ${r.real.code}, ours ${r.ours.code}`);
  const d = r.unordered ? firstDifference(sortedLines(r.real.output), sortedLines(r.ours.output)) : firstDifference(r.real.output, r.ours.output);
  if (d) lines.push(`output ${d}`);
  for (const o of r.objects) lines.push(`object ${o}`);
  return lines.join("\n");
}
