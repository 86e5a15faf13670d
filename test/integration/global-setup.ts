// Creates a throwaway database for one integration run, migrates it with the committed
// migrations, and drops it afterwards (also when tests fail).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

const root = path.resolve(import.meta.dirname, "../..");
const ADMIN = process.env.INTEGRATION_PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

declare module "vitest" {
  export interface ProvidedContext { databaseUrl: string; provider: string }
}

export default async function setup(project: TestProject) {
  const provider = process.env.INTEGRATION_PROVIDER || "sqlite";
  const name = `it_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  let url: string;
  let teardown: () => Promise<void>;
  if (provider === "postgresql") {
    const c = new pg.Client({ connectionString: ADMIN });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const u = new URL(ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const d = new pg.Client({ connectionString: ADMIN });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    };
  } else {
    // The data/ folder is git-ignored, so a fresh clone lacks it, and Prisma cannot create it.
    mkdirSync(path.join(root, "data"), { recursive: true });
    const file = path.join("data", `${name}.db`);
    url = `file:./${file}`;
    teardown = async () => {
      for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(path.join(root, file + s), { force: true });
    };
  }
  try {
    const r = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" } });
    if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stdout}\n${r.stderr}`);
  } catch (e) {
    await teardown();
    throw e;
  }
  project.provide("databaseUrl", url);
  project.provide("provider", provider);
  return teardown;
}
