import { expect, test } from "vitest";
import { canonicalQuantity } from "./quantity";

test("quantities come back in the API server's canonical form", () => {
  const cases: [string | number, string][] = [
    ["0.5", "500m"], ["1.5", "1500m"], ["1000m", "1"], [1, "1"], ["100m", "100m"], ["2000", "2k"],
    ["1024Mi", "1Gi"], ["1536Mi", "1536Mi"], ["0.5Gi", "512Mi"], ["128Mi", "128Mi"], ["512", "512"], ["1Ki", "1Ki"], ["0.5Ki", "512"],
    ["1e3", "1e3"], ["250M", "250M"], ["0", "0"],
  ];
  for (const [input, want] of cases) expect([input, canonicalQuantity(input)]).toEqual([input, want]);
  expect(canonicalQuantity("bogus")).toBe("bogus");
});
