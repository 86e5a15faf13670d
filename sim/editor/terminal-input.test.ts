import { describe, expect, test } from "vitest";
import { parseTerminalInput } from "./terminal-input";
import { createEditor } from "./index";

describe("raw terminal input becomes editor keys", () => {
  test("printable characters, Enter, Backspace and Tab", () => {
    expect(parseTerminalInput("a\r\x7f\t")).toEqual([{ key: "a" }, { key: "Enter" }, { key: "Backspace" }, { key: "Tab" }]);
  });
  test("arrows in normal and application cursor mode, Home, End and Delete", () => {
    expect(parseTerminalInput("\x1b[A\x1bOB\x1b[C\x1b[D\x1b[H\x1b[F\x1b[3~")).toEqual(
      ["ArrowUp", "ArrowDown", "ArrowRight", "ArrowLeft", "Home", "End", "Delete"].map((key) => ({ key })),
    );
  });
  test("control characters are ctrl+letter; ^\\ and ^/ as nano names them", () => {
    expect(parseTerminalInput("\x0f\x18\x12\x1c\x1f")).toEqual([
      { key: "o", ctrl: true }, { key: "x", ctrl: true }, { key: "r", ctrl: true }, { key: "\\", ctrl: true }, { key: "/", ctrl: true },
    ]);
  });
  test("ESC alone is Escape, ESC before a character is alt", () => {
    expect(parseTerminalInput("\x1b")).toEqual([{ key: "Escape" }]);
    expect(parseTerminalInput("\x1bu")).toEqual([{ key: "u", alt: true }]);
    expect(parseTerminalInput("\x1b\x1b")).toEqual([{ key: "Escape" }, { key: "Escape" }]);
  });
  test("a modified arrow carries its modifiers", () => {
    expect(parseTerminalInput("\x1b[1;5C")).toEqual([{ key: "ArrowRight", ctrl: true }]);
  });
  test("bracketed paste is one paste event", () => {
    expect(parseTerminalInput("\x1b[200~a: 1\r\nb: 2\x1b[201~x")).toEqual([{ paste: "a: 1\r\nb: 2" }, { key: "x" }]);
  });
  test("a typed vi session (one onData chunk per key press) drives the editor to a write", () => {
    const ed = createEditor({ kind: "vi", path: "f", content: "a\n", rows: 5, cols: 40 });
    for (const chunk of ["A", "1", "\x1b", ":", "w", "q", "\r"]) for (const ev of parseTerminalInput(chunk)) ed.key(ev);
    expect(ed.outcome()).toEqual({ saved: true, content: "a1\n", writes: 1 });
  });
});
