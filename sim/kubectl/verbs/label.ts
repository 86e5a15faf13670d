// kubectl label and kubectl annotate (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go,
// annotate/annotate.go): `key=value` sets, `key-` removes, --overwrite, --list, -l, --all, -f.

import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError } from "../framework/errors";
import { verb, type Ctx, type Verb } from "../framework/verb";
import { nameOf } from "../framework/resources";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, printChanged, printFlags } from "../mutate/common";
import { visitTargets, type Found } from "../mutate/targets";
import { patchObject } from "../mutate/write";
import { statusErrorText } from "../framework/errors";

type Field = "labels" | "annotations";

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function makeVerb(field: Field): Verb {
  const word = field === "labels" ? "labeled" : "annotated";
  return verb({
    name: field === "labels" ? "label" : "annotate",
    flags: [
      ...filenameFlags(),
      ...printFlags(),
      dryRunFlag(),
      boolFlag("overwrite"),
      boolFlag("list"),
      boolFlag("local"),
      boolFlag("all"),
      boolFlag("all-namespaces", { short: "A" }),
      stringFlag("selector", { short: "l" }),
      stringFlag("field-selector"),
      stringFlag("resource-version"),
      stringFlag("field-manager", { default: field === "labels" ? "kubectl-label" : "kubectl-annotate" }),
    ],
    run: (ctx, args) => runMetadataVerb(ctx, args, field, word),
  });
}

export const labelVerb = makeVerb("labels");
export const annotateVerb = makeVerb("annotations");

interface Changes {
  set: Record<string, string>;
  remove: string[];
}

/** Splits arguments into resources and `k=v` / `k-` changes (label.go parseLabels). */
function splitArgs(args: string[], field: Field): { resources: string[]; changes: Changes } {
  const resources: string[] = [];
  const changes: Changes = { set: {}, remove: [] };
  let seenChange = false;
  for (const a of args) {
    if (a.includes("=")) {
      seenChange = true;
      const i = a.indexOf("=");
      const key = a.slice(0, i);
      const value = a.slice(i + 1);
      if (field === "labels" && (!LABEL_VALUE.test(value) || value.length > 63)) {
        throw kubectlError(`invalid label value: ${JSON.stringify(a)}: ${value.length > 63 ? "must be no more than 63 characters" : LABEL_VALUE_MSG}`);
      }
      changes.set[key] = value;
    } else if (a.endsWith("-") && (seenChange || resources.length > 0) && a.length > 1 && !a.includes("/")) {
      seenChange = true;
      changes.remove.push(a.slice(0, -1));
    } else {
      if (seenChange) throw kubectlError(`all resources must be specified before ${field === "labels" ? "label" : "annotation"} changes: ${a}`);
      resources.push(a);
    }
  }
  for (const k of changes.remove) {
    if (k in changes.set) throw kubectlError(`can not both modify and remove ${field === "labels" ? "a label" : "an annotation"} in the same command`);
  }
  return { resources, changes };
}

function runMetadataVerb(ctx: Ctx, args: string[], field: Field, word: string): number {
  const { resources, changes } = splitArgs(args, field);
  const list = ctx.flags.bool("list");
  const noChanges = Object.keys(changes.set).length === 0 && changes.remove.length === 0;
  if (noChanges && !list) throw kubectlError(`at least one ${field === "labels" ? "label" : "annotation"} update is required`);
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  return visitTargets(ctx, resources, {
    files: ctx.flags.strings("filename"),
    recursive: ctx.flags.bool("recursive"),
    selector: ctx.flags.string("selector"),
    fieldSelector: ctx.flags.string("field-selector"),
    all: ctx.flags.bool("all"),
    allNamespaces: ctx.flags.bool("all-namespaces"),
    emptyMessage: "one or more resources must be specified as <resource> <name> or <resource>/<name>",
  }, (t) => {
    if (!(list && noChanges)) return applyChanges(ctx, t, field, changes, word, dryRun);
    printList(ctx, t, field);
    return undefined;
  });
}

function printList(ctx: Ctx, t: Found, field: Field): void {
  const m = (t.object.metadata[field] ?? {}) as Record<string, string>;
  for (const k of Object.keys(m).sort()) ctx.out(`${k}=${m[k]}\n`);
}

function applyChanges(ctx: Ctx, t: Found, field: Field, changes: Changes, word: string, dryRun: ReturnType<typeof dryRunOf>): string | undefined {
  const current = { ...((t.object.metadata[field] ?? {}) as Record<string, string>) };
  if (!ctx.flags.bool("overwrite")) {
    // label.go tolerates setting the same value; annotate.go refuses any declared key.
    const clashes = Object.entries(changes.set).filter(([k, v]) => k in current && (field === "annotations" || current[k] !== v));
    if (clashes.length && field === "labels") return clashes.map(([k]) => `error: '${k}' already has a value (${current[k]}), and --overwrite is false`).join("\n");
    if (clashes.length) return `error: --overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join("; ")}`;
  }
  const next = { ...current };
  for (const k of changes.remove) {
    delete next[k];
  }
  Object.assign(next, changes.set);
  const changed = JSON.stringify(sorted(next)) !== JSON.stringify(sorted(current));
  const onlyRemovals = Object.keys(changes.set).length === 0;
  const verbWord = field === "annotations" ? word : !changed ? `not ${word}` : onlyRemovals ? "unlabeled" : word;
  if (!changed || dryRun === "client") {
    const shown = structuredClone(t.object);
    shown.metadata[field] = next;
    printChanged(ctx, t.kind, shown, verbWord, dryRun);
    return undefined;
  }
  const patch: Record<string, string | null> = {};
  for (const k of Object.keys(current)) if (!(k in next)) patch[k] = null;
  for (const [k, v] of Object.entries(next)) if (current[k] !== v) patch[k] = v;
  const meta: Record<string, unknown> = { [field]: patch };
  const rv = ctx.flags.string("resource-version");
  if (rv) meta.resourceVersion = rv;
  const r = patchObject(ctx, t.kind, t.namespace, t.name, { metadata: meta }, "application/merge-patch+json", dryRun === "server" ? { dryRun: "All" } : undefined);
  if (!r.ok) return statusErrorText(r.status);
  printChanged(ctx, t.kind, r.object, verbWord, dryRun);
  return undefined;
}

function sorted(m: Record<string, string>): [string, string][] {
  return Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export { nameOf };
