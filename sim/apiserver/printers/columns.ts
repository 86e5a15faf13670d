// Column definitions and cell helpers shared by the per-kind printers
// (pkg/printers/internalversion/printers.go AddHandlers and its helpers).

import { age } from "../../core/duration";
import type { KubeObject, TableColumnDefinition } from "../../api/types";

/** One printed row: its cells (wide ones included, as the server always prints with Wide=true). */
export interface PrintedRow {
  cells: unknown[];
  conditions?: { type: string; status: string; reason: string; message: string }[];
}

export interface Printer {
  columns: TableColumnDefinition[];
  print(o: KubeObject, now: number): PrintedRow;
}

// metav1.ObjectMeta{}.SwaggerDoc() texts, as the server puts them in column definitions.
export const NAME_DOC =
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
export const CREATION_DOC =
  "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
export const CONTAINERS_DOC = "Names of each container in the template.";
export const IMAGES_DOC = "Images referenced by each container in the template.";

export function col(name: string, type: string, description: string, priority = 0, format = ""): TableColumnDefinition {
  return { name, type, format, description, priority };
}

export const nameCol = (): TableColumnDefinition => col("Name", "string", NAME_DOC, 0, "name");
export const ageCol = (): TableColumnDefinition => col("Age", "string", CREATION_DOC);

/** translateTimestampSince: "<unknown>" for a zero time, else duration.HumanDuration. */
export function since(timestamp: string | undefined | null, now: number): string {
  return age(timestamp, now);
}

export function ageOf(o: KubeObject, now: number): string {
  return since(o.metadata.creationTimestamp, now);
}

/** layoutContainerCells: names and images joined by commas. */
export function containerCells(containers: { name?: string; image?: string }[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name ?? "").join(","), cs.map((c) => c.image ?? "").join(",")];
}

/** labels.FormatLabels: sorted "k=v" pairs joined by commas, "<none>" when empty. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${m![k]}`).join(",");
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.LabelSelectorAsSelector(s).String(): requirements sorted by key; "" for an empty selector. */
export function selectorString(s: LabelSelector | undefined | null): string {
  if (!s) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of s.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort().join(",");
    const text =
      e.operator === "In" ? `${e.key} in (${values})`
      : e.operator === "NotIn" ? `${e.key} notin (${values})`
      : e.operator === "Exists" ? e.key
      : e.operator === "DoesNotExist" ? `!${e.key}`
      : `${e.key} ${e.operator} (${values})`;
    reqs.push({ key: e.key, text });
  }
  // Go's sort.Sort(ByKey) is not stable; requirements with equal keys are rare.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: "<none>" for nil or empty selectors. */
export function formatLabelSelector(s: LabelSelector | undefined | null): string {
  if (!s) return "<none>";
  const text = selectorString(s);
  return text === "" ? "<none>" : text;
}

/** "a,b,c + N more..." as listWithMoreString; "<unset>" when empty. */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

/** printBoolPtr. */
export function boolPtr(v: boolean | undefined | null): string {
  if (v === undefined || v === null) return "<unset>";
  return v ? "True" : "False";
}

/** net.JoinHostPort. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}
