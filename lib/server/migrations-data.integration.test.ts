import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { expect, inject, test } from "vitest";

// Migrations that move data keep it: a database with sandboxes at the migration before applies the
// next one (the SQL files as committed, in order) and every snapshot is still there.
const provider = inject("provider");
const dir = path.resolve("prisma", provider, "migrations");
const migrations = readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort();
const sql = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");
const upTo = (name: string) => migrations.slice(0, migrations.indexOf(name));

interface Run { exec(sql: string): Promise<void>; rows(sql: string): Promise<Record<string, unknown>[]>; close(): Promise<void> }

async function emptyDatabase(): Promise<Run> {
  const name = `mig_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  if (provider === "sqlite") {
    const file = path.resolve("data", `${name}.db`);
    const db = new Database(file);
    return {
      exec: async (s) => void db.exec(s),
      rows: async (s) => db.prepare(s).all() as Record<string, unknown>[],
      close: async () => (db.close(), ["", "-wal", "-shm"].forEach((x) => rmSync(file + x, { force: true }))),
    };
  }
  const admin = new URL(inject("databaseUrl"));
  admin.pathname = "/postgres";
  const a = new pg.Client({ connectionString: admin.toString() });
  await a.connect();
  await a.query(`CREATE DATABASE "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  return {
    exec: async (s) => void (await c.query(s)),
    rows: async (s) => (await c.query(s)).rows,
    close: async () => {
      await c.end();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

test(`${provider}: the snapshot_table migration moves every sandbox's snapshot into SandboxSnapshot`, async () => {
  const target = migrations.find((m) => m.endsWith("_snapshot_table"))!;
  const db = await emptyDatabase();
  try {
    for (const m of upTo(target)) await db.exec(sql(m));
    const now = provider === "sqlite" ? "'2030-01-01T00:00:00.000+00:00'" : "now()";
    await db.exec(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('u1', 'a@b.c', ${now})`);
    for (const [id, exercise, snapshot] of [["s1", "fix-redis", '{"version":2,"a":1}'], ["s2", "labels", '{"version":2,"b":"' + "x".repeat(70_000) + '"}']]) {
      await db.exec(`INSERT INTO "Sandbox" ("id", "ownerId", "exercise", "snapshot", "version", "snapshotVersion", "updatedAt") VALUES ('${id}', 'u1', '${exercise}', '${snapshot}', 7, 5, ${now})`);
    }
    await db.exec(sql(target));
    const rows = await db.rows(`SELECT s."id", s."version", s."snapshotVersion", p."data" FROM "Sandbox" s JOIN "SandboxSnapshot" p ON p."sandboxId" = s."id" ORDER BY s."id"`);
    expect(rows.map((r) => [r.id, r.version, r.snapshotVersion, String(r.data).length])).toEqual([
      ["s1", 7, 5, 19],
      ["s2", 7, 5, 70_000 + 20],
    ]);
    const columns = await db.rows(provider === "sqlite" ? `SELECT "name" FROM pragma_table_info('Sandbox')` : `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'Sandbox'`);
    expect(columns.map((c) => c.name)).not.toContain("snapshot");
    // Deleting a sandbox deletes its snapshot.
    if (provider === "sqlite") await db.exec("PRAGMA foreign_keys = ON");
    await db.exec(`DELETE FROM "Sandbox" WHERE "id" = 's1'`);
    expect((await db.rows(`SELECT "sandboxId" FROM "SandboxSnapshot"`)).map((r) => r.sandboxId)).toEqual(["s2"]);
  } finally {
    await db.close();
  }
});
