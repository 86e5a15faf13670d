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

function connect(url: string): Db {
  if (isPostgres(url)) {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000 }) }) as unknown as Db;
  }
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
  // WAL (readers never wait for the writer) and one fsync per checkpoint instead of per commit:
  // a crashed or restarted process loses nothing committed; only an OS crash could lose the last few.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").then(() => client.$queryRawUnsafe("PRAGMA synchronous = NORMAL")).catch(() => {});
  return client;
}

const g = globalThis as unknown as { __kubelingsDb?: { url: string; db: Db } };

/** The process-wide client (kept on globalThis so dev reloads don't open new pools). */
export function db(): Db {
  const url = databaseUrl();
  if (!g.__kubelingsDb || g.__kubelingsDb.url !== url) g.__kubelingsDb = { url, db: connect(url) };
  return g.__kubelingsDb.db;
}
