// The real kubectl v1.32.5 as the oracle for ours: every case in cases.ts runs against the same
// sandbox state both ways and must print the same terminal output (stdout and stderr interleaved)
// with the same exit code; mutating cases must also leave the same objects behind. Cases listed in
// known-mismatches.ts must still differ (remove an entry once its fix lands). Skipped, with a
// notice, where the binary is absent.

import { beforeAll, describe, expect, test } from "vitest";
import { hasRealKubectl, REAL_KUBECTL } from "../http-adapter";
import { caseId, DESCRIBE_CASES, MUTATE_CASES, READ_CASES } from "./cases";
import { KNOWN_MISMATCHES } from "./known-mismatches";
import { caseVerdict, runOracle, type CaseResult, type OracleRun } from "./oracle";

const ALL = [...READ_CASES, ...MUTATE_CASES, ...DESCRIBE_CASES].map(caseId);

if (!hasRealKubectl()) console.warn(`notice: ${REAL_KUBECTL} not found; the real-kubectl oracle suite is skipped`);

describe.skipIf(!hasRealKubectl())("our kubectl prints what the real kubectl v1.32.5 prints on the same cluster", () => {
  let run: OracleRun;
  const byId = new Map<string, CaseResult>();
  beforeAll(async () => {
    run = await runOracle();
    for (const r of run.results) byId.set(r.id, r);
  }, 180_000);

  test("the learner's setup session builds the state without errors", () => {
    expect(run.setupFailures).toEqual([]);
  });

  test("case ids are unique, and every known mismatch names an existing case", () => {
    expect(new Set(ALL).size).toBe(ALL.length);
    expect(Object.keys(KNOWN_MISMATCHES).filter((id) => !ALL.includes(id))).toEqual([]);
  });

  test.each(ALL.filter((id) => !(id in KNOWN_MISMATCHES)))("kubectl %s: same output, exit code and resulting objects", (id) => {
    const r = byId.get(id);
    expect(r, "case did not run").toBeDefined();
    expect(caseVerdict(r!)).toBe("");
  });

  test.each(ALL.filter((id) => id in KNOWN_MISMATCHES))("kubectl %s: still a known mismatch (remove it from KNOWN_MISMATCHES once fixed)", (id) => {
    const r = byId.get(id);
    expect(r, "case did not run").toBeDefined();
    expect(caseVerdict(r!), `now matches; fixed: ${KNOWN_MISMATCHES[id]}`).not.toBe("");
  });
});
