import { describe, expect, test } from "vitest";
import { addQuantity, formatQuantity, milliValue, parseQuantity, value } from "./quantity";

const q = (s: string) => parseQuantity(s)!;

describe("resource quantities as describe prints them", () => {
  test.each([
    ["250m", "250m"], ["1", "1"], ["1000m", "1"], ["0.5", "500m"], ["64Mi", "64Mi"], ["1024Ki", "1Mi"],
    ["4025836Ki", "4025836Ki"], ["93478772582", "93478772582"], ["2000", "2k"], ["1.5Gi", "1536Mi"], ["0", "0"],
  ])("%s prints as %s", (input, want) => {
    expect(formatQuantity(q(input))).toBe(want);
  });

  test("sums keep the first quantity's format, as Quantity.Add does", () => {
    expect(formatQuantity(addQuantity(q("250m"), q("1")))).toBe("1250m");
    expect(formatQuantity(addQuantity(q("64Mi"), q("128Mi")))).toBe("192Mi");
  });

  test("milli and whole values round up", () => {
    expect(milliValue(q("2"))).toBe(2000);
    expect(value(q("1500m"))).toBe(2);
    expect(value(q("3923436Ki"))).toBe(3923436 * 1024);
  });

  test("text that is not a quantity does not parse", () => {
    expect(parseQuantity("ten")).toBeUndefined();
    expect(parseQuantity("")).toBeUndefined();
  });
});
