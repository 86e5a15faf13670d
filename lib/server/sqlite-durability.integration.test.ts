import { afterEach, describe, expect, it } from "vitest";
import { sqliteSynchronous } from "./db";

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
