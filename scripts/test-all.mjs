#!/usr/bin/env node
// `npm test`: every runner in order; ends with one plain line "N passed, N failed" totalling them.
// A runner that cannot start counts as a failure, never as a skip.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const tmp = mkdtempSync(path.join(tmpdir(), "kubelings-test-"));
const totals = { passed: 0, failed: 0 };
const only = process.argv.slice(2);

function run(cmd, args, env = {}) {
  console.log(`\n$ ${[cmd, ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** A vitest run, counted from its JSON report. */
function vitest(name, args, env = {}) {
  const out = path.join(tmp, `${name}.json`);
  const code = run("node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...args], env);
  if (!existsSync(out)) return count(name, 0, 1);
  const r = JSON.parse(readFileSync(out, "utf8"));
  const failed = r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
  count(name, r.numPassedTests, failed);
}

/** A step with no test counts of its own (typecheck, build) counts as one test. */
function step(name, cmd, args, env) {
  const code = run(cmd, args, env);
  count(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

/** A Playwright run (through scripts/e2e.mjs), counted from its JSON report; skipped tests count as failed. */
function playwright(name, provider) {
  const out = path.join(tmp, `${name}.json`);
  const code = run("node", ["scripts/e2e.mjs", provider, "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) return count(name, 0, 1);
  const { stats } = JSON.parse(readFileSync(out, "utf8"));
  const failed = stats.unexpected + stats.flaky + stats.skipped;
  count(name, stats.expected, failed + (code !== 0 && failed === 0 ? 1 : 0));
}

function count(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  console.log(`[${name}] ${passed} passed, ${failed} failed`);
}

const steps = {
  typecheck: () => step("typecheck", "node_modules/.bin/tsc", ["--noEmit"]),
  unit: () => vitest("unit", []),
  "integration-sqlite": () => vitest("integration-sqlite", ["-c", "vitest.integration.config.ts"], { INTEGRATION_PROVIDER: "sqlite" }),
  "integration-postgresql": () => vitest("integration-postgresql", ["-c", "vitest.integration.config.ts"], { INTEGRATION_PROVIDER: "postgresql" }),
  "content-check": () => step("content-check", "node_modules/.bin/tsx", ["scripts/content-check.ts"]),
  build: () => step("build", "node_modules/.bin/next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" }),
  "e2e-sqlite": () => playwright("e2e-sqlite", "sqlite"),
  "e2e-postgresql": () => playwright("e2e-postgresql", "postgresql"),
};

try {
  for (const [name, fn] of Object.entries(steps)) if (only.length === 0 || only.includes(name)) fn();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
