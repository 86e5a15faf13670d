import { expect, test } from "vitest";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { pickLocale, translator } from "./i18n";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

test("English and Korean UI strings have exactly the same keys", () => {
  expect(keys(ko)).toEqual(keys(en));
});

test("every Korean string is translated, not copied from English", () => {
  const flat = (o: object) => Object.fromEntries(keys(o).map((k) => [k, k.split(".").reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o)]));
  const e = flat(en);
  const same = Object.entries(flat(ko)).filter(([k, v]) => v === e[k] && !/^(app\.name)$/.test(k));
  expect(same).toEqual([]);
});

test("the locale comes from the cookie, then Accept-Language, then English", () => {
  expect(pickLocale("ko", "en-US")).toBe("ko");
  expect(pickLocale(undefined, "ko-KR,ko;q=0.9,en;q=0.8")).toBe("ko");
  expect(pickLocale("fr", "de")).toBe("en");
});

test("translations interpolate values", () => {
  expect(translator("en")("exercise.notYet", { failed: 2, total: 4 })).toBe("Not yet: 2 of 4 checks failing.");
  expect(translator("ko")("exercise.attempts", { count: 3 })).toBe("시도: 3회");
});
