// Runs before `npm start` (and before each e2e/bench server): validate content, apply migrations
// for the provider DATABASE_URL selects, and create the first admin once.
// Run with `tsx --conditions=react-server` so the server-only data layer can be imported.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { loadCourse } from "../lib/content/load";

const url = process.env.DATABASE_URL || "file:./data/app.db";
process.env.CHECKPOINT_DISABLE ??= "1";

function fail(message: string): never {
  console.error(`\nprestart: ${message}`);
  process.exit(1);
}

try {
  const course = loadCourse();
  console.log(`content: ${course.lessons.size} lesson(s), ${course.exercises.size} exercise(s)`);
} catch (e) {
  fail(`content is invalid: ${e instanceof Error ? e.message : e}`);
}

if (!/^postgres(ql)?:\/\//.test(url)) mkdirSync("data", { recursive: true });
const migrate = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { encoding: "utf8", env: process.env });
if (migrate.status !== 0) fail(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
console.log(migrate.stdout.split("\n").filter((l) => /applied|No pending|migrations found/i.test(l)).join("\n"));

if (!/^postgres(ql)?:\/\//.test(url)) {
  // WAL lets readers proceed during a write: many learners, one file.
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(url.replace(/^file:/, ""));
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

const { ensureAdmin } = await import("../lib/server/users");
await ensureAdmin();
const { db } = await import("../lib/server/db");
await db().$disconnect();
