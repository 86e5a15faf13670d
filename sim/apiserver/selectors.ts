// Label and field selectors for list and watch (k8s.io/apimachinery/pkg/labels, pkg/fields).
// A first, simple parser; see label-selector.ts for the exact grammar and errors.

import type { KindInfo } from "../api/kinds";
import type { KubeObject } from "../api/types";
import { parseLabelSelector, type LabelRequirement } from "./label-selector";
import { parseFieldSelector, fieldValue } from "./field-selector";

export function matchesLabels(reqs: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = has ? l[r.key] : undefined;
    switch (r.op) {
      case "exists": return has;
      case "!": return !has;
      case "=": case "==": case "in": return has && r.values.includes(v!);
      case "!=": case "notin": return !has || !r.values.includes(v!);
      case "gt": return has && Number(v) > Number(r.values[0]);
      case "lt": return has && Number(v) < Number(r.values[0]);
    }
  });
}

/** The predicate a list or watch applies: labelSelector and fieldSelector from the query. */
export function objectFilter(k: KindInfo, query: Record<string, string> | undefined): (o: KubeObject) => boolean {
  const labels = parseLabelSelector(query?.labelSelector ?? "");
  const fields = parseFieldSelector(k, query?.fieldSelector ?? "");
  return (o) =>
    matchesLabels(labels, o.metadata.labels) &&
    fields.every((f) => {
      const v = fieldValue(k, o, f.field);
      return f.op === "!=" ? v !== f.value : v === f.value;
    });
}
