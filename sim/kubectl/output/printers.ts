// The -o/--output formats other than tables (cli-runtime printers and kubectl get's
// PrintFlags): yaml, json, name, jsonpath[-file], custom-columns[-file]. A printer turns one
// object (or a List) into text, or throws CommandFailed with kubectl's words.

import type { FileSystem } from "../../core/vfs";
import { checkGoTemplate, executeGoTemplate, goPrint, TemplateExecError, TemplateParseError } from "./go-template";
import { resolvePath } from "../../core/vfs";
import { CommandFailed, kubectlError } from "../framework/errors";
import { lookupByKind } from "../framework/resources";
import { toJson } from "./json";
import { toYaml } from "./yaml";
import { executeJsonPath, findJsonPathResults, JsonPathExecError, jsonPathExecErrorText, jsonPathParseErrorText, parseJsonPath, relaxedJsonPath, type JsonPath } from "./jsonpath";
import { alignTable } from "./table";
import { goSprint } from "./go-format";

export type ObjectPrinter = (obj: Record<string, unknown>) => string;

export const GET_OUTPUT_FORMATS = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

/** kubectl's "unable to match a printer" error for an unknown -o value. */
export function unknownOutputError(format: string, allowed = GET_OUTPUT_FORMATS): Error {
  return kubectlError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${allowed}`);
}

const TEMPLATE_FORMATS = new Set(["go-template", "go-template-file", "template", "templatefile", "jsonpath", "jsonpath-file", "jsonpath-as-json"]);

/**
 * The -o value with --template folded in, as `format=template` (cli-runtime template_flags.go and
 * jsonpath_flags.go; get_flags.go / print_flags.go: a --template without an explicit -o means go-template).
 * A template in both places (`-o go-template=X --template Y`) matches no printer.
 */
export function outputWithTemplate(flags: { has(name: string): boolean; changed(name: string): boolean; string(name: string): string }, allowed = GET_OUTPUT_FORMATS): string {
  const output = flags.has("output") ? flags.string("output") : "";
  const template = flags.has("template") ? flags.string("template") : "";
  if (template === "") return output;
  // print_flags.go: an -o left at the command's default (config view's yaml) yields to --template.
  const format = output === "" || !flags.changed("output") ? "go-template" : output;
  if (TEMPLATE_FORMATS.has(format)) return `${format}=${template}`;
  const eq = format.indexOf("=");
  if (eq >= 0 && TEMPLATE_FORMATS.has(format.slice(0, eq))) throw unknownOutputError(format, allowed);
  return format;
}

/** True for the formats a table printer handles ("" and "wide"). */
export function isHumanOutput(format: string): boolean {
  return format === "" || format === "wide";
}

export interface PrinterContext {
  fs: FileSystem;
  cwd: string;
  noHeaders?: boolean;
  /** --show-managed-fields: otherwise metadata.managedFields is dropped from yaml/json. */
  showManagedFields?: boolean;
  /** JSON of unstructured objects (kubectl get): map keys sorted, as Go marshals maps. */
  sortJsonKeys?: boolean;
}

function readTemplateFile(pc: PrinterContext, path: string): string {
  const full = resolvePath(pc.cwd, path);
  const st = pc.fs.stat(full);
  if (!st || st.type !== "file") throw kubectlError(`error reading --template ${path}, open ${path}: no such file or directory`);
  return pc.fs.read(full);
}

function withoutManagedFields(o: Record<string, unknown>): Record<string, unknown> {
  const strip = (x: Record<string, unknown>) => {
    const m = x.metadata as Record<string, unknown> | undefined;
    if (!m || !("managedFields" in m)) return x;
    const { managedFields: _mf, ...rest } = m;
    void _mf;
    return { ...x, metadata: rest };
  };
  const s = strip(o);
  if (Array.isArray(s.items)) return { ...s, items: (s.items as Record<string, unknown>[]).map(strip) };
  return s;
}

/** Builds the printer for -o FORMAT (non-table formats); throws kubectl's error for bad ones. */
export function objectPrinter(format: string, pc: PrinterContext): ObjectPrinter {
  const eq = format.indexOf("=");
  const name = eq >= 0 ? format.slice(0, eq) : format;
  const arg = eq >= 0 ? format.slice(eq + 1) : "";
  const clean = (o: Record<string, unknown>) => (pc.showManagedFields ? o : withoutManagedFields(o));
  switch (name) {
    case "yaml":
      return (o) => toYaml(clean(o));
    case "json":
      return (o) => toJson(clean(o), { sortKeys: pc.sortJsonKeys });
    case "name":
      return (o) => namesOf(o);
    case "jsonpath":
    case "jsonpath-file":
    case "jsonpath-as-json": {
      if (eq < 0 || arg === "") throw kubectlError(`template format specified but no template given`);
      const template = name === "jsonpath-file" ? readTemplateFile(pc, arg) : arg;
      return jsonPathPrinter(template, name === "jsonpath-as-json");
    }
    case "custom-columns":
    case "custom-columns-file": {
      if (name === "custom-columns" && (eq < 0 || arg === "")) throw kubectlError(`custom-columns format specified but no custom columns given`);
      const spec = name === "custom-columns-file" ? customColumnsFromFile(readTemplateFile(pc, arg)) : parseCustomColumns(arg);
      return customColumnsPrinter(spec, pc.noHeaders ?? false);
    }
    case "go-template":
    case "go-template-file":
    case "template":
    case "templatefile": {
      if (eq < 0 || arg === "") throw kubectlError(`template format specified but no template given`);
      const template = name.endsWith("file") ? readTemplateFile(pc, arg) : arg;
      return goTemplatePrinter(template);
    }
    default:
      throw unknownOutputError(format);
  }
}

/** cli-runtime printers/template.go: parse errors up front; execution errors print the debugging block. */
function goTemplatePrinter(template: string): ObjectPrinter {
  try {
    checkGoTemplate(template);
  } catch (e) {
    if (e instanceof TemplateParseError) throw kubectlError(`error parsing template ${template}, ${e.message}`);
    throw e;
  }
  return (o) => {
    try {
      return executeGoTemplate(template, o);
    } catch (e) {
      if (!(e instanceof TemplateExecError)) throw e;
      throw new CommandFailed(
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${JSON.stringify(o)}\n` +
          `\tobject given to template engine was:\n\t\t${goPrint(o, false)}\n\n` +
          `error: error executing template ${JSON.stringify(template)}: ${e.message}`,
      );
    }
  };
}

/** -o name: `pod/web` per object; a List prints each item. */
function namesOf(o: Record<string, unknown>): string {
  if (Array.isArray(o.items)) return (o.items as Record<string, unknown>[]).map(namesOf).join("");
  const kind = String(o.kind ?? "");
  const apiVersion = String(o.apiVersion ?? "");
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const k = lookupByKind(apiVersion, kind);
  const prefix = k ? (k.group ? `${k.kind.toLowerCase()}.${k.group}` : k.kind.toLowerCase()) : group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
  const name = (o.metadata as { name?: string } | undefined)?.name ?? "";
  return `${prefix}/${name}\n`;
}

function jsonPathPrinter(template: string, asJson: boolean): ObjectPrinter {
  let jp: JsonPath;
  try {
    jp = parseJsonPath(template);
  } catch (e) {
    throw kubectlError(jsonPathParseErrorText(template, e as Error));
  }
  return (o) => {
    try {
      const text = executeJsonPath(jp, o, { allowMissingKeys: true });
      return asJson ? toJson(text) : text;
    } catch (e) {
      if (e instanceof JsonPathExecError) throw kubectlError(jsonPathExecErrorText(template, e, o));
      throw e;
    }
  };
}

export interface CustomColumn {
  header: string;
  path: JsonPath;
}

/** `NAME:.metadata.name,IMAGE:.spec.containers[*].image` (cli-runtime customcolumn.go). */
export function parseCustomColumns(spec: string): CustomColumn[] {
  const out: CustomColumn[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon < 0) throw kubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const header = part.slice(0, colon);
    let expr: string;
    try {
      expr = relaxedJsonPath(part.slice(colon + 1));
    } catch (e) {
      throw kubectlError((e as Error).message);
    }
    try {
      out.push({ header, path: parseJsonPath(expr) });
    } catch (e) {
      throw kubectlError(`${(e as Error).message}`);
    }
  }
  return out;
}

/** A custom-columns-file: a header line and a line of paths, split on whitespace. */
function customColumnsFromFile(text: string): CustomColumn[] {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (lines.length !== 2) throw kubectlError(`invalid template file: expected two lines of column headers and paths`);
  const headers = lines[0].trim().split(/\s+/);
  const paths = lines[1].trim().split(/\s+/);
  if (headers.length !== paths.length) throw kubectlError(`number of headers (${headers.length}) does not match number of paths (${paths.length})`);
  return headers.map((h, i) => ({ header: h, path: parseJsonPath(relaxedJsonPath(paths[i])) }));
}

function customColumnsPrinter(cols: CustomColumn[], noHeaders: boolean): ObjectPrinter {
  return (o) => {
    const items = Array.isArray(o.items) ? (o.items as Record<string, unknown>[]) : [o];
    const lines: string[] = [];
    if (!noHeaders) lines.push(cols.map((c) => c.header).join("\t"));
    for (const item of items) lines.push(cols.map((c) => customCell(c, item)).join("\t"));
    return alignTable(lines);
  };
}

/** One cell: every match joined by commas, "<none>" when nothing matched (customcolumn.go printOneObject). */
function customCell(c: CustomColumn, obj: Record<string, unknown>): string {
  let results: unknown[][];
  try {
    results = findJsonPathResults(c.path, obj);
  } catch (e) {
    if (e instanceof JsonPathExecError) throw kubectlError(e.message);
    throw e;
  }
  if (results.length === 0 || results[0].length === 0) return "<none>";
  return results.flat().map(goSprint).join(",");
}
