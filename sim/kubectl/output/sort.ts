// --sort-by (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go): a JSONPath per object, compared
// as numbers, quantities, or strings in natural order (github.com/fvbommel/sortorder.NaturalLess),
// with Go's unstable sort.Sort (go-sort.ts).

import type { Table } from "../../api/types";
import { kubectlError } from "../framework/errors";
import { quantityNanos } from "../../api/defaults/quantity";
import { goSorted } from "./go-sort";
import { findJsonPathResults, parseJsonPath, relaxedJsonPath, type JsonPath } from "./jsonpath";

function parseSortBy(field: string): JsonPath {
  try {
    return parseJsonPath(relaxedJsonPath(field));
  } catch (e) {
    throw kubectlError((e as Error).message);
  }
}

function firstValue(jp: JsonPath, obj: unknown): unknown {
  try {
    const r = findJsonPathResults(jp, obj, { allowMissingKeys: true });
    return r.length && r[0].length ? r[0][0] : undefined;
  } catch {
    return undefined;
  }
}

/** sortorder.NaturalLess: digit runs compare as numbers, the rest byte-wise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    const da = ca >= "0" && ca <= "9";
    const db = cb >= "0" && cb <= "9";
    if (da && db) {
      let ei = i;
      while (ei < a.length && a[ei] === "0") ei++;
      let ej = j;
      while (ej < b.length && b[ej] === "0") ej++;
      let si = ei;
      while (si < a.length && a[si] >= "0" && a[si] <= "9") si++;
      let sj = ej;
      while (sj < b.length && b[sj] >= "0" && b[sj] <= "9") sj++;
      const na = a.slice(ei, si);
      const nb = b.slice(ej, sj);
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (si - i !== sj - j) return si - i < sj - j;
      i = si;
      j = sj;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

/** sorter.go isLess on two present values (unstructured JSON: strings, int64, float64). */
function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") {
    // Strings that both parse as resource.Quantity ("100m", "1Gi") compare as quantities.
    const qa = quantityNanos(a);
    const qb = quantityNanos(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return naturalLess(a, b);
  }
  if (typeof a === "boolean" && typeof b === "boolean") return !a && b;
  return JSON.stringify(a) < JSON.stringify(b);
}

/** TableSorter.Less / RuntimeSort.Less: a row without the field is "less" than anything, even another such row. */
function less(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return true;
  if (b === undefined || b === null) return false;
  return isLess(a, b);
}

/** sort.Sort over the keys (not stable: ties come out as Go's pdqsort leaves them). */
function sortBy<T>(items: T[], key: (x: T) => unknown): T[] {
  const keyed = items.map((x) => ({ x, k: key(x) }));
  return goSorted(keyed, (p, q) => less(p.k, q.k)).map((e) => e.x);
}

function requireSomeField(field: string, jp: JsonPath, objects: unknown[]): void {
  if (objects.length === 0) return;
  if (objects.every((o) => firstValue(jp, o) === undefined)) {
    throw kubectlError(`couldn't find any field with path "${jp.template}" in the list of objects`);
  }
  void field;
}

export function sortObjects<T>(items: T[], field: string): T[] {
  const jp = parseSortBy(field);
  requireSomeField(field, jp, items);
  return sortBy(items, (o) => firstValue(jp, o));
}

/**
 * Sorts a Table's rows by the field of each row's object, as the SortingPrinter that wraps the
 * human-readable printer does (get/sorter.go): a table of one row is left alone, and when no row
 * has the field the printer fails, kubectl v1.32 drops that error and prints nothing for the table
 * (then "No resources found"). Returns false when the table must not be printed.
 */
export function sortTableRows(table: Table, field: string): boolean {
  const jp = parseSortBy(field);
  if (table.rows.length <= 1) return true;
  const keys = table.rows.map((r) => firstValue(jp, r.object));
  if (keys.every((k) => k === undefined)) return false;
  const keyed = table.rows.map((r, i) => ({ r, k: keys[i] }));
  table.rows = goSorted(keyed, (p, q) => less(p.k, q.k)).map((e) => e.r);
  return true;
}
