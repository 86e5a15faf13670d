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

/** A new version that is a snapshot of its own (no log row): a reset, a stream's poll, a long catch-up. */
export interface SnapshotWrite {
  sandboxId: string;
  version: number; // the version it was made on; stored as version + 1
  snapshot: string;
  at: number;
  /** A reset: the scrollback starts after this version. */
  restartLog?: boolean;
}

export interface SandboxMeta { id: string; version: number; exercise: string; logStart: number }
/** The row and its stored snapshot, read in one statement (so they belong together). */
export interface SandboxState { version: number; snapshotVersion: number; exercise: string; snapshot: string }
export interface LoggedCommand { prompt: string; line: string; output: string; exitCode: number }

export interface FastStore {
  userById(id: string): Promise<UserRow | undefined>;
  /** The sandbox's row when `ownerId` owns it. */
  sandboxMeta(id: string, ownerId: string): Promise<SandboxMeta | undefined>;
  /** The newest `limit` log rows with seq > afterSeq, newest first. */
  recentCommands(sandboxId: string, afterSeq: number, limit: number): Promise<LoggedCommand[]>;
  /** false when someone else wrote first (the version moved on); nothing is written then. */
  writeCommand(w: CommandWrite): Promise<boolean>;
  /** The same for a snapshot alone. */
  writeSnapshot(w: SnapshotWrite): Promise<boolean>;
  sandboxState(id: string): Promise<SandboxState | undefined>;
}

// Shared by both drivers ($n placeholders; SQLite gets ?).
const SANDBOX_META = `SELECT "id", "version", "exercise", "logStart" FROM "Sandbox" WHERE "id" = $1 AND "ownerId" = $2`;
const RECENT_COMMANDS = `SELECT "prompt", "line", "output", "exitCode" FROM "CommandLog" WHERE "sandboxId" = $1 AND "seq" > $2 ORDER BY "seq" DESC LIMIT $3`;
const SANDBOX_STATE = `SELECT s."version", s."snapshotVersion", s."exercise", p."data" AS "snapshot" FROM "Sandbox" s JOIN "SandboxSnapshot" p ON p."sandboxId" = s."id" WHERE s."id" = $1`;
// The snapshot lives in its own table (prisma/models.prisma SandboxSnapshot): a command's write
// updates the small Sandbox row only, and the snapshot row when one is due.
// Each takes (next version, updatedAt, id, version it was made on).
const BUMP = `UPDATE "Sandbox" SET "version" = $1, "updatedAt" = $2 WHERE "id" = $3 AND "version" = $4`;
const BUMP_SNAPSHOT = `UPDATE "Sandbox" SET "version" = $1, "snapshotVersion" = "version" + 1, "updatedAt" = $2 WHERE "id" = $3 AND "version" = $4`;
const BUMP_RESTART = `UPDATE "Sandbox" SET "version" = $1, "snapshotVersion" = "version" + 1, "logStart" = "version" + 1, "updatedAt" = $2 WHERE "id" = $3 AND "version" = $4`;
const SET_SNAPSHOT = `UPDATE "SandboxSnapshot" SET "data" = $1 WHERE "sandboxId" = $2`;
const INSERT_COMMAND = `INSERT INTO "CommandLog" ("sandboxId", "seq", "prompt", "line", "at", "exitCode", "output", "replay") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
// PostgreSQL: each write is one statement (data-modifying WITH clauses run once, atomically, with
// the statement), so a command costs one round trip instead of BEGIN, UPDATE(s), INSERT, COMMIT;
// the version guard is the UPDATE's WHERE, and nothing is written when it matches no row. Named
// statements are prepared once per connection.
// writeCommand: (next version, updatedAt, id, version it was made on, prompt, line, exitCode,
// output, replay[, snapshot]); the INSERT's row count says whether it was stored.
const PG_COMMAND_TAIL = `INSERT INTO "CommandLog" ("sandboxId", "seq", "prompt", "line", "at", "exitCode", "output", "replay") SELECT "id", $1, $5, $6, $2, $7, $8, $9 FROM bumped`;
/** The bumped sandbox's snapshot row set to the parameter `data` (nothing when the bump matched no row). */
const pgSetSnapshot = (data: string) => `snap AS (UPDATE "SandboxSnapshot" SET "data" = ${data} WHERE "sandboxId" = (SELECT "id" FROM bumped))`;
const PG_COMMAND = `WITH bumped AS (${BUMP} RETURNING "id") ${PG_COMMAND_TAIL}`;
const PG_COMMAND_SNAPSHOT = `WITH bumped AS (${BUMP_SNAPSHOT} RETURNING "id"), ${pgSetSnapshot("$10")} ${PG_COMMAND_TAIL}`;
// writeSnapshot: (next version, updatedAt, id, version it was made on, snapshot); counts the bump.
const pgSnapshot = (bump: string) => `WITH bumped AS (${bump} RETURNING "id"), ${pgSetSnapshot("$5")} SELECT count(*)::int AS "n" FROM bumped`;
const PG_SNAPSHOT = pgSnapshot(BUMP_SNAPSHOT);
const PG_SNAPSHOT_RESTART = pgSnapshot(BUMP_RESTART);
/** $n placeholders (each used once, in order) as SQLite's ?. */
const sqlite = (sql: string) => sql.replace(/\$\d+/g, "?");

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

const sqliteCode = (e: unknown) => (e as { code?: string }).code;
/** The command's log row (sandboxId, seq) exists: someone wrote first. */
const loggedFirst = (e: unknown) => sqliteCode(e) === "SQLITE_CONSTRAINT_UNIQUE" || sqliteCode(e) === "SQLITE_CONSTRAINT_PRIMARYKEY";

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
  const sandboxMeta = conn.prepare(sqlite(SANDBOX_META));
  const recent = conn.prepare(sqlite(RECENT_COMMANDS));
  const state = conn.prepare(sqlite(SANDBOX_STATE));
  const bump = conn.prepare(sqlite(BUMP));
  const bumpSnapshot = conn.prepare(sqlite(BUMP_SNAPSHOT));
  const bumpRestart = conn.prepare(sqlite(BUMP_RESTART));
  const setSnapshot = conn.prepare(sqlite(SET_SNAPSHOT));
  const insert = conn.prepare(sqlite(INSERT_COMMAND));
  const write = conn.transaction((w: CommandWrite): boolean => {
    const next = w.version + 1;
    const at = sqliteTime(w.at);
    if ((w.snapshot === undefined ? bump : bumpSnapshot).run(next, at, w.sandboxId, w.version).changes !== 1) return false;
    if (w.snapshot !== undefined) setSnapshot.run(w.snapshot, w.sandboxId);
    insert.run(w.sandboxId, next, w.prompt, w.line, at, w.exitCode, w.output, w.replay);
    return true;
  });
  const writeAlone = conn.transaction((w: SnapshotWrite): boolean => {
    if ((w.restartLog ? bumpRestart : bumpSnapshot).run(w.version + 1, sqliteTime(w.at), w.sandboxId, w.version).changes !== 1) return false;
    setSnapshot.run(w.snapshot, w.sandboxId);
    return true;
  });
  /** A write transaction, retried (asynchronously) while another connection holds the lock; false: someone wrote first. */
  async function retryWrite(f: () => boolean): Promise<boolean> {
    for (let waited = 0; ; ) {
      try {
        return f();
      } catch (e) {
        if (loggedFirst(e)) return false;
        if (sqliteCode(e) !== "SQLITE_BUSY" || waited >= 5_000) throw e;
        const pause = 2 + Math.random() * 8;
        await new Promise((r) => setTimeout(r, pause));
        waited += pause;
      }
    }
  }
  // Group commit: the commands stored in one turn of the event loop (under load, several
  // requests reach their write together) commit in one transaction, each in a savepoint of its own
  // with its own version guard and answer; the WAL then gets the pages they share (the log's last
  // page, the Sandbox rows' pages) once. Nobody is answered before the commit.
  const batch = conn.transaction((items: CommandWrite[]) =>
    items.map((w): { ok: boolean } | { error: unknown } => {
      try {
        return { ok: write(w) }; // nested: a savepoint
      } catch (e) {
        if (loggedFirst(e)) return { ok: false };
        if (sqliteCode(e) === "SQLITE_BUSY") throw e;
        return { error: e };
      }
    }),
  );
  const pending: { w: CommandWrite; resolve: (ok: boolean) => void; reject: (e: unknown) => void }[] = [];
  const commitPending = () => {
    const items = pending.splice(0);
    let results: ({ ok: boolean } | { error: unknown })[];
    try {
      results = batch.immediate(items.map((i) => i.w));
    } catch {
      // The lock is held elsewhere (a Prisma transaction): each write on its own, retried.
      for (const i of items) retryWrite(() => write(i.w)).then(i.resolve, i.reject);
      return;
    }
    results.forEach((r, k) => ("ok" in r ? items[k].resolve(r.ok) : items[k].reject(r.error)));
  };
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
    writeCommand: (w) =>
      new Promise<boolean>((resolve, reject) => {
        if (pending.push({ w, resolve, reject }) === 1) setImmediate(commitPending);
      }),
    writeSnapshot: (w) => retryWrite(() => writeAlone(w)),
    async sandboxState(id) {
      return (await retryBusy(() => state.get(id))) as SandboxState | undefined;
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
    async sandboxState(id) {
      return (await pool.query(SANDBOX_STATE, [id])).rows[0] as SandboxState | undefined;
    },
    writeCommand: (w) =>
      pgWrite(async () => {
        const at = new Date(w.at);
        const values: unknown[] = [w.version + 1, at, w.sandboxId, w.version, w.prompt, w.line, w.exitCode, w.output, w.replay];
        const q = w.snapshot === undefined ? { name: "kl-command", text: PG_COMMAND, values } : { name: "kl-command-snapshot", text: PG_COMMAND_SNAPSHOT, values: [...values, w.snapshot] };
        return (await pool.query(q)).rowCount === 1;
      }),
    writeSnapshot: (w) =>
      pgWrite(async () => {
        const q = { name: w.restartLog ? "kl-snapshot-restart" : "kl-snapshot", text: w.restartLog ? PG_SNAPSHOT_RESTART : PG_SNAPSHOT, values: [w.version + 1, new Date(w.at), w.sandboxId, w.version, w.snapshot] };
        return (await pool.query<{ n: number }>(q)).rows[0]?.n === 1;
      }),
  };
}

/** One write statement; false: the version moved on or the log row exists (someone wrote first). */
async function pgWrite(f: () => Promise<boolean>): Promise<boolean> {
  try {
    return await f();
  } catch (e) {
    if ((e as { code?: string }).code === "23505") return false; // unique (sandboxId, seq): someone wrote first
    throw e;
  }
}

const g = globalThis as unknown as { __kubelingsFastStore?: { url: string; store: FastStore } };

export function fastStore(): FastStore {
  const url = databaseUrl();
  if (!g.__kubelingsFastStore || g.__kubelingsFastStore.url !== url) {
    g.__kubelingsFastStore = { url, store: isPostgres(url) ? pgStore(url) : sqliteStore(url) };
  }
  return g.__kubelingsFastStore.store;
}
