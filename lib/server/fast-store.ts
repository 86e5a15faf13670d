import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgres, sqliteSynchronous } from "./db";

// The statements on every request's hot path, on the raw drivers: reading the session's user row
// and storing one command (its log row, and every few commands the snapshot, in one transaction
// guarded by the version); and the lesson page's reads (the sandbox's row, the recent commands).
// Measured here, Prisma's JS engine spends ~13 ms per batch where better-sqlite3 takes 0.3 ms;
// everything else stays on Prisma. Column names and the DateTime text format are Prisma's.

export interface UserRow { id: string; email: string; name: string | null; role: string; disabled: boolean; sessionVersion: number }
export interface CommandWrite {
  sandboxId: string;
  version: number; // the version the command ran on; stored as version + 1
  /** The state after the command; when absent, the stored snapshot stays and the row's replay rebuilds the state. */
  snapshot?: string;
  /** JSON (sandboxes.ts ReplayStep), or null for a row that comes with its snapshot and cannot be replayed. */
  replay: string | null;
  prompt: string;
  line: string;
  at: number;
  exitCode: number;
  output: string;
}

export interface SandboxMeta { id: string; version: number; exercise: string; logStart: number }
export interface LoggedCommand { prompt: string; line: string; output: string; exitCode: number }

export interface FastStore {
  userById(id: string): Promise<UserRow | undefined>;
  /** The sandbox's row when `ownerId` owns it. */
  sandboxMeta(id: string, ownerId: string): Promise<SandboxMeta | undefined>;
  /** The newest `limit` log rows with seq > afterSeq, newest first. */
  recentCommands(sandboxId: string, afterSeq: number, limit: number): Promise<LoggedCommand[]>;
  /** false when someone else wrote first (the version moved on); nothing is written then. */
  writeCommand(w: CommandWrite): Promise<boolean>;
}

// Shared by both drivers ($n placeholders; SQLite gets ?).
const SANDBOX_META = `SELECT "id", "version", "exercise", "logStart" FROM "Sandbox" WHERE "id" = $1 AND "ownerId" = $2`;
const RECENT_COMMANDS = `SELECT "prompt", "line", "output", "exitCode" FROM "CommandLog" WHERE "sandboxId" = $1 AND "seq" > $2 ORDER BY "seq" DESC LIMIT $3`;

// Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset.
const sqliteTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

async function retryBusy<T>(f: () => T): Promise<T> {
  for (let waited = 0; ; waited += 5) {
    try {
      return f();
    } catch (e) {
      if ((e as { code?: string }).code !== "SQLITE_BUSY" || waited >= 5_000) throw e;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/** How often the checkpointer copies the WAL into the database file (SQLITE_CHECKPOINT_MS). */
const CHECKPOINT_EVERY_MS = Math.max(10, Number(process.env.SQLITE_CHECKPOINT_MS) || 500);

// The checkpointer: its own connection in a worker thread (better-sqlite3 resolved from the working
// directory, the app's root, as the database path is), so the copy and the fsync of a
// checkpoint never block the server's event loop (better-sqlite3's advice for WAL under load).
// PASSIVE: it never waits for or blocks readers and writers; a writer that finds the whole WAL
// checkpointed starts it again from the beginning, so the WAL stays at ~CHECKPOINT_EVERY_MS of
// writes. The worker is unref'd: it never keeps the process alive.
const CHECKPOINTER = `
const { workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.base)("better-sqlite3");
const conn = new Database(workerData.file, { timeout: 0 });
setInterval(() => {
  try {
    conn.pragma("wal_checkpoint(PASSIVE)");
  } catch {}
}, workerData.everyMs);
`;

function startCheckpointer(file: string): void {
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file: path.resolve(file), everyMs: CHECKPOINT_EVERY_MS, base: path.resolve("package.json") } });
  worker.on("error", (e) => console.error(`sqlite checkpointer stopped: ${e.message}`));
  worker.unref();
}

function sqliteStore(url: string): FastStore {
  const file = url.replace(/^file:/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // No busy timeout: a synchronous wait would block the event loop, and with it a Prisma
  // transaction of this same process that holds the lock. Busy → wait asynchronously and retry.
  const conn = new Database(file, { timeout: 0 });
  try {
    conn.pragma("journal_mode = WAL"); // usually set already by prestart; a busy file keeps its mode
  } catch {}
  conn.pragma(`synchronous = ${sqliteSynchronous()}`);
  // The commits on the hot path do not checkpoint: copying the WAL into the database and its fsync
  // would block the event loop for every request waiting. A worker thread does it (below).
  conn.pragma("wal_autocheckpoint = 0");
  startCheckpointer(file);
  const user = conn.prepare(`SELECT "id", "email", "name", "role", "disabled", "sessionVersion" FROM "User" WHERE "id" = ?`);
  const sandboxMeta = conn.prepare(SANDBOX_META.replace(/\$\d/g, "?"));
  const recent = conn.prepare(RECENT_COMMANDS.replace(/\$\d/g, "?"));
  const withSnapshot = conn.prepare(`UPDATE "Sandbox" SET "snapshot" = ?, "snapshotVersion" = ?, "version" = ?, "updatedAt" = ? WHERE "id" = ? AND "version" = ?`);
  const versionOnly = conn.prepare(`UPDATE "Sandbox" SET "version" = ?, "updatedAt" = ? WHERE "id" = ? AND "version" = ?`);
  const insert = conn.prepare(`INSERT INTO "CommandLog" ("sandboxId", "seq", "prompt", "line", "at", "exitCode", "output", "replay") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const write = conn.transaction((w: CommandWrite): boolean => {
    const next = w.version + 1;
    const at = sqliteTime(w.at);
    const u = w.snapshot === undefined ? versionOnly.run(next, at, w.sandboxId, w.version) : withSnapshot.run(w.snapshot, next, next, at, w.sandboxId, w.version);
    if (u.changes !== 1) return false;
    insert.run(w.sandboxId, next, w.prompt, w.line, at, w.exitCode, w.output, w.replay);
    return true;
  });
  return {
    async userById(id) {
      const r = (await retryBusy(() => user.get(id))) as (Omit<UserRow, "disabled"> & { disabled: number }) | undefined;
      return r && { ...r, disabled: r.disabled === 1 };
    },
    async sandboxMeta(id, ownerId) {
      return (await retryBusy(() => sandboxMeta.get(id, ownerId))) as SandboxMeta | undefined;
    },
    async recentCommands(sandboxId, afterSeq, limit) {
      return (await retryBusy(() => recent.all(sandboxId, afterSeq, limit))) as LoggedCommand[];
    },
    async writeCommand(w) {
      for (let waited = 0; ; ) {
        try {
          return write(w);
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return false;
          if (code !== "SQLITE_BUSY" || waited >= 5_000) throw e;
          const pause = 2 + Math.random() * 8;
          await new Promise((r) => setTimeout(r, pause));
          waited += pause;
        }
      }
    },
  };
}

function pgStore(url: string): FastStore {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {}); // an idle client lost its connection; the next query reports it
  return {
    async userById(id) {
      const r = await pool.query(`SELECT "id", "email", "name", "role", "disabled", "sessionVersion" FROM "User" WHERE "id" = $1`, [id]);
      return r.rows[0] as UserRow | undefined;
    },
    async sandboxMeta(id, ownerId) {
      return (await pool.query(SANDBOX_META, [id, ownerId])).rows[0] as SandboxMeta | undefined;
    },
    async recentCommands(sandboxId, afterSeq, limit) {
      return (await pool.query(RECENT_COMMANDS, [sandboxId, afterSeq, limit])).rows as LoggedCommand[];
    },
    async writeCommand(w) {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const at = new Date(w.at);
        const u =
          w.snapshot === undefined
            ? await c.query(`UPDATE "Sandbox" SET "version" = $1, "updatedAt" = $2 WHERE "id" = $3 AND "version" = $4`, [w.version + 1, at, w.sandboxId, w.version])
            : await c.query(`UPDATE "Sandbox" SET "snapshot" = $1, "snapshotVersion" = $2, "version" = $2, "updatedAt" = $3 WHERE "id" = $4 AND "version" = $5`, [w.snapshot, w.version + 1, at, w.sandboxId, w.version]);
        if (u.rowCount !== 1) {
          await c.query("ROLLBACK");
          return false;
        }
        await c.query(`INSERT INTO "CommandLog" ("sandboxId", "seq", "prompt", "line", "at", "exitCode", "output", "replay") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [w.sandboxId, w.version + 1, w.prompt, w.line, at, w.exitCode, w.output, w.replay]);
        await c.query("COMMIT");
        return true;
      } catch (e) {
        await c.query("ROLLBACK").catch(() => {});
        if ((e as { code?: string }).code === "23505") return false; // unique (sandboxId, seq): someone wrote first
        throw e;
      } finally {
        c.release();
      }
    },
  };
}

const g = globalThis as unknown as { __kubelingsFastStore?: { url: string; store: FastStore } };

export function fastStore(): FastStore {
  const url = databaseUrl();
  if (!g.__kubelingsFastStore || g.__kubelingsFastStore.url !== url) {
    g.__kubelingsFastStore = { url, store: isPostgres(url) ? pgStore(url) : sqliteStore(url) };
  }
  return g.__kubelingsFastStore.store;
}
