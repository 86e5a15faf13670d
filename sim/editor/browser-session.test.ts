import { describe, expect, test } from "vitest";
import { BrowserEditorSession } from "./browser-session";

describe("the browser's editor session", () => {
  test("opens on the request's content, redraws on input and ends with the result to send back", () => {
    const s = new BrowserEditorSession({ kind: "editor", editor: "vi", path: "/root/pod.yaml", displayPath: "pod.yaml", content: "a: 1\n" }, { rows: 10, cols: 60 });
    expect(s.open()).toContain('"pod.yaml" 1L, 5B');
    expect(s.input("$")).toContain("\x1b[?1049h");
    s.input("r");
    s.input("2");
    expect(s.result()).toBeUndefined();
    expect(s.input(":wq\r")).toBe("\x1b[?1049l");
    expect(s.result()).toEqual({ path: "/root/pod.yaml", content: "a: 2\n", saved: true });
  });

  test("nano on a new file: type, ^X, Y, Enter", () => {
    const s = new BrowserEditorSession({ kind: "editor", editor: "nano", path: "/root/n.txt", displayPath: "n.txt" }, { rows: 10, cols: 80 });
    expect(s.open()).toContain("[ New File ]");
    s.input("hi");
    s.input("\x18");
    s.input("y");
    expect(s.input("\r")).toBe("\x1b[?1049l");
    expect(s.result()).toEqual({ path: "/root/n.txt", content: "hi\n", saved: true });
  });
});
