import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { testShell } from "./test-shell";

// Outputs recorded from the real bash 5.2 and GNU coreutils (sim/testdata/shell/record.py).
const cases: { command: string; output: string; exitCode: number }[] = JSON.parse(
  readFileSync(new URL("../testdata/shell/bash-cases.json", import.meta.url), "utf8"),
);

describe("the shell prints what bash and coreutils print", () => {
  test.each(cases.map((c) => [c.command, c] as const))("%s", (_name, c) => {
    const { run } = testShell();
    const r = run(c.command);
    expect(r.out).toBe(c.output);
    expect(r.code).toBe(c.exitCode);
  });
});
