// --sort-by (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go): a JSONPath per object, compared
// as numbers, or as strings in natural order (vbom.ml/util/sortorder.NaturalLess).

import type { Table } from "../../api/types";
import { kubectlError } from "../framework/errors";
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

function less(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b !== undefined && b !== null;
  if (b === undefined || b === null) return false;
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return naturalLess(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return !a && b;
  return JSON.stringify(a) < JSON.stringify(b);
}

function sortBy<T>(items: T[], key: (x: T) => unknown): T[] {
  const keyed = items.map((x, i) => ({ x, k: key(x), i }));
  keyed.sort((p, q) => (less(p.k, q.k) ? -1 : less(q.k, p.k) ? 1 : p.i - q.i));
  return keyed.map((e) => e.x);
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

/** Sorts a Table's rows by the field of each row's object (get.go TableSorter). */
export function sortTableRows(table: Table, field: string): void {
  const jp = parseSortBy(field);
  requireSomeField(field, jp, table.rows.map((r) => r.object));
  table.rows = sortBy(table.rows, (r) => firstValue(jp, r.object));
}
