// The exec service's server-side work without HTTP, for a CPU profile of our own code:
// N learners (own users and sandboxes, the fix-redis exercise) take turns sending the bench:api
// mix through execInteractive, as the saturated phase of `npm run bench:api` does.
// Run: npx tsx --conditions=react-server --cpu-prof --cpu-prof-dir=/tmp/p scripts/profile-exec.ts
import { mkdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { mixLine } from "./bench-mix.mjs";

const dbFile = `data/profile_${process.pid}.db`;
process.env.DATABASE_URL = `file:./${dbFile}`;
mkdirSync("data", { recursive: true });
const migrate = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy", "--schema", "prisma/sqlite"], { encoding: "utf8", env: process.env });
if (migrate.status !== 0) throw new Error(migrate.stderr);

const { db } = await import("../lib/server/db");
const { openSandbox } = await import("../lib/server/sandboxes");
const { execInteractive } = await import("../lib/server/sandbox-interactive");

const LEARNERS = Number(process.env.LEARNERS || 50);
const SECONDS = Number(process.env.SECONDS || 10);
const learners: { viewer: never; id: string; n: number }[] = [];
for (let i = 0; i < LEARNERS; i++) {
  const user = await db().user.create({ data: { email: `profile-${i}-${Date.now()}@bench.test` } });
  const viewer = { id: user.id, email: user.email, name: null, role: "learner" as const } as never;
  learners.push({ viewer, id: (await openSandbox(viewer, "fix-redis")).id, n: 0 });
}
for (const l of learners) for (let k = 0; k < 3; k++) await execInteractive(l.viewer, l.id, mixLine(l.n++));
let count = 0;
const t0 = performance.now();
while (performance.now() - t0 < SECONDS * 1000) {
  for (const l of learners) {
    await execInteractive(l.viewer, l.id, mixLine(l.n++));
    count++;
  }
}
const ms = performance.now() - t0;
console.log(`${count} execs in ${ms.toFixed(0)} ms: ${(ms / count).toFixed(3)} ms each (${LEARNERS} learners)`);
for (const s of ["", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
process.exit(0);
