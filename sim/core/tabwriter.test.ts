import { describe, expect, test } from "vitest";
import { FLAGS, KUBECTL_DESCRIBE, KUBECTL_TABLE, TabWriter, tabwrite } from "./tabwriter";

const { AlignRight, DiscardEmptyColumns, Debug } = FLAGS;

// Cases from golang/go src/text/tabwriter/tabwriter_test.go (those without HTML or Escape).
const cases: [string, number, number, number, string, number, string, string][] = [
  ["1a", 8, 0, 1, ".", 0, "", ""],
  ["2", 8, 0, 1, ".", 0, "\n\n\n", "\n\n\n"],
  ["3", 8, 0, 1, ".", 0, "a\nb\nc", "a\nb\nc"],
  ["4a", 8, 0, 1, ".", 0, "\t", ""],
  ["4b", 8, 0, 1, ".", AlignRight, "\t", ""],
  ["5", 8, 0, 1, ".", 0, "*\t*", "*.......*"],
  ["5b", 8, 0, 1, ".", 0, "*\t*\n", "*.......*\n"],
  ["5c", 8, 0, 1, ".", 0, "*\t*\t", "*.......*"],
  ["5c debug", 8, 0, 1, ".", Debug, "*\t*\t", "*.......|*"],
  ["5d", 8, 0, 1, ".", AlignRight, "*\t*\t", ".......**"],
  ["6", 8, 0, 1, ".", 0, "\t\n", "........\n"],
  ["7a", 8, 0, 1, ".", 0, "a) foo", "a) foo"],
  ["7b", 8, 0, 1, " ", 0, "b) foo\tbar", "b) foo  bar"],
  ["7c", 8, 0, 1, ".", 0, "c) foo\tbar\t", "c) foo..bar"],
  ["7d", 8, 0, 1, ".", 0, "d) foo\tbar\n", "d) foo..bar\n"],
  ["7e", 8, 0, 1, ".", 0, "e) foo\tbar\t\n", "e) foo..bar.....\n"],
  ["8", 8, 0, 1, "*", 0, "Hello, world!\n", "Hello, world!\n"],
  ["9a", 1, 0, 0, ".", 0, "1\t2\t3\t4\n11\t222\t3333\t44444\n", "1.2..3...4\n11222333344444\n"],
  ["9c", 1, 0, 0, ".", 0, "1\t2\t3\t4\f11\t222\t3333\t44444\n", "1234\n11222333344444\n"],
  ["10a", 5, 0, 0, ".", 0, "1\t2\t3\t4\n", "1....2....3....4\n"],
  ["10b", 5, 0, 0, ".", 0, "1\t2\t3\t4\t\n", "1....2....3....4....\n"],
  ["11", 8, 0, 1, ".", 0, "本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n", "本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n"],
  ["12a", 8, 0, 1, " ", AlignRight, "a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n", "       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n"],
  ["12b", 2, 0, 0, " ", 0, "a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n", "a  b  c\naa bbbcccc\naaabbbb\n"],
  ["13a", 4, 0, 1, "-", 0,
    "4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
    "4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n"],
  ["13b", 4, 0, 3, ".", 0,
    "4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
    "4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n"],
  ["14", 1, 0, 2, " ", AlignRight,
    ".0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t",
    "    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3"],
  ["15a", 4, 0, 0, ".", 0, "a\t\tb", "a.......b"],
  ["15b", 4, 0, 0, ".", DiscardEmptyColumns, "a\t\tb", "a.......b"],
  ["15c", 4, 0, 0, ".", DiscardEmptyColumns, "a\v\vb", "a...b"],
  ["15d", 4, 0, 0, ".", AlignRight | DiscardEmptyColumns, "a\v\vb", "...ab"],
  ["16a", 100, 100, 0, "\t", 0, "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n", "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n"],
  ["16b", 100, 100, 0, "\t", DiscardEmptyColumns, "a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n", "a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n"],
  ["16b debug", 100, 100, 0, "\t", DiscardEmptyColumns | Debug, "a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n", "a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n"],
  ["16c debug", 100, 100, 0, "\t", DiscardEmptyColumns | Debug, "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n", "a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n"],
];

describe("Go text/tabwriter compatibility", () => {
  test.each(cases)("case %s formats as Go does, written at once or piece by piece", (_n, minwidth, tabwidth, padding, padchar, flags, src, want) => {
    expect(tabwrite(src, { minwidth, tabwidth, padding, padchar, flags })).toBe(want);
    const w = new TabWriter({ minwidth, tabwidth, padding, padchar, flags });
    for (const ch of src) w.write(ch);
    expect(w.flush()).toBe(want);
  });
});

describe("kubectl settings", () => {
  test("kubectl get aligns every column but the last with three spaces and a minimum of six", () => {
    const out = tabwrite("NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb\t1/1\tRunning\t0\t5s\n", KUBECTL_TABLE);
    expect(out).toBe("NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5s\n");
  });

  test("remembered widths keep a watch's later rows aligned with its header", () => {
    const w = new TabWriter(KUBECTL_TABLE);
    w.write("NAME\tREADY\tSTATUS\nlonger-name\t1/1\tRunning\n");
    expect(w.flush()).toBe("NAME          READY   STATUS\nlonger-name   1/1     Running\n");
    w.write("a\t0/1\tPending\n");
    expect(w.flush()).toBe("a             0/1     Pending\n");
  });

  test("describe lines without tabs break the alignment of the blocks around them", () => {
    const out = tabwrite("Name:\tweb\nNamespace:\tdefault\nContainers:\n  c:\n    Image:\tnginx\n    Port:\t<none>\n", KUBECTL_DESCRIBE);
    expect(out).toBe("Name:       web\nNamespace:  default\nContainers:\n  c:\n    Image:  nginx\n    Port:   <none>\n");
  });
});
