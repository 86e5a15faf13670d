import { describe, expect, test } from "vitest";
import { BrowserEditorSession } from "@/sim/index";
import { filterEditorFrame } from "./editor-frame";

const request = (content: string) => ({ kind: "editor" as const, editor: "vi" as const, path: "/root/pod.yaml", displayPath: "pod.yaml", content });

describe("editor frames in the browser", () => {
  test("the editors' own sequences pass: alternate screen, cursor moves, erase, colours", () => {
    const f = "\x1b[?1049h\x1b[H\x1b[1;1H\x1b[2Kabc\x1b[7m~\x1b[0m\x1b[24;80H\x1b[?1049l";
    expect(filterEditorFrame(f)).toBe(f);
  });

  test("other sequences and control characters are dropped", () => {
    expect(filterEditorFrame("a\x1b]0;title\x07b\x1bPq\x1b\\c\x1b[?1000hd\x9be")).toBe("a]0;titlebPq\\cde");
  });

  test("an ESC inside a file's content reaches xterm as a visible symbol, not as a sequence", () => {
    const s = new BrowserEditorSession(request("name: x\x1b]0;pwned\x07\n"), { rows: 10, cols: 40 });
    const frame = s.open();
    expect(frame).not.toContain("\x1b]0;");
    expect(frame).toContain("name: x\u241b]0;pwned\u2407");
  });

  test("the session returns the edited content when vi writes and quits", () => {
    const s = new BrowserEditorSession(request("replicas: 1\n"), { rows: 10, cols: 40 });
    s.open();
    s.input("$");
    s.input("r3");
    expect(s.result()).toBeUndefined();
    expect(s.input(":wq\r")).toBe("\x1b[?1049l");
    expect(s.result()).toEqual({ path: "/root/pod.yaml", content: "replicas: 3\n", saved: true });
  });
});
