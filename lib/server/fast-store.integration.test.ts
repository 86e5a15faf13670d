import { describe, expect, inject, test } from "vitest";
import { db } from "./db";
import { fastStore, type CommandWrite } from "./fast-store";
import * as sandboxes from "./sandboxes";
import { newViewer } from "@/test/integration/fixtures";

const provider = inject("provider");
const T0 = Date.UTC(2030, 0, 1, 12);

const command = (sandboxId: string, version: number, line: string): CommandWrite => ({
  sandboxId, version, line, replay: JSON.stringify({ at: T0 }), prompt: "controlplane $ ", at: T0, exitCode: 0, output: `${line}\n`,
});

describe(`the fast store's command writes on ${provider}`, () => {
  test("writes arriving together (one group commit on SQLite) each keep their own version guard and answer", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await sandboxes.openSandbox(await newViewer(), "fix-redis", T0)).id);
    const [a, b, c] = ids;
    // Two writers race for a's version 0 (as two instances would): exactly one wins; b and c go on.
    const results = await Promise.all([
      fastStore().writeCommand(command(a, 0, "first")),
      fastStore().writeCommand(command(a, 0, "second")),
      fastStore().writeCommand(command(b, 0, "only")),
      fastStore().writeCommand(command(c, 5, "stale")), // c is at version 0: refused
      fastStore().writeCommand(command(c, 0, "fresh")),
    ]);
    expect(results).toEqual([true, false, true, false, true]);
    const rows = await db().commandLog.findMany({ where: { sandboxId: { in: ids } }, orderBy: [{ sandboxId: "asc" }, { seq: "asc" }], select: { sandboxId: true, seq: true, line: true } });
    expect(rows.map((r) => [ids.indexOf(r.sandboxId), r.seq, r.line]).sort()).toEqual([[0, 1, "first"], [1, 1, "only"], [2, 1, "fresh"]]);
    const versions = await db().sandbox.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, snapshotVersion: true } });
    expect(versions.map((r) => [ids.indexOf(r.id), r.version, r.snapshotVersion]).sort()).toEqual([[0, 1, 0], [1, 1, 0], [2, 1, 0]]);
  });

  test("a write with a snapshot stores it with its version, read back with the row in one statement", async () => {
    const v = await newViewer();
    const { id } = await sandboxes.openSandbox(v, "fix-redis", T0);
    expect(await fastStore().writeCommand({ ...command(id, 0, "one"), snapshot: '{"version":2,"mark":1}' })).toBe(true);
    expect(await fastStore().sandboxState(id)).toEqual({ version: 1, snapshotVersion: 1, exercise: "fix-redis", snapshot: '{"version":2,"mark":1}' });
    expect(await fastStore().writeSnapshot({ sandboxId: id, version: 1, snapshot: '{"version":2,"mark":2}', at: T0, restartLog: true })).toBe(true);
    expect(await fastStore().writeSnapshot({ sandboxId: id, version: 1, snapshot: '{"version":2,"mark":3}', at: T0 })).toBe(false); // stale
    expect(await fastStore().sandboxState(id)).toEqual({ version: 2, snapshotVersion: 2, exercise: "fix-redis", snapshot: '{"version":2,"mark":2}' });
    expect((await db().sandbox.findUniqueOrThrow({ where: { id } })).logStart).toBe(2);
  });
});
