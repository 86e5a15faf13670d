import { describe, expect, test } from "vitest";
import type { Table } from "../../api/types";
import { sortObjects, sortTableRows } from "./sort";

function table(objects: Record<string, unknown>[]): Table {
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: {},
    columnDefinitions: [{ name: "Name", type: "string", format: "name", description: "", priority: 0 }],
    rows: objects.map((o) => ({ cells: [(o.metadata as { name: string }).name], object: o })),
  } as Table;
}

const pod = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name }, ...extra });

describe("--sort-by on tables and lists (kubectl get/sorter.go)", () => {
  test("a table whose rows all lack the field is not printed (kubectl v1.32 drops the sorting printer's error)", () => {
    expect(sortTableRows(table([pod("a"), pod("b")]), ".spec.nope")).toBe(false);
  });

  test("a one-row table is printed unsorted even when the field is missing", () => {
    const t = table([pod("a")]);
    expect(sortTableRows(t, ".spec.nope")).toBe(true);
    expect(t.rows).toHaveLength(1);
  });

  test("strings that parse as quantities compare as quantities; other strings in natural order", () => {
    const cpu = (name: string, v: string) => pod(name, { spec: { cpu: v } });
    const t = table([cpu("a", "1"), cpu("b", "100m"), cpu("c", "250m"), cpu("d", "2")]);
    sortTableRows(t, ".spec.cpu");
    expect(t.rows.map((r) => r.cells[0])).toEqual(["b", "c", "a", "d"]);
    const names = sortObjects([pod("web-10"), pod("web-9"), pod("web-1")], ".metadata.name").map((o) => o.metadata.name);
    expect(names).toEqual(["web-1", "web-9", "web-10"]);
  });

  test("objects (-o name/yaml) without the field anywhere are an error, as the real kubectl prints it", () => {
    expect(() => sortObjects([pod("a"), pod("b")], ".spec.nope")).toThrow('couldn\'t find any field with path "{.spec.nope}" in the list of objects');
  });
});
