#!/usr/bin/env node
// End-to-end tests on a throwaway database: `node scripts/e2e.mjs sqlite|postgresql`.
// Needs a production build (next build) and /usr/bin/chromium; fails loudly, never skips.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const provider = process.argv[2] ?? "sqlite";
const extra = process.argv.slice(3);
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const admin = process.env.E2E_PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

if (!existsSync(chromium)) {
  console.error(`e2e: Chromium not found at ${chromium}. Install it: apt-get install -y --no-install-recommends chromium`);
  process.exit(1);
}
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("e2e: no production build; run `npx next build` first");
  process.exit(1);
}

const name = `e2e_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
let url;
let cleanup = async () => {};
if (provider === "postgresql") {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  url = u.toString();
  cleanup = async () => {
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await d.end();
  };
} else if (provider === "sqlite") {
  mkdirSync(path.join(root, "data"), { recursive: true }); // git-ignored: absent on a fresh clone
  const file = path.join("data", `${name}.db`);
  url = `file:./${file}`;
  cleanup = async () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path.join(root, file + suffix), { force: true });
  };
} else {
  console.error(`e2e: unknown provider "${provider}" (sqlite|postgresql)`);
  process.exit(1);
}

// E2E_BASE_PORT lets two checkouts run their e2e suites side by side on one machine.
const port = (Number(process.env.E2E_BASE_PORT) || 3200) + (provider === "postgresql" ? 100 : 0);
const env = {
  ...process.env,
  DATABASE_URL: url,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "e2e-secret-not-for-production",
  ADMIN_EMAIL: "admin@e2e.test",
  ADMIN_PASSWORD: "e2e-admin-password",
  E2E_PORT: String(port),
  E2E_PORT2: String(port + 1),
  E2E_PROVIDER: provider,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  COMMANDS_PER_SECOND: "20",
};
let status = 1;
try {
  const pre = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prestart.ts"], { cwd: root, env, stdio: "inherit" });
  if (pre.status !== 0) throw new Error("prestart failed");
  const r = spawnSync("node_modules/.bin/playwright", ["test", ...extra], { cwd: root, env, stdio: "inherit" });
  status = r.status ?? 1;
} catch (e) {
  console.error(`e2e (${provider}): ${e instanceof Error ? e.message : e}`);
} finally {
  await cleanup();
}
process.exit(status);
