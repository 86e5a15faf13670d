// ValidatePodUpdate (pkg/apis/core/validation/validation.go): only images, activeDeadlineSeconds,
// added tolerations, removed scheduling gates and a negative terminationGracePeriodSeconds may
// change in a pod's spec.
// Upstream appends a go-cmp diff of the internal structs; we render a diff in the same spirit
// (changed top-level fields of core.PodSpec), not byte-for-byte.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { fieldError, type FieldCause } from "../field-errors";
import { canonical } from "./canonical";
import { jsonEqual } from "../../core/json-equal";

const UPDATABLE = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];

/** Go field name of a JSON key, as the internal structs spell it. */
function goName(key: string): string {
  const special: Record<string, string> = { dnsPolicy: "DNSPolicy", dnsConfig: "DNSConfig", hostIPC: "HostIPC", hostPID: "HostPID", nodeName: "NodeName" };
  return special[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

function goLiteral(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `{${v.map(goLiteral).join(", ")}}`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${goName(k)}: ${goLiteral(x)}`).join(", ")}}`;
}

function specDiff(oldSpec: any, newSpec: any): string {
  const keys = [...new Set([...Object.keys(oldSpec ?? {}), ...Object.keys(newSpec ?? {})])];
  const lines = ["  core.PodSpec{"];
  let same = 0;
  for (const k of keys) {
    const a = oldSpec?.[k];
    const b = newSpec?.[k];
    if (canonical(a) === canonical(b)) {
      same++;
      continue;
    }
    if (same) lines.push(`  \t... // ${same} identical field${same === 1 ? "" : "s"}`);
    same = 0;
    if (a !== undefined) lines.push(`- \t${goName(k)}: ${goLiteral(a)},`);
    if (b !== undefined) lines.push(`+ \t${goName(k)}: ${goLiteral(b)},`);
  }
  if (same) lines.push(`  \t... // ${same} identical field${same === 1 ? "" : "s"}`);
  lines.push("  }");
  return lines.join("\n") + "\n";
}

function tolerationsOnlyAdded(oldT: any[] | undefined, newT: any[] | undefined): boolean {
  const n = (newT ?? []).map(canonical);
  return (oldT ?? []).every((t) => n.includes(canonical(t)));
}

function onlyDeletedSchedulingGates(newGates: any[] | undefined, oldGates: any[] | undefined): FieldCause[] {
  const oldNames = new Set((oldGates ?? []).map((g) => g?.name));
  return (newGates ?? []).flatMap((g, i) =>
    oldNames.has(g?.name) ? [] : [fieldError.forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g?.name}'`)],
  );
}

export function validatePodUpdate(pod: any, old: any): FieldCause[] {
  const out: FieldCause[] = [];
  const newSpec = pod.spec ?? {};
  const oldSpec = old.spec ?? {};
  for (const [list, path] of [["containers", "spec.containers"], ["initContainers", "spec.initContainers"]] as const) {
    (newSpec[list] ?? []).forEach((c: any, i: number) => {
      if (!c?.image) out.push(fieldError.required(`${path}[${i}].image`));
    });
  }
  if (out.length) return out;
  // Most updates leave the spec alone (labels, annotations, status): nothing more to check.
  if (jsonEqual(newSpec, oldSpec)) return out;
  const munged = structuredClone(newSpec);
  for (const list of ["containers", "initContainers"] as const) {
    const oldList = oldSpec[list] ?? [];
    (munged[list] ?? []).forEach((c: any, i: number) => {
      if (oldList[i]) c.image = oldList[i].image;
    });
  }
  if (oldSpec.activeDeadlineSeconds === undefined || (munged.activeDeadlineSeconds !== undefined && munged.activeDeadlineSeconds <= oldSpec.activeDeadlineSeconds)) {
    munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
    if (munged.activeDeadlineSeconds === undefined) delete munged.activeDeadlineSeconds;
  }
  if (tolerationsOnlyAdded(oldSpec.tolerations, munged.tolerations)) {
    munged.tolerations = oldSpec.tolerations;
    if (munged.tolerations === undefined) delete munged.tolerations;
  }
  // Allow only deletion of scheduling gates (validation.go validateOnlyDeletedSchedulingGates, v1.27+).
  out.push(...onlyDeletedSchedulingGates(newSpec.schedulingGates, oldSpec.schedulingGates));
  munged.schedulingGates = oldSpec.schedulingGates;
  if (munged.schedulingGates === undefined) delete munged.schedulingGates;
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  if (canonical(munged) !== canonical(oldSpec)) {
    out.push(fieldError.forbidden("spec", `pod updates may not change fields other than ${UPDATABLE.join(",")}\n${specDiff(oldSpec, munged)}`));
  }
  return out;
}
