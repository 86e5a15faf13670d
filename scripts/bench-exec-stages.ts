// Per-stage cost of one exec request, in process, so that it is comparable under machine load:
// each stage runs many times interleaved with the others and we report medians (load inflates all
// stages alike; the ratios and the medians of many short runs stay meaningful).
// Run: npx tsx --conditions=react-server scripts/bench-exec-stages.ts
import { mkdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { mixLine } from "./bench-mix.mjs";

const dbFile = `data/stages_${process.pid}.db`;
process.env.DATABASE_URL = `file:./${dbFile}`;
process.env.NEXTAUTH_SECRET ??= "stage-bench-secret-0123456789abcdef";
mkdirSync("data", { recursive: true });
const migrate = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy", "--schema", "prisma/sqlite"], { encoding: "utf8", env: process.env });
if (migrate.status !== 0) throw new Error(migrate.stderr);

const { encode, decode } = await import("next-auth/jwt");
const { sessionClaims } = await import("../lib/server/session-token");
const { viewerForSession } = await import("../lib/server/users");
const { consumeCommand } = await import("../lib/server/rate-limit");
const { fastStore } = await import("../lib/server/fast-store");
const { db } = await import("../lib/server/db");
const { createSandbox, restoreSandbox } = await import("../lib/server/sim");
const { openSandbox } = await import("../lib/server/sandboxes");
const { execInteractive } = await import("../lib/server/sandbox-interactive");


const ITER = Number(process.env.STAGE_ITER || 400);
const samples = new Map<string, number[]>();
function add(stage: string, ms: number) {
  let a = samples.get(stage);
  if (!a) samples.set(stage, (a = []));
  a.push(ms);
}
async function time<T>(stage: string, f: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await f();
  add(stage, performance.now() - t);
  return r;
}

const user = await db().user.create({ data: { email: `stages-${Date.now()}@bench.test` } });
const viewer = { id: user.id, email: user.email, name: null, role: "learner" as const };
const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, name: null, email: user.email }, secret: process.env.NEXTAUTH_SECRET! });
const cookie = `next-auth.session-token=${token}; next-auth.csrf-token=abc`;
const view = await openSandbox(viewer as never, "fix-redis");

// A standalone sandbox for the simulator stages (same exercise setup).
const t0 = Date.now();
const sb = createSandbox({ seed: 7, now: t0 });
sb.exec("kubectl run redis --image=redis123", { now: t0 });

let snapshotBytes = 0;
let responseBytes = 0;
for (let n = 0; n < ITER; n++) {
  const line = mixLine(n);
  await time("1a session: next-auth decode (HKDF + JWE) per request", () => decode({ token, secret: process.env.NEXTAUTH_SECRET! }));
  const claims = await time("1b session: sessionClaims (decoded once per token)", () => sessionClaims(cookie, process.env.NEXTAUTH_SECRET!));
  await time("1c session: user row + sessionVersion check", () => viewerForSession(claims!.uid, claims!.sv));
  await time("2 rate limiter", () => consumeCommand(`u${n}`));
  const now = t0 + 1000 * (n + 1);
  const r = await time("3 sim: sandbox.exec", () => sb.exec(line, { now, interactive: true }));
  const snap = await time("4 sim: sandbox.snapshot()", () => sb.snapshot());
  const json = await time("5 JSON.stringify(snapshot)", () => JSON.stringify(snap));
  snapshotBytes = json.length;
  if (n % 8 === 0) await time("4b cache miss: JSON.parse + restoreSandbox", () => restoreSandbox(JSON.parse(json)));
  const cv = await time("6 sim: clusterView()", () => sb.clusterView());
  const body = await time("7 JSON.stringify(response)", () => JSON.stringify({ output: r.output, exitCode: r.exitCode, prompt: r.prompt, cluster: cv, version: n }));
  responseBytes = body.length;
  if (n % 8 === 0) await time("9 lesson page: openSandbox (existing sandbox, scrollback, history)", () => openSandbox(viewer as never, "fix-redis"));
  await time("8 whole service call: execInteractive (cache hit + write)", () => execInteractive(viewer as never, view.id, line));
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p90 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.9)];
console.log(`iterations ${ITER}; snapshot JSON ${(snapshotBytes / 1024).toFixed(0)} KiB; response ${(responseBytes / 1024).toFixed(1)} KiB`);
console.log("| stage | median ms | p90 ms |\n|---|---|---|");
for (const [k, a] of [...samples].sort()) console.log(`| ${k} | ${median(a).toFixed(3)} | ${p90(a).toFixed(3)} |`);
void fastStore;
rmSync(dbFile, { force: true });
rmSync(`${dbFile}-wal`, { force: true });
rmSync(`${dbFile}-shm`, { force: true });
process.exit(0);
