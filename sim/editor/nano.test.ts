import { describe, expect, test } from "vitest";
import { createEditor } from "./index";
import { cursorOf, plainRows, type } from "./test-keys";

function nano(content: string | null = "apiVersion: v1\nkind: Pod\n", rows = 12, cols = 80) {
  return createEditor({ kind: "nano", path: "pod.yaml", content: content ?? undefined, rows, cols });
}

const rowsOf = (ed: ReturnType<typeof nano>) => plainRows(ed.screen());
const statusOf = (ed: ReturnType<typeof nano>) => rowsOf(ed).at(-3)!.trim();

describe("nano screen", () => {
  test("the title bar names nano and the file, the status reads the lines, two shortcut rows follow", () => {
    const rows = rowsOf(nano());
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatch(/^ {2}GNU nano 7\.2 +pod\.yaml +$/);
    expect(rows[1]).toBe("apiVersion: v1");
    expect(rows[9].trim()).toBe("[ Read 2 lines ]");
    expect(rows[10]).toMatch(/^\^G Help +\^O Write Out +\^W Where Is +\^K Cut +\^T Execute +\^C Location/);
    expect(rows[11]).toMatch(/^\^X Exit +\^R Read File +\^\\ Replace +\^U Paste +\^J Justify +\^\/ Go To Line/);
  });
  test("a new file says [ New File ] and a change shows Modified in the title bar", () => {
    const ed = nano(null);
    expect(statusOf(ed)).toBe("[ New File ]");
    type(ed, "x");
    expect(rowsOf(ed)[0]).toMatch(/Modified {2}$/);
  });
});

describe("nano editing", () => {
  test("typed text goes in at the cursor and arrows move it", () => {
    const ed = type(nano("ab\ncd\n"), "<Right>X<Down>Y");
    expect(ed.text()).toBe("aXb\ncdY\n");
    expect(cursorOf(ed.screen())).toEqual({ row: 2, col: 3 });
  });
  test("Enter keeps the indentation, two more after a YAML block key", () => {
    const ed = nano("spec:\n");
    type(ed, "<Down><Up>");
    ed.key({ key: "End" });
    type(ed, "<CR>replicas: 2<CR>paused: false");
    expect(ed.text()).toBe("spec:\n  replicas: 2\n  paused: false\n");
  });
  test("Backspace at the start of a line joins it to the previous one", () => {
    expect(type(nano("ab\ncd\n"), "<Down><BS>").text()).toBe("abcd\n");
  });
});

describe("nano cut and paste", () => {
  test("^K cuts the line and ^U pastes it back elsewhere", () => {
    const ed = type(nano("a\nb\nc\n"), "<C-k><Down><C-u>");
    expect(ed.text()).toBe("b\na\nc\n");
  });
  test("consecutive ^K cuts gather in one cutbuffer", () => {
    const ed = type(nano("a\nb\nc\nd\n"), "<C-k><C-k><Down><C-u>");
    expect(ed.text()).toBe("c\na\nb\nd\n");
  });
});

describe("nano search", () => {
  test("^W finds the next occurrence; an empty answer repeats the last search", () => {
    const ed = type(nano("name: a\nimage: x\nname: b\n"), "<C-w>name<CR>");
    expect(cursorOf(ed.screen())).toEqual({ row: 3, col: 0 });
    type(ed, "<C-w>");
    expect(rowsOf(ed).at(-3)).toMatch(/^Search \[name\]: /);
    type(ed, "<CR>");
    expect(cursorOf(ed.screen())).toEqual({ row: 1, col: 0 });
    expect(statusOf(ed)).toBe("[ Search Wrapped ]");
  });
  test("a missing word is reported as not found", () => {
    expect(statusOf(type(nano(), "<C-w>zzz<CR>"))).toBe('[ "zzz" not found ]');
  });
});

describe("nano writing and exiting", () => {
  test("^O asks for the file name and Enter writes it", () => {
    const ed = type(nano("a\n"), "b<C-o>");
    expect(rowsOf(ed).at(-3)).toMatch(/^File Name to Write: pod\.yaml/);
    expect(rowsOf(ed).at(-1)).toMatch(/\^C Cancel/);
    type(ed, "<CR>");
    expect(statusOf(ed)).toBe("[ Wrote 1 line ]");
    type(ed, "<C-x>");
    expect(ed.outcome()).toEqual({ saved: true, content: "ba\n", writes: 1 });
  });
  test("^C at the file name prompt cancels the write", () => {
    const ed = type(nano("a\n"), "b<C-o><C-c>");
    expect(statusOf(ed)).toBe("[ Cancelled ]");
    expect(ed.outcome()).toBeUndefined();
  });
  test("^X on an unchanged buffer exits at once", () => {
    expect(type(nano("a\n"), "<C-x>").outcome()).toEqual({ saved: false, content: "a\n", writes: 0 });
  });
  test("^X on a changed buffer asks Save modified buffer?; Y then Enter writes and exits", () => {
    const ed = type(nano("a\n"), "b<C-x>");
    expect(rowsOf(ed).at(-3)).toMatch(/^Save modified buffer\? /);
    expect(rowsOf(ed).at(-2)).toBe(" Y Yes");
    type(ed, "y");
    expect(rowsOf(ed).at(-3)).toMatch(/^File Name to Write: pod\.yaml/);
    type(ed, "<CR>");
    expect(ed.outcome()).toEqual({ saved: true, content: "ba\n", writes: 1 });
  });
  test("N at Save modified buffer? exits without saving", () => {
    expect(type(nano("a\n"), "b<C-x>n").outcome()).toEqual({ saved: false, content: "a\n", writes: 0 });
  });
  test("^C at Save modified buffer? returns to the text", () => {
    const ed = type(nano("a\n"), "b<C-x><C-c>");
    expect(ed.outcome()).toBeUndefined();
    expect(ed.text()).toBe("ba\n");
  });
});
