// `kubectl get` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): Tables from the server for the
// human formats, objects for -o yaml/json/name/jsonpath/custom-columns, NotFound errors per name
// with the others still printed, "No resources found" on stderr, and -w (get-watch.ts).

import type { KindInfo } from "../../api/kinds";
import type { KubeObject, Table } from "../../api/types";
import { check, getTable, listObjects, pathFor, type ListQuery } from "../framework/api";
import { ApiStatusError, CommandFailed, kubectlError, standardErrorMessage, usageError } from "../framework/errors";
import { boolFlag, intFlag, stringFlag, stringSliceFlag } from "../framework/flags";
import { lookupByKind, parseTargets, type Target } from "../framework/resources";
import { verb, type Ctx } from "../framework/verb";
import { isHumanOutput, objectPrinter, outputWithTemplate } from "../output/printers";
import { alignTable, tableLines, type TableOptions } from "../output/table";
import { sortObjects, sortTableRows } from "../output/sort";
import { loadManifests } from "../mutate/manifest";
import { watchTarget } from "./get-watch";

export const GET_FLAGS = [
  boolFlag("all-namespaces", { short: "A" }),
  boolFlag("allow-missing-template-keys", { default: true }),
  intFlag("chunk-size", { default: 500 }),
  stringFlag("field-selector"),
  stringSliceFlag("filename", { short: "f" }),
  boolFlag("ignore-not-found"),
  stringFlag("kustomize", { short: "k" }),
  stringSliceFlag("label-columns", { short: "L" }),
  boolFlag("no-headers"),
  stringFlag("output", { short: "o" }),
  boolFlag("output-watch-events"),
  stringFlag("raw"),
  boolFlag("recursive", { short: "R" }),
  stringFlag("selector", { short: "l" }),
  boolFlag("server-print", { default: true }),
  boolFlag("show-kind"),
  boolFlag("show-labels"),
  boolFlag("show-managed-fields"),
  stringFlag("sort-by"),
  stringFlag("subresource"),
  stringFlag("template"),
  boolFlag("watch", { short: "w" }),
  boolFlag("watch-only"),
];

export interface GetOptions {
  output: string;
  allNamespaces: boolean;
  query: ListQuery;
  ignoreNotFound: boolean;
  sortBy: string;
  table: TableOptions;
}

function options(ctx: Ctx): GetOptions {
  const f = ctx.flags;
  const output = outputWithTemplate(f);
  return {
    output,
    allNamespaces: f.bool("all-namespaces"),
    query: { labelSelector: f.string("selector"), fieldSelector: f.string("field-selector") },
    ignoreNotFound: f.bool("ignore-not-found"),
    sortBy: f.string("sort-by"),
    table: {
      noHeaders: f.bool("no-headers"),
      wide: output === "wide",
      showLabels: f.bool("show-labels"),
      columnLabels: f.strings("label-columns"),
    },
  };
}

const NO_TYPE_TEXT =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';

export const getVerb = verb({
  name: "get",
  flags: GET_FLAGS,
  run(ctx, args) {
    const o = options(ctx);
    if (ctx.flags.string("raw")) return getRaw(ctx, args, o);
    const printer = isHumanOutput(o.output) ? undefined : objectPrinter(o.output, { fs: ctx.p.fs, cwd: ctx.p.cwd, noHeaders: o.table.noHeaders, showManagedFields: ctx.flags.bool("show-managed-fields"), sortJsonKeys: true });
    const filenames = ctx.flags.strings("filename");
    let targets: Target[];
    if (filenames.length > 0) targets = targetsFromFiles(ctx, filenames);
    else {
      if (args.length === 0) {
        ctx.err(NO_TYPE_TEXT);
        throw usageError(ctx.commandPath, `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).`);
      }
      targets = parseTargets(args, { allowAll: true });
    }
    const named = targets.some((t) => t.name !== undefined);
    if (named && o.query.labelSelector) throw kubectlError("name cannot be provided when a selector is specified");
    if (named && o.allNamespaces && filenames.length === 0) throw kubectlError("a resource cannot be retrieved by name across all namespaces");
    if (ctx.flags.bool("watch") || ctx.flags.bool("watch-only")) return watchTarget(ctx, targets, o, printer);
    if (printer) return printObjects(ctx, targets, o, printer);
    return printTables(ctx, targets, o);
  },
});

export function targetsFromFiles(ctx: Ctx, filenames: string[]): Target[] {
  const items = loadManifests(filenames, { fs: ctx.p.fs, cwd: ctx.p.cwd, stdin: ctx.p.stdin, home: ctx.p.env.HOME }, ctx.flags.bool("recursive"));
  return items.map((it) => {
    const k = lookupByKind(it.object.apiVersion ?? "", it.object.kind ?? "");
    if (!k) throw kubectlError(`resource mapping not found for name: "${it.object.metadata?.name ?? ""}" namespace: "${it.object.metadata?.namespace ?? ""}" from "${it.source}": no matches for kind "${it.object.kind}" in version "${it.object.apiVersion}"\nensure CRDs are installed first`);
    return { kind: k, name: it.object.metadata?.name, namespace: it.object.metadata?.namespace };
  });
}

/** The namespace a request for `t` goes to: none for cluster-scoped kinds and -A lists. */
export function namespaceFor(ctx: Ctx, t: Target, o: GetOptions): string | undefined {
  if (!t.kind.namespaced) return undefined;
  if (o.allNamespaces && t.name === undefined) return undefined;
  return t.namespace ?? ctx.namespace;
}

interface Info {
  kind: KindInfo;
  table: Table;
}

/** Collects one Table per target; API errors are kept and printed after the output, as kubectl does. */
function fetchTables(ctx: Ctx, targets: Target[], o: GetOptions): { infos: Info[]; errors: string[] } {
  const infos: Info[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    try {
      const body = getTable(ctx, t.kind, namespaceFor(ctx, t, o), t.name, o.query);
      infos.push({ kind: t.kind, table: asTable(body, t.kind) });
    } catch (e) {
      if (!(e instanceof ApiStatusError)) throw e;
      if (o.ignoreNotFound && e.status.code === 404) continue;
      if (e.status.code !== 404 || t.name === undefined) throw e;
      errors.push(standardErrorMessage(e.status));
    }
  }
  return { infos, errors };
}

/** A server without Table support answers with the object or list: show names only. */
function asTable(body: Table | KubeObject, k: KindInfo): Table {
  if (body.kind === "Table") return body as Table;
  const items = Array.isArray((body as KubeObject).items) ? ((body as KubeObject).items as KubeObject[]) : [body as KubeObject];
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: {},
    columnDefinitions: [{ name: "Name", type: "string", format: "name", description: "", priority: 0 }],
    rows: items.map((x) => ({ cells: [x.metadata.name], object: x })),
  };
  void k;
}

function kindPrefix(k: KindInfo): string {
  return k.group ? `${k.kind.toLowerCase()}.${k.group}` : k.kind.toLowerCase();
}

/** True when more than one kind was asked for (get.go multipleGVKsRequested) or --show-kind. */
function withKind(ctx: Ctx, infos: Info[]): boolean {
  if (ctx.flags.bool("show-kind")) return true;
  return infos.length > 1 && infos.some((i) => i.kind !== infos[0].kind);
}

function printTables(ctx: Ctx, targets: Target[], o: GetOptions): number {
  const { infos, errors } = fetchTables(ctx, targets, o);
  const showKind = withKind(ctx, infos);
  const blocks: string[] = [];
  let current: { kind: KindInfo; lines: string[]; headerDone: boolean } | undefined;
  const flush = () => {
    if (current && current.lines.length) blocks.push(alignTable(current.lines));
  };
  for (const info of infos) {
    if (o.sortBy && !sortTableRows(info.table, o.sortBy)) continue; // the sorting printer failed: nothing printed
    if (!current || current.kind !== info.kind) {
      flush();
      current = { kind: info.kind, lines: [], headerDone: false };
    }
    const opts: TableOptions = {
      ...o.table,
      withNamespace: o.allNamespaces && info.kind.namespaced,
      kindPrefix: showKind ? kindPrefix(info.kind) : undefined,
    };
    const lines = tableLines(info.table, opts, !current.headerDone);
    if (info.table.rows.length > 0) current.headerDone = true;
    current.lines.push(...lines);
  }
  flush();
  // Blank lines separate kinds only when headers print (get.go: "add linebreaks between resource groups").
  ctx.out(blocks.join(o.table.noHeaders ? "" : "\n"));
  if (blocks.length === 0 && errors.length === 0 && !o.ignoreNotFound) {
    const allNamespaced = !o.allNamespaces && targets.every((t) => t.kind.namespaced);
    ctx.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : "No resources found\n");
  }
  if (errors.length) throw new CommandFailed(errors.join("\n"));
  return 0;
}

function printObjects(ctx: Ctx, targets: Target[], o: GetOptions, print: (obj: Record<string, unknown>) => string): number {
  const singleItemImplied = targets.length === 1 && targets[0].name !== undefined;
  const items: KubeObject[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    const ns = namespaceFor(ctx, t, o);
    try {
      if (t.name !== undefined) items.push(check<KubeObject>(ctx.request({ method: "GET", path: pathFor(t.kind, ns, t.name) })));
      else items.push(...listObjects(ctx, t.kind, ns, o.query).items);
    } catch (e) {
      if (!(e instanceof ApiStatusError)) throw e;
      if (o.ignoreNotFound && e.status.code === 404) continue;
      if (singleItemImplied || e.status.code !== 404 || t.name === undefined) throw e;
      errors.push(standardErrorMessage(e.status));
    }
  }
  if (singleItemImplied && items.length === 1) {
    ctx.out(print(items[0] as Record<string, unknown>));
  } else if (!(singleItemImplied && items.length === 0)) {
    const sorted = o.sortBy ? sortObjects(items, o.sortBy) : items;
    ctx.out(print({ apiVersion: "v1", items: sorted, kind: "List", metadata: { resourceVersion: "" } }));
  }
  if (errors.length) throw new CommandFailed(errors.join("\n"));
  return 0;
}

/** --raw PATH: the response body as the server sent it (get.go RawURL). */
function getRaw(ctx: Ctx, args: string[], o: GetOptions): number {
  if (o.output) throw kubectlError("--raw and --output are mutually exclusive");
  if (args.length > 0) throw kubectlError("arguments may not be passed when --raw is specified");
  const raw = ctx.flags.string("raw");
  const [path, qs = ""] = raw.split("?");
  const query: Record<string, string> = {};
  for (const part of qs.split("&").filter(Boolean)) {
    const eq = part.indexOf("=");
    query[decodeURIComponent(eq < 0 ? part : part.slice(0, eq))] = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
  }
  const res = ctx.request({ method: "GET", path, query });
  const body = check<unknown>(res);
  ctx.out(typeof body === "string" ? body : `${JSON.stringify(body)}\n`);
  return 0;
}
