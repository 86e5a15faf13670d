import { describe, expect, test } from "vitest";
import { goSorted } from "./go-sort";

// Recorded from the real kubectl v1.32.5: 60 pods p1..p60 labelled grp=g(i % 3) and 20 pods of a
// Deployment without the label, listed in the server's name order, then
// `kubectl get pods -o name --sort-by=.metadata.labels.grp`. Rows without the field are "less"
// than anything (sorter.go), which makes the comparator inconsistent and the order very sensitive
// to the exact algorithm: breakPatterns, the ninther pivot and partial insertion sort all run here.
const INPUT = "p1 p10 p11 p12 p13 p14 p15 p16 p17 p18 p19 p2 p20 p21 p22 p23 p24 p25 p26 p27 p28 p29 p3 p30 p31 p32 p33 p34 p35 p36 p37 p38 p39 p4 p40 p41 p42 p43 p44 p45 p46 p47 p48 p49 p5 p50 p51 p52 p53 p54 p55 p56 p57 p58 p59 p6 p60 p7 p8 p9 web-c87bbd489-2qfh2 web-c87bbd489-487zm web-c87bbd489-4nk2h web-c87bbd489-9stgk web-c87bbd489-bxqz8 web-c87bbd489-d9qx4 web-c87bbd489-hmss5 web-c87bbd489-hrqhw web-c87bbd489-kg5cj web-c87bbd489-lk8wp web-c87bbd489-lx4ps web-c87bbd489-n7t5q web-c87bbd489-nfjpc web-c87bbd489-q6ftw web-c87bbd489-qp2jj web-c87bbd489-rplnd web-c87bbd489-sbkl8 web-c87bbd489-st9tc web-c87bbd489-xzs2d web-c87bbd489-zqmlj".split(" ");
const REAL_ORDER = "web-c87bbd489-nfjpc web-c87bbd489-4nk2h web-c87bbd489-487zm web-c87bbd489-zqmlj web-c87bbd489-d9qx4 web-c87bbd489-9stgk web-c87bbd489-lk8wp web-c87bbd489-st9tc web-c87bbd489-hrqhw web-c87bbd489-q6ftw web-c87bbd489-bxqz8 web-c87bbd489-n7t5q web-c87bbd489-lx4ps web-c87bbd489-xzs2d web-c87bbd489-sbkl8 web-c87bbd489-2qfh2 web-c87bbd489-rplnd web-c87bbd489-kg5cj web-c87bbd489-qp2jj web-c87bbd489-hmss5 p12 p54 p3 p30 p24 p21 p33 p48 p45 p27 p18 p9 p39 p60 p6 p57 p42 p36 p51 p15 p28 p25 p46 p49 p10 p13 p16 p52 p19 p43 p55 p22 p1 p58 p31 p40 p4 p7 p34 p37 p38 p35 p8 p32 p59 p29 p41 p26 p47 p23 p56 p20 p2 p53 p17 p44 p14 p50 p11 p5".split(" ");

function group(name: string): string | undefined {
  const m = /^p(\d+)$/.exec(name);
  return m ? `g${Number(m[1]) % 3}` : undefined;
}

/** sorter.go Less: a missing value is less than anything. */
function less(a: string, b: string): boolean {
  const ga = group(a);
  const gb = group(b);
  if (ga === undefined) return true;
  if (gb === undefined) return false;
  return ga < gb;
}

describe("Go's sort.Sort (pdqsort) as kubectl runs it", () => {
  test("equal keys come out in the order the real kubectl prints for 80 rows", () => {
    expect(goSorted(INPUT, less)).toEqual(REAL_ORDER);
  });

  test("up to 12 rows are insertion-sorted, so ties keep their input order", () => {
    const rows = ["a1", "b1", "a2", "c1", "b2", "a3", "c2", "b3", "a4", "c3", "b4", "a5"];
    expect(goSorted(rows, (x, y) => x[0] < y[0])).toEqual(["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "c1", "c2", "c3"]);
  });

  test("larger inputs with distinct keys come out fully sorted, in any starting order", () => {
    for (const n of [13, 49, 50, 51, 200, 1000]) {
      const xs = Array.from({ length: n }, (_, i) => (i * 7919) % n);
      expect(goSorted(xs, (a, b) => a < b)).toEqual(Array.from({ length: n }, (_, i) => i));
      const desc = Array.from({ length: n }, (_, i) => n - 1 - i);
      expect(goSorted(desc, (a, b) => a < b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});
