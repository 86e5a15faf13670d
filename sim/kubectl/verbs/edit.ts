// kubectl edit (staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go, pkg/cmd/util/editor/editoptions.go
// and editor.go): the live object as YAML (or JSON with -o json) under kubectl's header comment, in
// a temp file /tmp/kubectl-edit-XXXXX.yaml, opened with $KUBE_EDITOR, $EDITOR or vi. Saving sends
// a two-way strategic merge patch; an invalid object reopens the file with the server's causes in
// the header; quitting unchanged cancels. In the browser the editor runs between two requests
// (sim/editor/session.ts): the loop below resumes in `afterEditor` through a continuation. A
// non-interactive editor command (KUBE_EDITOR="sed -i ...") runs at once, as real kubectl runs it.

import type { KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import type { Status } from "../../core/api-types";
import { boolFlag, stringFlag } from "../framework/flags";
import { CommandFailed, kubectlError, statusErrorText } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { checkOutputFormat, filenameFlags, printChanged, printFlags, validateFlag } from "../mutate/common";
import { findTargets } from "../mutate/targets";
import { patchObject } from "../mutate/write";
import { parseManifest } from "../mutate/manifest";
import { createThreeWayMergePatch, deepEqual, sortKeys, type Json, type JsonMap } from "../mutate/three-way-merge";
import { toYaml } from "../output/yaml";
import { registerContinuation, terminalPort, type EditorKind } from "../../editor/session";

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  "# and an empty file will abort the edit. If an error occurs while saving this file will be\n" +
  "# reopened with the relevant failures.\n#\n";

/** Real kubectl loops for as long as each save changes the file; a sed editor could loop forever. */
const MAX_ROUNDS = 20;

/** Everything the edit loop carries between editor sessions (plain JSON, kept in the sandbox's snapshot). */
interface EditTarget {
  kind: KindInfo;
  namespace?: string;
  name: string;
  /** The object as shown (managedFields removed): what the patch is computed against. */
  object: KubeObject;
}

interface EditState {
  argv: string[];
  /** One object, or several shown as a List (kubectl edit deploy, kubectl edit deploy a b). */
  targets: EditTarget[];
  /** The first buffer (header and object), to tell an unchanged save. */
  original: string;
  /** The previous round's saved text, when that round failed. */
  previous?: string;
  containsError: boolean;
  /** The previous round's temp file, removed once this round's editor has returned. */
  previousFile?: string;
  /** The temp file of the current round. */
  file: string;
  json: boolean;
  round: number;
}

/** Set while a continuation re-enters kubectl to finish an edit the browser's editor has saved. */
let resuming: EditState | undefined;

registerContinuation("kubectl-edit", (p, state) => {
  const port = terminalPort();
  if (!port) {
    p.stderr("error: kubectl edit cannot resume without a terminal\n");
    return 1;
  }
  resuming = state as EditState;
  try {
    return port.run(["kubectl", ...(state as EditState).argv], { out: p.stdout, err: p.stderr }, p.env);
  } finally {
    resuming = undefined;
  }
});

export const editVerb = verb({
  name: "edit",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    validateFlag(),
    boolFlag("output-patch"),
    boolFlag("windows-line-endings"),
    boolFlag("save-config"),
    boolFlag("record"),
    stringFlag("field-manager", { default: "kubectl-edit" }),
    stringFlag("subresource"),
  ],
  run: (ctx, args) => {
    if (resuming) {
      const state = resuming;
      resuming = undefined;
      return afterEditor(ctx, state, readFile(ctx, state.file));
    }
    return startEdit(ctx, args);
  },
});

function startEdit(ctx: Ctx, args: string[]): number {
  const output = ctx.flags.has("output") ? ctx.flags.string("output") : "";
  if (output !== "" && output !== "yaml" && output !== "json") checkOutputFormat(ctx);
  const sub = ctx.flags.string("subresource");
  if (sub && sub !== "status") throw kubectlError(`invalid subresource value: "${sub}". Must be one of [status]`);
  const errors: string[] = [];
  const targets = findTargets(ctx, args, {
    files: ctx.flags.strings("filename"),
    recursive: ctx.flags.bool("recursive"),
    // ResourceTypeOrNameArgs(true, ...): a bare type edits every object of it in the namespace.
    all: true,
    emptyMessage: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  }, errors);
  if (errors.length) throw new CommandFailed(errors.join("\n"));
  if (targets.length === 0) throw kubectlError("edit cancelled, no objects found");
  const edits = targets.map((t) => ({ kind: t.kind, namespace: t.namespace, name: t.name, object: withoutManagedFields(t.object) }));
  // Several objects are edited as one List (editoptions.go: "kind": "List", "metadata": {}).
  const shown = edits.length === 1 ? edits[0].object : { apiVersion: "v1", items: edits.map((e) => e.object), kind: "List", metadata: {} };
  const json = output === "json";
  // -o json drops the header (editPrinterOptions.Complete): JSON has no comments.
  const original = (json ? "" : HEADER) + (json ? JSON.stringify(shown, null, 4) + "\n" : toYaml(shown));
  const argv = ctx.p.argv.slice(1);
  const state: EditState = { argv, targets: edits, original, containsError: false, file: "", json, round: 0 };
  return launch(ctx, state, original);
}

function withoutManagedFields(o: KubeObject): KubeObject {
  const copy = { ...o, metadata: { ...o.metadata } };
  delete copy.metadata.managedFields;
  return copy;
}

/** LaunchTempFile: writes the buffer to a new temp file and runs the editor on it. */
function launch(ctx: Ctx, prev: EditState, buffer: string): number {
  const state: EditState = { ...prev, file: tempName(ctx, prev), round: prev.round + 1 };
  ctx.p.fs.write(state.file, buffer, { mtime: ctx.now() });
  const editor = editorCommand(ctx.p.env);
  const port = terminalPort();
  const program = (editor.args[0].split("/").pop() ?? "").replace(/^vim$/, "vi");
  if (port?.interactive && !editor.shell && (program === "vi" || program === "nano")) {
    port.open({
      request: { kind: "editor", editor: program as EditorKind, path: state.file, displayPath: state.file, content: buffer },
      then: { handler: "kubectl-edit", state },
      env: { ...ctx.p.env },
      cwd: ctx.p.cwd,
    });
    return 0;
  }
  // $SHELL -c "EDITOR \"file\"" (editor.go args); the shell's sh/bash builtins answer to the bare name.
  const argv = editor.shell
    ? [editor.args[0].split("/").pop()!, "-c", `${editor.args[2]} ${JSON.stringify(state.file)}`]
    : [...editor.args, state.file];
  const status = port ? port.run(argv, { out: ctx.out, err: ctx.err }, ctx.p.env) : 127;
  if (status !== 0) {
    preservedFile(ctx, prev.containsError ? prev.file : "");
    const joined = editor.args.join(" ");
    throw kubectlError(status === 127 ? `unable to launch the editor "${joined}"` : `there was a problem with the editor "${joined}"`);
  }
  return afterEditor(ctx, state, readFile(ctx, state.file));
}

/** defaultEnvEditor: KUBE_EDITOR, EDITOR, then vi; a value with quotes or backslashes goes to $SHELL -c. */
function editorCommand(env: Record<string, string>): { args: string[]; shell: boolean } {
  const value = env.KUBE_EDITOR || env.EDITOR || "vi";
  if (!value.includes(" ")) return { args: [value], shell: false };
  if (!/["'\\]/.test(value)) return { args: value.split(" "), shell: false };
  return { args: [env.SHELL || "/bin/bash", "-c", value], shell: true };
}

/**
 * os.CreateTemp("", "kubectl-edit-*.yaml"): a random uint32 in decimal, retried while the name is
 * taken. The number comes from the object, the time and the round, so runs repeat exactly.
 */
function tempName(ctx: Ctx, s: EditState): string {
  const first = s.targets[0].object.metadata;
  const seed = `${first.uid ?? first.name}/${first.resourceVersion ?? ""}/${s.targets.length}/${ctx.now()}/${s.round}`;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  for (;;) {
    const path = `/tmp/kubectl-edit-${h}${s.json ? ".json" : ".yaml"}`;
    if (!ctx.p.fs.stat(path)) return path;
    h = Math.imul(h ^ (h >>> 13), 2246822519) >>> 0;
  }
}

function readFile(ctx: Ctx, path: string): string {
  return ctx.p.fs.stat(path)?.type === "file" ? ctx.p.fs.read(path) : "";
}

/** The loop body after the editor returns (editoptions.go Run's editFn). */
function afterEditor(ctx: Ctx, state: EditState, edited: string): number {
  if (state.containsError && stripComments(state.previous ?? "") === stripComments(edited)) {
    preservedFile(ctx, state.file);
    throw kubectlError("Edit cancelled, no valid changes were saved.");
  }
  // Cleanup of any file from the previous pass.
  if (state.previousFile && state.previousFile !== state.file) removeFile(ctx, state.previousFile);
  if (stripComments(state.original) === stripComments(edited)) {
    removeFile(ctx, state.file);
    ctx.err("Edit cancelled, no changes made.\n");
    return 0;
  }
  if (!edited.split("\n").some((l) => l.trim() !== "" && !l.trim().startsWith("#"))) {
    removeFile(ctx, state.file);
    ctx.err("Edit cancelled, saved file was empty.\n");
    return 0;
  }
  let objects: KubeObject[];
  try {
    objects = parseManifest("edited-file", edited);
  } catch (e) {
    if (!(e instanceof CommandFailed)) throw e;
    return reopen(ctx, state, edited, [{ head: `The edited file had a syntax error: ${e.text.replace(/^error: /, "")}`, other: [] }]);
  }
  if (objects.length === 0) return reopen(ctx, state, edited, [{ head: "The edited file had a syntax error: no objects passed to edit", other: [] }]);
  const results: Results = { reasons: [], retryable: 0, notfound: 0 };
  for (const updated of objects) {
    const done = patchOne(ctx, state, updated, results);
    if (done !== undefined) return done;
  }
  // Run's handling of the results: retryable, then not found, then invalid (reopen).
  if (results.retryable > 0) {
    ctx.err(`You can run \`kubectl replace -f ${state.file}\` to try this update again.\n`);
    return 1;
  }
  if (results.notfound > 0) {
    ctx.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(state.file)}\n`);
    return 1;
  }
  if (results.reasons.length === 0) {
    removeFile(ctx, state.file);
    return 0;
  }
  return reopen(ctx, state, edited, results.reasons);
}

interface Reason {
  head: string;
  other: string[];
}

interface Results {
  reasons: Reason[];
  retryable: number;
  notfound: number;
}

/** visitToPatch for one object: skipped, edited, an error collected, or (a number) the command ends. */
function patchOne(ctx: Ctx, state: EditState, updated: KubeObject, results: Results): number | undefined {
  const target = state.targets.find((t) => t.object.metadata.uid === updated.metadata?.uid);
  if (!target) {
    preservedFile(ctx, state.file);
    throw kubectlError(`no original object found for ${updated.kind ?? ""} ${JSON.stringify(updated.metadata?.name ?? "")} (its metadata.uid must stay as it was)`);
  }
  if (target.namespace && updated.metadata?.namespace && updated.metadata.namespace !== target.namespace) {
    preservedFile(ctx, state.file);
    throw kubectlError(`the namespace from the provided object "${updated.metadata.namespace}" does not match the namespace "${target.namespace}". You must pass '--namespace=${updated.metadata.namespace}' to perform this operation.`);
  }
  const originalJS = sortKeys(target.object as unknown as Json) as JsonMap;
  const editedJS = sortKeys(updated as unknown as Json) as JsonMap;
  if (deepEqual(originalJS, editedJS)) {
    printChanged(ctx, target.kind, target.object, "skipped", "none");
    return undefined;
  }
  const patch = createThreeWayMergePatch(originalJS, editedJS, originalJS, target.kind.kind);
  const meta = patch.metadata as JsonMap | undefined;
  if ("apiVersion" in patch || "kind" in patch || (meta && ("name" in meta || "managedFields" in meta))) {
    preservedFile(ctx, state.file);
    throw kubectlError("At least one of apiVersion, kind and name was changed");
  }
  if (ctx.flags.bool("output-patch")) ctx.out(`Patch: ${JSON.stringify(patch)}\n`);
  const query: Record<string, string> = { fieldManager: ctx.flags.string("field-manager") };
  const sub = ctx.flags.string("subresource") || undefined;
  const r = patchObject(ctx, target.kind, target.namespace, target.name, patch, "application/strategic-merge-patch+json", query, sub);
  if (r.ok) {
    // info.Refresh: a later round diffs against what the server now holds.
    target.object = withoutManagedFields(r.object);
    printChanged(ctx, target.kind, r.object, "edited", "none");
    return undefined;
  }
  ctx.err(addError(target, r.status, results) + "\n");
  return undefined;
}

/** editResults.addError: records the failure and returns the line kubectl prints for it. */
function addError(t: EditTarget, s: Status, results: Results): string {
  const resource = t.kind.group ? `${t.kind.resource}.${t.kind.group}` : t.kind.resource;
  if (s.reason === "Invalid") {
    const other = (s.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
    results.reasons.push({ head: `${resource} "${t.name}" was not valid`, other });
    return `error: ${resource} "${t.name}" is invalid`;
  }
  if (s.reason === "NotFound") {
    results.notfound++;
    return `error: ${resource} "${t.name}" could not be found on the server`;
  }
  results.retryable++;
  return `error: ${resource} "${t.name}" could not be patched: ${statusErrorText(s).replace(/^Error from server \(\w+\): /, "")}`;
}

/** The next round: the header with the reasons, then the learner's text without its comments. */
function reopen(ctx: Ctx, state: EditState, edited: string, reasons: Reason[]): number {
  if (state.round >= MAX_ROUNDS) {
    preservedFile(ctx, state.file);
    throw kubectlError("Edit cancelled, no valid changes were saved.");
  }
  const buffer = (state.json ? "" : HEADER + reasons.map(reasonText).join("")) + manualStrip(edited);
  // This round's file stays until the next round's editor has returned (cleanup of the previous pass).
  return launch(ctx, { ...state, previous: edited, previousFile: state.file, containsError: true }, buffer);
}

function reasonText(r: Reason): string {
  // hashOnLineBreak: a line break followed by more text (not a '#') continues the comment.
  const hash = (s: string) => s.replace(/\n(?=[^#])/g, "\n# ");
  let out = r.other.length ? `# ${hash(r.head)}:\n` : `# ${hash(r.head)}\n`;
  for (const o of r.other) out += `# * ${hash(o)}\n`;
  return out + "#\n";
}

/** cmdutil.ManualStrip: drops comment lines (not `#!`). */
function manualStrip(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith("#") && !t.startsWith("#!")) return;
    kept.push(line + (i < lines.length - 1 ? "\n" : ""));
  });
  return kept.join("");
}

/** cmdutil.StripComments: the data as JSON when it parses (comments and layout do not count), else ManualStrip. */
function stripComments(text: string): string {
  try {
    const docs = parseManifestLoose(text);
    return JSON.stringify(sortKeys(docs as Json));
  } catch {
    return manualStrip(text);
  }
}

function parseManifestLoose(text: string): unknown {
  const t = manualStrip(text);
  if (t.trim() === "") return null;
  return parseManifest("edited-file", text);
}

function removeFile(ctx: Ctx, path: string): void {
  if (path && ctx.p.fs.stat(path)) ctx.p.fs.remove(path);
}

/** preservedFile: where the learner's changes were kept. */
function preservedFile(ctx: Ctx, path: string): void {
  if (path && ctx.p.fs.stat(path)) ctx.err(`A copy of your changes has been stored to ${JSON.stringify(path)}\n`);
}
