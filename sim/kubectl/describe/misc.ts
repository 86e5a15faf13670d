// Namespace, ConfigMap, Secret, ServiceAccount describers, and the generic describer kubectl uses
// for kinds without one (Event). From describe.go, kubectl v1.32.

import type { KubeObject } from "../../api/types";
import type { Reader } from "./api";
import { describeEvents, refOf, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from "./format";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";

/* eslint-disable @typescript-eslint/no-explicit-any */

export function describeNamespace(r: Reader, ns: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, "Labels", ns.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
  if ((ns.status?.conditions ?? []).length > 0) {
    w.write(LEVEL_0, "Conditions:\n");
    w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
    for (const c of ns.status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
  }
  // A real cluster always serves ResourceQuotas and LimitRanges; the sandbox has none of either.
  const quotas = r.list("resourcequotas", "", ns.metadata.name).items;
  const limitRanges = r.list("limitranges", "", ns.metadata.name).items;
  w.write(LEVEL_0, "\n");
  if (quotas.length === 0) w.write(LEVEL_0, "No resource quota.\n");
  w.write(LEVEL_0, "\n");
  if (limitRanges.length === 0) w.write(LEVEL_0, "No LimitRange resource.\n");
  return w.toString();
}

export function describeConfigMap(r: Reader, cm: KubeObject, showEvents: boolean): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", cm.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", cm.metadata.annotations);
  w.write(LEVEL_0, "\nData\n====\n");
  // Go ranges over a map here (random order); sorted keys are one of its possible orders.
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data[k]}\n`);
    w.write(LEVEL_0, "\n");
  }
  w.write(LEVEL_0, "\nBinaryData\n====\n");
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData[k])} bytes\n`);
  w.write(LEVEL_0, "\n");
  if (showEvents) describeEvents(searchEvents(r, refOf(cm)), w, r.now());
  return w.toString();
}

function base64Length(b64: string): number {
  const s = String(b64).replace(/=+$/, "");
  return Math.floor((s.length * 3) / 4);
}

export function describeSecret(secret: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", secret.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", secret.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ""}\n`);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of Object.keys(secret.data ?? {}).sort()) {
    if (k === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${k}:\t${decodeBase64(secret.data[k])}\n`);
    else w.write(LEVEL_0, `${k}:\t${base64Length(secret.data[k])} bytes\n`);
  }
  return w.toString();
}

function decodeBase64(b64: string): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let bits = 0;
  let acc = 0;
  const bytes: number[] = [];
  for (const ch of String(b64).replace(/=+$/, "")) {
    const v = chars.indexOf(ch);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export function describeServiceAccount(r: Reader, sa: KubeObject, showEvents: boolean): string {
  const secrets = r.list("secrets", "", sa.metadata.namespace);
  const existing = new Set(secrets.items.map((s) => s.metadata.name));
  const tokens = secrets.items.filter((s) => s.type === "kubernetes.io/service-account-token" && s.metadata.annotations?.["kubernetes.io/service-account.name"] === sa.metadata.name && s.metadata.annotations?.["kubernetes.io/service-account.uid"] === sa.metadata.uid);
  const missing = new Set<string>();
  if (secrets.ok) for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name);
  const events = showEvents ? searchEvents(r, refOf(sa)) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", sa.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", sa.metadata.annotations);
  // Headers sorted as sets.List sorts them: "Image pull secrets:" < "Mountable secrets: " < "Tokens:            ".
  const sections: [string, string[]][] = [
    ["Image pull secrets:", (sa.imagePullSecrets ?? []).map((s: any) => s.name)],
    ["Mountable secrets: ", (sa.secrets ?? []).map((s: any) => s.name)],
    ["Tokens:            ", tokens.map((s) => s.metadata.name ?? "")],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((n, i) => w.write(LEVEL_0, `${i === 0 ? header : "                   "}\t${n}${missing.has(n) ? " (not found)" : ""}\n`));
  }
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}

/** smartLabelFor: "involvedObject" → "Involved Object", "apiVersion" → "API Version". */
function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  const acronyms = new Set(["API", "URL", "UID", "OSB", "GUID"]);
  return parts.map((p) => (acronyms.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(" ");
}

function printUnstructured(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string, skip: Set<string>): void {
  for (const field of Object.keys(content).sort()) {
    const v = content[field];
    const path = `${prefix}.${field}`;
    if (skip.has(path)) continue;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printUnstructured(w, level + 1, v as Record<string, unknown>, path, skip);
    } else if (Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of v) {
        if (child && typeof child === "object") printUnstructured(w, level + 1, child as Record<string, unknown>, path, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(v)}\n`);
    }
  }
}

/** fmt's %v of a decoded JSON value: nil prints as <nil>. */
function goValue(v: unknown): string {
  return v === null || v === undefined ? "<nil>" : String(v);
}

/** genericDescriber: name, namespace, labels, annotations, then every other field. */
export function describeGeneric(r: Reader, o: KubeObject, showEvents: boolean): string {
  const events = showEvents ? searchEvents(r, refOf(o)) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${o.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${o.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", o.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", o.metadata.annotations);
  const skip = new Set([".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]);
  printUnstructured(w, LEVEL_0, o as Record<string, unknown>, "", skip);
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}
