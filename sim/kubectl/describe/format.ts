// Shared pieces of describe.go: labels, annotations, taints and tolerations printed multiline,
// RFC 1123Z times, controller references and the "<none>" conventions.

import { humanDuration } from "../../core/duration";
import type { KubeObject } from "../../api/types";
import { LEVEL_0, type PrefixWriter } from "./prefix-writer";

/* eslint-disable @typescript-eslint/no-explicit-any */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** time.RFC1123Z in UTC ("Mon, 02 Jan 2006 15:04:05 +0000"); the zero time for absent values. */
export function rfc1123z(t: string | undefined | null): string {
  if (!t) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(Date.parse(t));
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince. */
export function since(t: string | undefined | null, now: number): string {
  if (!t) return "<unknown>";
  return humanDuration(now - Date.parse(t));
}

export function stringOrNone(s: string | undefined | null): string {
  return s ? s : "<none>";
}

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = "", innerIndent = "\t"): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIPPED_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** printAnnotationsMultiline: long or multi-line values go on their own indented lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    const v = annotations![k].replace(/\n$/, "");
    if (v.length + k.length + 2 > MAX_ANNOTATION_LEN || v.includes("\n")) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of v.split("\n")) w.write(LEVEL_0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + "..." : s}\n`);
    } else {
      w.write(LEVEL_0, `${k}: ${v}\n`);
    }
  });
}

/** Taint.ToString: key=value:effect, key:effect, or key=value when no effect. */
export function taintString(t: any): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: any[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const key = (t: any) => `${t.effect ?? ""},${t.key ?? ""}`;
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: any[] | undefined, initialIndent = ""): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + "\t");
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** printController: "Kind/name" of the controlling owner reference. */
export function controllerOf(o: KubeObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

export function printBool(v: boolean | undefined): string {
  return v ? "True" : "False";
}

export function printBoolPtr(v: boolean | undefined | null): string {
  return v === undefined || v === null ? "<unset>" : printBool(v);
}

/** intstr String(): numbers print as numbers, strings as themselves. */
export function intOrString(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}
