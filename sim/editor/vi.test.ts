import { describe, expect, test } from "vitest";
import { createEditor } from "./index";
import { cursorOf, plainRows, type } from "./test-keys";

const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";

function vi(content: string | null = POD, rows = 12, cols = 80) {
  return createEditor({ kind: "vi", path: "pod.yaml", content: content ?? undefined, rows, cols });
}

function lastRow(ed: ReturnType<typeof vi>): string {
  const rows = plainRows(ed.screen());
  return rows[rows.length - 1];
}

describe("vi screen", () => {
  test("opening a file shows its lines, ~ past the end and the file's size in the status line", () => {
    const rows = plainRows(vi().screen());
    expect(rows).toHaveLength(12);
    expect(rows[0]).toBe("apiVersion: v1");
    expect(rows[8]).toBe("~");
    expect(rows[11]).toMatch(/^"pod.yaml" 8L, 98B +1,1 +All$/);
  });

  test("a file that does not exist opens as [New]", () => {
    expect(lastRow(vi(null))).toMatch(/^"pod.yaml" \[New\]/);
  });

  test("the screen uses the alternate screen and places the cursor", () => {
    const ed = type(vi(), "jl");
    expect(ed.screen().startsWith("\x1b[?1049h")).toBe(true);
    expect(cursorOf(ed.screen())).toEqual({ row: 1, col: 1 });
  });

  test("insert mode shows -- INSERT --", () => {
    expect(lastRow(type(vi(), "i"))).toMatch(/^-- INSERT --/);
  });

  test("the view scrolls to keep the cursor on screen", () => {
    const long = Array.from({ length: 40 }, (_, i) => `line${i + 1}`).join("\n") + "\n";
    const ed = type(vi(long, 10), "G");
    const rows = plainRows(ed.screen());
    expect(rows[8]).toBe("line40");
    expect(rows[9]).toMatch(/40,1 +Bot$/);
  });
});

describe("vi insert commands", () => {
  test("i inserts before the cursor and Esc returns to normal mode", () => {
    expect(type(vi("abc\n"), "lix<Esc>").text()).toBe("axbc\n");
  });
  test("a appends after the cursor", () => {
    expect(type(vi("abc\n"), "ax<Esc>").text()).toBe("axbc\n");
  });
  test("A appends at the end of the line", () => {
    expect(type(vi("abc\n"), "A!<Esc>").text()).toBe("abc!\n");
  });
  test("o opens a line below with the YAML indentation", () => {
    expect(type(vi("spec:\n  replicas: 1\n"), "jo  selector: {}<Esc>").text()).toBe("spec:\n  replicas: 1\n    selector: {}\n");
  });
  test("O opens a line above keeping the current line's indentation", () => {
    expect(type(vi("spec:\n  replicas: 1\n"), "jOpaused: false<Esc>").text()).toBe("spec:\n  paused: false\n  replicas: 1\n");
  });
  test("Enter keeps the indentation and indents two more after a key that opens a block", () => {
    const ed = type(vi("metadata:\n"), "A<CR>labels:<CR>app: web<CR>tier: fe<Esc>");
    expect(ed.text()).toBe("metadata:\n  labels:\n    app: web\n    tier: fe\n");
  });
  test("Enter after a list item lines the next key up with the item's first key", () => {
    const ed = type(vi("  - name: web\n"), "A<CR>image: nginx<Esc>");
    expect(ed.text()).toBe("  - name: web\n    image: nginx\n");
  });
  test("typing - first on a line lines the new item up with the list's previous item (yaml.vim indentkeys)", () => {
    const ed = type(vi("spec:\n  containers:\n  - name: a\n    image: b\n"), "Go- name: c<Esc>");
    expect(ed.text()).toBe("spec:\n  containers:\n  - name: a\n    image: b\n  - name: c\n");
  });
  test("Backspace at the start of a line joins it to the previous one", () => {
    expect(type(vi("ab\ncd\n"), "ji<BS><Esc>").text()).toBe("abcd\n");
  });
  test("pasted text is inserted as is, without auto-indent", () => {
    const ed = vi("a:\n");
    type(ed, "o");
    ed.key({ paste: "x: 1\ny: 2" });
    type(ed, "<Esc>");
    expect(ed.text()).toBe("a:\n  x: 1\ny: 2\n");
  });
});

describe("vi deleting, yanking and putting", () => {
  test("x deletes the character under the cursor, with a count", () => {
    expect(type(vi("abcdef\n"), "l3x").text()).toBe("aef\n");
  });
  test("dd deletes a line and 3dd three, reporting 3 fewer lines", () => {
    expect(type(vi("1\n2\n3\n4\n"), "dd").text()).toBe("2\n3\n4\n");
    const ed = type(vi("1\n2\n3\n4\n"), "3dd");
    expect(ed.text()).toBe("4\n");
    expect(lastRow(ed)).toMatch(/^3 fewer lines/);
  });
  test("yy then p puts the line below, P above", () => {
    expect(type(vi("a\nb\n"), "yyjp").text()).toBe("a\nb\na\n");
    expect(type(vi("a\nb\n"), "yyjP").text()).toBe("a\na\nb\n");
  });
  test("3yy reports 3 lines yanked and p puts them all", () => {
    const ed = type(vi("1\n2\n3\n"), "3yy");
    expect(lastRow(ed)).toMatch(/^3 lines yanked/);
    type(ed, "Gp");
    expect(ed.text()).toBe("1\n2\n3\n1\n2\n3\n");
  });
  test("dd then p moves a line down", () => {
    expect(type(vi("a\nb\nc\n"), "ddp").text()).toBe("b\na\nc\n");
  });
  test("x then p swaps two characters", () => {
    expect(type(vi("ab\n"), "xp").text()).toBe("ba\n");
  });
});

describe("vi other edits", () => {
  test("dw deletes a word, D to the end of the line, cc changes the whole line keeping its indent", () => {
    expect(type(vi("image: nginx\n"), "dw").text()).toBe(": nginx\n");
    expect(type(vi("image: nginx\n"), "wD").text()).toBe("image\n");
    expect(type(vi("  image: nginx\n"), "ccport: 80<Esc>").text()).toBe("  port: 80\n");
  });
  test("r replaces the character under the cursor, 3r three of them", () => {
    expect(type(vi("replicas: 1\n"), "$r3").text()).toBe("replicas: 3\n");
    expect(type(vi("abcd\n"), "3rx").text()).toBe("xxxd\n");
  });
  test("?pattern searches backwards", () => {
    const ed = type(vi("name: a\nimage: x\nname: b\n"), "G?name<CR>");
    expect(cursorOf(ed.screen())).toEqual({ row: 0, col: 0 });
  });
  test(":set paste turns auto-indent off", () => {
    expect(type(vi("spec:\n"), ":set paste<CR>A<CR>x: 1<Esc>").text()).toBe("spec:\nx: 1\n");
  });
});

describe("vi undo and redo", () => {
  test("u undoes the last change and Ctrl-R redoes it", () => {
    const ed = type(vi("a\nb\n"), "dd");
    type(ed, "u");
    expect(ed.text()).toBe("a\nb\n");
    expect(lastRow(ed)).toMatch(/^1 more line; before #1/);
    type(ed, "<C-r>");
    expect(ed.text()).toBe("b\n");
  });
  test("a whole insert session is one undo step", () => {
    expect(type(vi("x\n"), "Ahello<CR>world<Esc>u").text()).toBe("x\n");
  });
  test("undo with nothing to undo says Already at oldest change", () => {
    expect(lastRow(type(vi(), "u"))).toMatch(/^Already at oldest change/);
    expect(lastRow(type(vi(), "<C-r>"))).toMatch(/^Already at newest change/);
  });
});

describe("vi motions", () => {
  const at = (ed: ReturnType<typeof vi>) => cursorOf(ed.screen());
  test("w, b and e move by words", () => {
    const ed = vi("image: nginx:1.25 # web\n");
    expect(at(type(ed, "w"))).toEqual({ row: 0, col: 5 });
    expect(at(type(ed, "w"))).toEqual({ row: 0, col: 7 });
    expect(at(type(ed, "e"))).toEqual({ row: 0, col: 11 });
    expect(at(type(ed, "b"))).toEqual({ row: 0, col: 7 });
  });
  test("w crosses to the next line", () => {
    expect(at(type(vi("ab\ncd\n"), "w"))).toEqual({ row: 1, col: 0 });
  });
  test("0 and $ go to the start and end of the line", () => {
    const ed = vi("hello world\n");
    expect(at(type(ed, "$"))).toEqual({ row: 0, col: 10 });
    expect(at(type(ed, "0"))).toEqual({ row: 0, col: 0 });
  });
  test("gg, G, 3G and 5j move between lines", () => {
    const ed = vi("1\n2\n3\n4\n5\n6\n7\n");
    expect(at(type(ed, "G")).row).toBe(6);
    expect(at(type(ed, "gg")).row).toBe(0);
    expect(at(type(ed, "3G")).row).toBe(2);
    expect(at(type(ed, "gg5j")).row).toBe(5);
    expect(at(type(ed, "2k")).row).toBe(3);
  });
  test("arrow keys move in normal and insert mode", () => {
    const ed = vi("abc\ndef\n");
    expect(at(type(ed, "<Down><Right>"))).toEqual({ row: 1, col: 1 });
    type(ed, "i<Up>X<Esc>");
    expect(ed.text()).toBe("aXbc\ndef\n");
  });
  test(":N goes to line N", () => {
    expect(at(type(vi(), ":4<CR>"))).toEqual({ row: 3, col: 2 });
  });
});

describe("vi search", () => {
  test("/pattern jumps to the next match, n repeats and N goes back", () => {
    const ed = vi("name: a\nimage: x\nname: b\n");
    type(ed, "/name<CR>");
    expect(cursorOf(ed.screen())).toEqual({ row: 2, col: 0 });
    expect(lastRow(ed)).toMatch(/^\/name/);
    type(ed, "n");
    expect(cursorOf(ed.screen())).toEqual({ row: 0, col: 0 });
    expect(lastRow(ed)).toMatch(/^search hit BOTTOM, continuing at TOP/);
    type(ed, "N");
    expect(cursorOf(ed.screen())).toEqual({ row: 2, col: 0 });
  });
  test("a pattern that is nowhere gives E486", () => {
    expect(lastRow(type(vi(), "/nothere<CR>"))).toMatch(/^E486: Pattern not found: nothere /);
  });
});

describe("vi visual line mode", () => {
  test("V with j then d deletes the selected lines", () => {
    const ed = type(vi("1\n2\n3\n4\n"), "jVjd");
    expect(ed.text()).toBe("1\n4\n");
  });
  test("V then y yanks the lines and p puts them", () => {
    expect(type(vi("a\nb\nc\n"), "VjyGp").text()).toBe("a\nb\nc\na\nb\n");
  });
  test("visual line mode shows -- VISUAL LINE --", () => {
    expect(lastRow(type(vi(), "V"))).toMatch(/^-- VISUAL LINE --/);
  });
});

describe("vi writing and quitting", () => {
  test(":w writes and reports lines and bytes, :q then quits", () => {
    const ed = type(vi("a\n"), "Ab<Esc>:w<CR>");
    expect(lastRow(ed)).toMatch(/^"pod.yaml" 1L, 3B written/);
    expect(ed.outcome()).toBeUndefined();
    type(ed, ":q<CR>");
    expect(ed.outcome()).toEqual({ saved: true, content: "ab\n", writes: 1 });
  });
  test(":q with unsaved changes refuses with E37", () => {
    const ed = type(vi("a\n"), "x:q<CR>");
    expect(lastRow(ed)).toMatch(/^E37: No write since last change \(add ! to override\) /);
    expect(ed.outcome()).toBeUndefined();
  });
  test(":q! quits without saving", () => {
    expect(type(vi("a\n"), "x:q!<CR>").outcome()).toEqual({ saved: false, content: "a\n", writes: 0 });
  });
  test(":wq writes and quits", () => {
    expect(type(vi("a\n"), "x:wq<CR>").outcome()).toEqual({ saved: true, content: "", writes: 1 });
  });
  test(":x writes only when something changed", () => {
    expect(type(vi("a\n"), ":x<CR>").outcome()).toEqual({ saved: false, content: "a\n", writes: 0 });
    expect(type(vi("a\n"), "Ab<Esc>:x<CR>").outcome()).toEqual({ saved: true, content: "ab\n", writes: 1 });
  });
  test("ZZ writes a changed buffer and quits", () => {
    expect(type(vi("a\n"), "Ab<Esc>ZZ").outcome()?.content).toBe("ab\n");
  });
  test("writing a new file says [New]", () => {
    expect(lastRow(type(vi(null), "ihi<Esc>:w<CR>"))).toMatch(/^"pod.yaml" \[New\] 1L, 3B written/);
  });
  test("an unknown command gives E492", () => {
    expect(lastRow(type(vi(), ":foo<CR>"))).toMatch(/^E492: Not an editor command: foo /);
  });
  test(":set nu shows line numbers", () => {
    expect(plainRows(type(vi("a\n"), ":set nu<CR>").screen())[0]).toBe("  1 a");
  });
  test("undoing back to the saved text lets :q quit", () => {
    expect(type(vi("a\n"), "xu:q<CR>").outcome()?.saved).toBe(false);
  });
});
