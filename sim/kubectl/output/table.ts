// Formats server Tables as kubectl's HumanReadablePrinter does (cli-runtime printers/tableprinter.go:
// decorateTable, printTable): upper-cased headers, priority-1 columns only with -o wide, NAMESPACE
// first with -A, `kind/name` when several kinds print, -L label columns, --show-labels, and rows
// through Go's tabwriter (sim/core/tabwriter.ts).

import type { Table, TableColumnDefinition } from "../../api/types";
import { KUBECTL_TABLE, tabwrite } from "../../core/tabwriter";

export interface TableOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  /** "pod" or "deployment.apps": prefixes the name column (`pod/web`). */
  kindPrefix?: string;
  showLabels?: boolean;
  columnLabels?: string[];
  /** Prepends an EVENT column (--output-watch-events). */
  eventType?: string;
}

interface RowMeta {
  namespace?: string;
  labels?: Record<string, string>;
}

function rowMeta(object: unknown): RowMeta {
  const m = (object as { metadata?: RowMeta } | undefined)?.metadata;
  return m ?? {};
}

/** labels.FormatLabels: sorted k=v joined by commas, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(",") : "<none>";
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  const br = s.search(/[\f\n\r]/);
  return br >= 0 ? `${s.slice(0, br)}...` : s;
}

/** The visible columns and tab-separated rows of one Table, header first unless suppressed. */
export function tableLines(table: Table, opts: TableOptions, includeHeader: boolean): string[] {
  const visible = (c: TableColumnDefinition) => opts.wide || c.priority === 0;
  const defs = table.columnDefinitions;
  const nameIdx = opts.kindPrefix ? defs.findIndex((c) => c.format === "name" && c.type === "string") : -1;
  const labelHeaders = (opts.columnLabels ?? []).map((l) => l.split("/").pop()!.toUpperCase());
  const lines: string[] = [];
  if (includeHeader && !opts.noHeaders && table.rows.length > 0) {
    const h: string[] = [];
    if (opts.eventType !== undefined) h.push("EVENT");
    if (opts.withNamespace) h.push("NAMESPACE");
    for (const c of defs) if (visible(c)) h.push(c.name.toUpperCase());
    h.push(...labelHeaders);
    if (opts.showLabels) h.push("LABELS");
    lines.push(h.join("\t"));
  }
  for (const row of table.rows) {
    const meta = rowMeta(row.object);
    const cells: string[] = [];
    if (opts.eventType !== undefined) cells.push(opts.eventType);
    if (opts.withNamespace) cells.push(meta.namespace ?? "");
    defs.forEach((c, i) => {
      if (!visible(c)) return;
      const v = cellText(row.cells[i]);
      cells.push(i === nameIdx ? `${opts.kindPrefix}/${v}` : v);
    });
    for (const l of opts.columnLabels ?? []) cells.push(meta.labels?.[l] ?? "");
    if (opts.showLabels) cells.push(formatLabels(meta.labels));
    lines.push(cells.join("\t"));
  }
  return lines;
}

/** Aligns tab-separated lines as kubectl's tabwriter does. */
export function alignTable(lines: string[]): string {
  if (lines.length === 0) return "";
  return tabwrite(lines.join("\n") + "\n", KUBECTL_TABLE);
}
