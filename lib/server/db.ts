import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/db-sqlite/client";
import { PrismaClient as PgClient } from "@/generated/db-pg/client";

// DATABASE_URL unset or file:... → SQLite (data/app.db, relative to the process cwd);
// postgres(ql)://... → PostgreSQL. One build serves either (STACK-NOTES §2).
export type Db = SqliteClient;

export function databaseUrl(): string {
  return process.env.DATABASE_URL || "file:./data/app.db";
}

export function isPostgres(url = databaseUrl()): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * WAL (readers never wait for the writer) with synchronous=NORMAL by default: a commit is written to
 * the WAL before it returns and fsynced at checkpoints, so a crashed or restarted process loses
 * nothing acknowledged; only an OS crash or power loss can roll back the last commits. FULL adds an
 * fsync per command (measured 4.3–4.7 ms median here, blocking the event loop, since better-sqlite3
 * is synchronous): set SQLITE_SYNCHRONOUS=FULL for power-loss durability, or use PostgreSQL.
 * docs/BENCHMARKS-API.md has the numbers.
 */
export function sqliteSynchronous(): "NORMAL" | "FULL" {
  return process.env.SQLITE_SYNCHRONOUS?.toUpperCase() === "FULL" ? "FULL" : "NORMAL";
}

function connect(url: string): Db {
  if (isPostgres(url)) {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000 }) }) as unknown as Db;
  }
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").then(() => client.$queryRawUnsafe(`PRAGMA synchronous = ${sqliteSynchronous()}`)).catch(() => {});
  return client;
}

const g = globalThis as unknown as { __kubelingsDb?: { url: string; db: Db } };

/** The process-wide client (kept on globalThis so dev reloads don't open new pools). */
export function db(): Db {
  const url = databaseUrl();
  if (!g.__kubelingsDb || g.__kubelingsDb.url !== url) g.__kubelingsDb = { url, db: connect(url) };
  return g.__kubelingsDb.db;
}
