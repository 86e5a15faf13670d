import { expect, test } from "vitest";
import { escapeForTerminal } from "./escape";
import { textWidth } from "./width";

test("escape sequences from cluster data never reach the terminal", () => {
  const evil = "pod\x1b]0;pwned\x07name\x1b[2J\x9b31m\x00";
  expect(escapeForTerminal(evil)).toBe("pod]0;pwnedname[2J31m");
});

test("newlines become CRLF and tabs survive", () => {
  expect(escapeForTerminal("NAME\tREADY\nredis\t0/1\n")).toBe("NAME\tREADY\r\nredis\t0/1\r\n");
});

test("a carriage return cannot overwrite a line", () => {
  expect(escapeForTerminal("safe\rEVIL")).toBe("safeEVIL");
});

test("Hangul and CJK take two cells, ASCII one, combining marks none", () => {
  expect(textWidth("abc")).toBe(3);
  expect(textWidth("안녕")).toBe(4);
  expect(textWidth("파드 pod")).toBe(8);
  expect(textWidth("e\u0301")).toBe(1);
});
