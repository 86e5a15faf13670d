import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { runScript } from "../index";

// Golden transcripts: each sim/transcripts/NAME.sh runs in a fresh sandbox (seed 1, default
// topology, 2026-01-01T00:00:00Z) and must print exactly sim/testdata/transcripts/NAME.json.
// Re-record with UPDATE_GOLDEN=1 npx vitest run sim/transcripts, then read every output by eye.

const here = new URL(".", import.meta.url);
const golden = new URL("../testdata/transcripts/", import.meta.url);
const scripts = readdirSync(here).filter((f) => f.endsWith(".sh")).sort();
const update = process.env.UPDATE_GOLDEN === "1";

describe("golden transcripts", () => {
  test.each(scripts)("%s prints its recorded transcript", (file) => {
    const { steps } = runScript(readFileSync(new URL(file, here), "utf8"));
    const target = new URL(file.replace(/\.sh$/, ".json"), golden);
    if (update) writeFileSync(target, JSON.stringify(steps, null, 2) + "\n");
    expect(existsSync(target), `no golden file for ${file}; record it with UPDATE_GOLDEN=1`).toBe(true);
    expect(steps).toEqual(JSON.parse(readFileSync(target, "utf8")));
  }, 60_000);
});
