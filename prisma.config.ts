// Prisma CLI configuration (only the CLI loads this file; the app connects in lib/server/db.ts).
// DATABASE_URL unset or file:... → SQLite (data/app.db); postgresql://... → PostgreSQL.
// See /work/shared/STACK-NOTES.md §2 for why the JS engine, adapters and the pg patch are needed.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const url = process.env.DATABASE_URL ?? "file:./data/app.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";

// Patch for prisma/prisma#27403: report catalog types name(19) and "char"(18) as text(25),
// on the prototype so every pool (including the shadow database's) gets it.
const query = pg.Pool.prototype.query as (...a: unknown[]) => Promise<pg.QueryResult>;
(pg.Pool.prototype as { query: unknown }).query = async function (this: pg.Pool, ...a: unknown[]) {
  const r = await query.apply(this, a);
  for (const f of r?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  return r;
};

// Split into fields: with connectionString the adapter's shadow-database config would hit the main DB.
function pgConfig(u: string): pg.PoolConfig {
  const p = new URL(u);
  return {
    host: p.hostname,
    port: Number(p.port || 5432),
    user: decodeURIComponent(p.username),
    password: decodeURIComponent(p.password) || undefined,
    database: decodeURIComponent(p.pathname.slice(1)),
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: async () => (provider === "postgresql" ? new PrismaPg(pgConfig(url)) : new PrismaBetterSQLite3({ url })),
});
