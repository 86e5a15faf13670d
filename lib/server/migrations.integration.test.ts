import { spawn } from "node:child_process";
import { expect, inject, test } from "vitest";

// Drift check: the committed migrations, applied by the setup, produce exactly prisma/models.prisma.
// `db push` prints its verdict and then lingers (an uncleared timer in the CLI), so we stop it once
// it has spoken.
test(`the committed ${inject("provider")} migrations match the Prisma models`, async () => {
  const child = spawn("node_modules/.bin/prisma", ["db", "push", "--skip-generate"], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const verdict = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve(out), 90_000);
    const check = () => {
      if (/already in sync|now in sync|Error|data loss/i.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout.on("data", (d) => ((out += d), check()));
    child.stderr.on("data", (d) => ((out += d), check()));
    child.on("exit", () => (clearTimeout(timer), resolve(out)));
  });
  child.kill("SIGKILL");
  expect(verdict).toContain("The database is already in sync with the Prisma schema.");
}, 120_000);
