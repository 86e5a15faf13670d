import { spawnSync } from "node:child_process";
import { expect, inject, test } from "vitest";

// Drift check: the committed migrations, applied by the setup, produce exactly prisma/models.prisma.
test(`the committed ${inject("provider")} migrations match the Prisma models`, () => {
  const r = spawnSync("node_modules/.bin/prisma", ["db", "push", "--skip-generate"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), CHECKPOINT_DISABLE: "1" },
  });
  expect(r.stdout + r.stderr).toContain("The database is already in sync with the Prisma schema.");
});
