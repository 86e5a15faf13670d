// Playwright on Debian's Chromium (/usr/bin/chromium); no browser downloads. Run through
// scripts/e2e.mjs, which prepares a throwaway database and sets DATABASE_URL for both servers.
import { readFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3200);
const port2 = Number(process.env.E2E_PORT2 || port + 1);
// What `npm start` runs (node with its flags, then next start), not npx or npm: killing those would
// orphan next-server on the port (STACK-NOTES §4).
const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
const server = (p: number) => ({
  command: `${start} -H 127.0.0.1 -p ${p}`,
  url: `http://127.0.0.1:${p}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // Two instances on one database: the same learner is served alternately by both.
  webServer: [server(port), server(port2)],
  metadata: { port2 },
});
