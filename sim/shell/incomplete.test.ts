import { describe, expect, test } from "vitest";
import { needsMoreInput } from "./incomplete";

describe("continuation prompt", () => {
  test("complete lines run at once", () => {
    for (const line of ["echo hi", "kubectl get pods | grep web", "cat <<EOF\nx\nEOF", "if true; then echo; fi", "echo 'a' \"b\"", ""]) {
      expect(needsMoreInput(line), line).toBe(false);
    }
  });

  test("open quotes, substitutions, heredocs, compound commands and trailing operators wait for more", () => {
    for (const line of ["echo 'abc", 'echo "abc', "echo $(date", "cat <<EOF > pod.yaml", "cat <<EOF\nkind: Pod", "kubectl run x \\", "if true; then", "for i in 1 2; do", "{ echo a", "kubectl get pods |", "true &&"]) {
      expect(needsMoreInput(line), line).toBe(true);
    }
  });

  test("a plain syntax error does not wait: bash reports it at once", () => {
    expect(needsMoreInput("fi")).toBe(false);
    expect(needsMoreInput("echo a | | b")).toBe(false);
  });
});
