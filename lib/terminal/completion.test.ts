import { describe, expect, test } from "vitest";
import { applyCompletion, commonPrefix, formatColumns } from "./completion";

describe("Tab completion display", () => {
  test("a single candidate replaces the word and adds a space", () => {
    const e = applyCompletion("kubectl get pods ngi", 20, { candidates: ["nginx-7c5ddbdf54-abcde"], replaceFrom: 17 }, false, 80);
    expect(e).toEqual({ line: "kubectl get pods nginx-7c5ddbdf54-abcde ", cursor: 40 });
  });

  test("a directory candidate gets no space, so Tab can go on inside it", () => {
    const e = applyCompletion("cat /et", 7, { candidates: ["/etc/"], replaceFrom: 4 }, false, 80);
    expect(e.line).toBe("cat /etc/");
  });

  test("a completion in the middle of the line keeps the rest and adds no second space", () => {
    const e = applyCompletion("kubectl ge pods", 10, { candidates: ["get"], replaceFrom: 8 }, false, 80);
    expect(e).toEqual({ line: "kubectl get pods", cursor: 11 });
  });

  test("several candidates extend the word to their common prefix", () => {
    const h = applyCompletion("kubectl api", 11, { candidates: ["api-resources", "api-versions"], replaceFrom: 8 }, false, 80);
    expect(h).toEqual({ line: "kubectl api-", cursor: 12 });
    const j = applyCompletion("kubectl get po", 14, { candidates: ["poddisruptionbudgets", "pods", "podtemplates"], replaceFrom: 12 }, false, 80);
    expect(j).toEqual({ line: "kubectl get pod", cursor: 15 });
  });

  test("nothing to add rings the bell on the first Tab and lists the candidates on the second", () => {
    const c = { candidates: ["delete", "describe", "diff", "drain"], replaceFrom: 8 };
    expect(applyCompletion("kubectl d", 9, c, false, 80)).toEqual({ bell: true });
    const listed = applyCompletion("kubectl d", 9, c, true, 80);
    expect(listed.listing).toBe("delete    describe  diff      drain\r\n");
  });

  test("no candidates ring the bell", () => {
    expect(applyCompletion("kubectl get pods zz", 19, { candidates: [], replaceFrom: 17 }, true, 80)).toEqual({ bell: true });
  });

  test("control characters in candidates never reach the terminal", () => {
    const e = applyCompletion("cat ", 4, { candidates: ["a\x1b]0;x\x07b"], replaceFrom: 4 }, false, 80);
    expect(e.line).toBe("cat a]0;xb ");
  });

  test("columns fill down then across within the terminal width", () => {
    expect(formatColumns(["a1", "a2", "a3", "a4", "a5"], 10)).toBe("a1  a4\r\na2  a5\r\na3\r\n");
    expect(formatColumns(["x"], 80)).toBe("x\r\n");
  });

  test("the common prefix of words", () => {
    expect(commonPrefix(["deploy", "deployments"])).toBe("deploy");
    expect(commonPrefix([])).toBe("");
  });
});
