// Reading manifests for -f: files, directories, `-` (stdin), multi-document YAML, JSON and Lists
// (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go, builder.go; sigs.k8s.io/yaml, which
// decodes YAML 1.1 as go-yaml v2 does: `n`/`yes`/`off` are booleans, timestamps stay strings).

import { loadAll, FAILSAFE_SCHEMA, Schema, boolYaml11Tag, floatYaml11Tag, intYaml11Tag, mergeTag, nullYaml11Tag, YAMLException } from "js-yaml";
import { LimitError, LIMITS } from "../../core/limits";
import { basename, resolvePath, type FileSystem } from "../../core/vfs";
import type { KubeObject } from "../../api/types";
import { kubectlError, type CommandFailed } from "../framework/errors";
import { sortKeys, type Json } from "./three-way-merge";
import { decodeError } from "./decode-check";

/** go-yaml v2's implicit types, without timestamps (kept as strings when decoding into JSON). */
const GO_YAML_SCHEMA = new Schema([...FAILSAFE_SCHEMA.tags, nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag, mergeTag]);

/** One object read from a manifest, with the source kubectl names in its messages. */
export interface ManifestItem {
  /** The path as typed ("pod.yaml", "dir/a.yaml") or "STDIN". */
  source: string;
  object: KubeObject;
  /** Set when this document failed kubectl's typed decoding: reported in turn, and the rest of
   *  its file is not read (kubectl's stream visitor stops there). */
  error?: string;
}

export interface ManifestSources {
  fs: FileSystem;
  cwd: string;
  stdin: string;
  home?: string;
}

const EXTENSIONS = [".json", ".yaml", ".yml"];

/** Expands -f values into (source, text) pairs: directories list their manifests, sorted. */
export function readManifestFiles(filenames: string[], src: ManifestSources, recursive: boolean): { source: string; text: string }[] {
  const out: { source: string; text: string }[] = [];
  for (const f of filenames) {
    if (f === "-") {
      out.push({ source: "STDIN", text: src.stdin });
      continue;
    }
    if (/^https?:\/\//.test(f)) throw kubectlError(`unable to read URL "${f}", server reported 404 Not Found, status code=404`);
    const abs = resolvePath(src.cwd, f, src.home);
    const st = src.fs.stat(abs);
    if (!st) throw kubectlError(`the path "${f}" does not exist`);
    if (st.type === "file") {
      out.push({ source: f, text: src.fs.read(abs) });
      continue;
    }
    walk(src.fs, abs, f.replace(/\/+$/, ""), recursive, true, out);
  }
  return out;
}

function walk(fs: FileSystem, abs: string, shown: string, recursive: boolean, top: boolean, out: { source: string; text: string }[]): void {
  for (const name of fs.list(abs)) {
    const childAbs = abs === "/" ? `/${name}` : `${abs}/${name}`;
    const childShown = `${shown}/${name}`;
    const st = fs.stat(childAbs);
    if (st?.type === "dir") {
      if (recursive) walk(fs, childAbs, childShown, recursive, false, out);
      continue;
    }
    if (EXTENSIONS.some((e) => name.endsWith(e))) out.push({ source: childShown, text: fs.read(childAbs) });
  }
  void top;
}

/** Parses one file's text into objects; Lists are flattened into their items. */
export function parseManifest(source: string, text: string): KubeObject[] {
  if (text.length > LIMITS.manifestBytes) throw new LimitError("manifestBytes");
  const docs = looksLikeJson(text) ? parseJsonStream(source, text) : parseYamlStream(source, text);
  const objects: KubeObject[] = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== "object" || Array.isArray(doc)) throw validationError(source, "invalid object to validate");
    const o = doc as KubeObject;
    if (!o.kind) throw validationError(source, "kind not set");
    if (!o.apiVersion) throw validationError(source, "apiVersion not set");
    if (o.kind.endsWith("List") && Array.isArray((o as { items?: unknown }).items)) {
      for (const item of (o as unknown as { items: unknown[] }).items) {
        if (!item || typeof item !== "object" || Array.isArray(item)) throw validationError(source, "invalid object to validate");
        const it = item as KubeObject;
        if (!it.kind) throw validationError(source, "kind not set");
        if (!it.apiVersion) throw validationError(source, "apiVersion not set");
        objects.push(it);
      }
      continue;
    }
    objects.push(o);
  }
  return objects;
}

/** Reads and parses every -f source; nothing is written before all of them parse. */
export function loadManifests(filenames: string[], src: ManifestSources, recursive = false): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const f of readManifestFiles(filenames, src, recursive)) {
    // kubectl decodes manifests into unstructured maps: what it sends has its keys sorted.
    for (const object of parseManifest(f.source, f.text)) {
      const bad = decodeError(object);
      if (bad) {
        items.push({ source: f.source, object, error: `error: unable to decode ${JSON.stringify(f.source)}: ${bad}` });
        break;
      }
      items.push({ source: f.source, object: sortKeys(object as unknown as Json) as unknown as KubeObject });
    }
  }
  return items;
}

function validationError(source: string, why: string): CommandFailed {
  return kubectlError(`error validating "${source}": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false`);
}

function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

function parseYamlStream(source: string, text: string): unknown[] {
  try {
    const docs = loadAll(text, { schema: GO_YAML_SCHEMA, json: true, maxAliases: LIMITS.yamlAliases, maxDepth: LIMITS.yamlDepth }).map(stripDates);
    // Aliases are shared references: a few of them can describe an exponentially large tree.
    let budget = EXPANDED_NODES_MAX;
    for (const d of docs) budget = countNodes(d, budget);
    return docs;
  } catch (e) {
    if (e instanceof YAMLException) {
      const reason = e.reason ?? e.message;
      if (/alias/i.test(reason) && /max|limit|too many/i.test(reason)) throw new LimitError("yamlAliases");
      if (/depth|nest/i.test(reason)) throw new LimitError("yamlDepth");
      throw kubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlMessage(reason, (e.mark?.line ?? 0) + 1)}`);
    }
    throw e;
  }
}

/** js-yaml's reasons in go-yaml v2's words, for the common mistakes learners make. */
export function goYamlMessage(reason: string, line: number): string {
  if (reason.startsWith("bad indentation of a mapping entry")) return `line ${line}: mapping values are not allowed in this context`;
  if (reason.startsWith("tab characters must not be used")) return `line ${line}: found a tab character that violates indentation`;
  if (reason.startsWith("bad indentation of a sequence entry")) return `line ${line - 1}: did not find expected key`;
  if (reason.startsWith("end of the stream or a document separator is expected")) return `line ${line}: did not find expected key`;
  if (reason.startsWith("unexpected end of the stream within a double quoted scalar")) return `line ${line}: found unexpected end of stream`;
  if (reason.startsWith("duplicated mapping key")) return `line ${line}: mapping key already defined`;
  return `line ${line}: ${reason}`;
}

/** Nodes a manifest may expand to once aliases are followed (a "billion laughs" guard). */
const EXPANDED_NODES_MAX = 200_000;

function countNodes(v: unknown, budget: number): number {
  if (--budget < 0) throw new LimitError("yamlAliases");
  if (v && typeof v === "object") for (const c of Object.values(v)) budget = countNodes(c, budget);
  return budget;
}

function stripDates(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** A stream of JSON values (kubectl's JSON decoder reads one value after another). */
function parseJsonStream(source: string, text: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const end = jsonValueEnd(text, i);
    if (end < 0) throw kubectlError(`error parsing ${source}: unexpected EOF`);
    try {
      out.push(JSON.parse(text.slice(i, end)));
    } catch (e) {
      throw kubectlError(`error parsing ${source}: ${goJsonMessage(String((e as Error).message))}`);
    }
    i = end;
  }
  return out;
}

/** The end of the JSON value starting at `i` (brace matching outside strings), -1 when cut short. */
function jsonValueEnd(text: string, i: number): number {
  let depth = 0;
  let inString = false;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (inString) {
      if (c === "\\") j++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

export function goJsonMessage(msg: string): string {
  const m = /Unexpected token '?(.)'?/.exec(msg);
  if (m) return `invalid character '${m[1]}' looking for beginning of object key string`;
  return "unexpected EOF";
}

export { basename };
