import { statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { databaseUrl, sqliteSynchronous } from "./db";
import * as sandboxes from "./sandboxes";
import { newViewer } from "@/test/integration/fixtures";

const T0 = Date.UTC(2030, 0, 1, 12);

describe("SQLite durability setting", () => {
  const before = process.env.SQLITE_SYNCHRONOUS;
  afterEach(() => {
    if (before === undefined) delete process.env.SQLITE_SYNCHRONOUS;
    else process.env.SQLITE_SYNCHRONOUS = before;
  });

  it("is NORMAL (durable across process crashes with WAL) unless FULL is asked for", () => {
    delete process.env.SQLITE_SYNCHRONOUS;
    expect(sqliteSynchronous()).toBe("NORMAL");
    process.env.SQLITE_SYNCHRONOUS = "full";
    expect(sqliteSynchronous()).toBe("FULL");
    process.env.SQLITE_SYNCHRONOUS = "OFF; DROP TABLE x"; // never interpolated as given
    expect(sqliteSynchronous()).toBe("NORMAL");
  });
});

describe.runIf(inject("provider") === "sqlite")("SQLite checkpoints", () => {
  it("the requests' connection does not checkpoint; a worker thread copies the WAL into the database file", async () => {
    const file = path.resolve(databaseUrl().replace(/^file:/, ""));
    const v = await newViewer("wal");
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    await new Promise((r) => setTimeout(r, 1_200)); // what came before is checkpointed
    const before = statSync(file).size;
    // ~2 MB of command output: new pages, which reach the database file only through a checkpoint.
    for (let i = 1; i <= 40; i++) await sandboxes.exec(v, id, `seq 1 ${8_000 + i} | tail -c 60000 >/dev/null; seq 1 7000`, T0 + i * 1_000);
    const walFrames = statSync(`${file}-wal`).size;
    expect(walFrames).toBeGreaterThan(1_000_000);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 1_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
  });
});
