// The objects a verb acts on, as resource.Builder finds them: `TYPE NAME...`, `TYPE/NAME...`,
// `TYPE -l sel`, `TYPE --all`, or -f files; each fetched from the server. Missing names are
// reported per name (NotFound) while the others are still visited.

import type { KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { CommandFailed, kubectlError, statusErrorText } from "../framework/errors";
import { listObjects } from "../framework/api";
import { parseTargets } from "../framework/resources";
import type { Ctx } from "../framework/verb";
import { kindOfObject, namespaceFor } from "./common";
import { loadManifests } from "./manifest";
import { getResult, renderErrors, type VisitError } from "./write";

export interface Found {
  kind: KindInfo;
  namespace?: string;
  name: string;
  object: KubeObject;
  source?: string;
}

export interface TargetQuery {
  files?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** The message when nothing names a resource (each verb words it). */
  emptyMessage: string;
}

/** Resolves and fetches the targets; NotFound and similar errors land in `errors`. */
export function findTargets(ctx: Ctx, args: string[], q: TargetQuery, errors: VisitError[]): Found[] {
  if (q.files && q.files.length) return fromFiles(ctx, q.files, q.recursive ?? false, errors);
  if (args.length === 0) throw kubectlError(q.emptyMessage);
  const out: Found[] = [];
  const listing = q.all || !!q.selector || !!q.fieldSelector;
  for (const t of parseTargets(args)) {
    const ns = t.kind.namespaced ? ctx.namespace : undefined;
    if (t.name !== undefined) {
      if (listing && q.selector) throw kubectlError("selectors and the all flag cannot be used when passing resource/name arguments");
      const r = getResult(ctx, t.kind, ns, t.name);
      if (r.ok) out.push({ kind: t.kind, namespace: ns, name: t.name, object: r.object });
      else errors.push(statusErrorText(r.status));
      continue;
    }
    if (!listing) throw kubectlError(q.emptyMessage);
    const listNs = t.kind.namespaced && !q.allNamespaces ? ctx.namespace : undefined;
    const { items } = listObjects(ctx, t.kind, listNs, { labelSelector: q.selector || undefined, fieldSelector: q.fieldSelector || undefined });
    for (const o of items) out.push({ kind: t.kind, namespace: o.metadata.namespace, name: o.metadata.name!, object: o });
  }
  return out;
}

function fromFiles(ctx: Ctx, files: string[], recursive: boolean, errors: VisitError[]): Found[] {
  const out: Found[] = [];
  for (const item of loadManifests(files, { fs: ctx.p.fs, cwd: ctx.p.cwd, stdin: ctx.p.stdin, home: ctx.p.env.HOME }, recursive)) {
    if (item.error) {
      errors.push(item.error);
      continue;
    }
    try {
      const kind = kindOfObject(item.object, item.source);
      const ns = namespaceFor(ctx, kind, item.object);
      const name = item.object.metadata?.name ?? "";
      const r = getResult(ctx, kind, ns, name);
      if (r.ok) out.push({ kind, namespace: ns, name, object: r.object, source: item.source });
      else errors.push(statusErrorText(r.status));
    } catch (e) {
      if (e instanceof CommandFailed) errors.push(e.text);
      else throw e;
    }
  }
  return out;
}

/** The `-f`, `-l`, `--all` selection of the `kubectl set` verbs (their selectionFlags()). */
export function selectionQuery(ctx: Ctx, emptyMessage: string): TargetQuery {
  return { files: ctx.flags.strings("filename"), selector: ctx.flags.string("selector"), all: ctx.flags.bool("all"), emptyMessage };
}

/**
 * Visits every target `args` and `q` name; what a visit returns is an error of that target. The
 * lookup's errors (NotFound, ...) and the visits' are printed after the successes: the exit code.
 */
export function visitTargets(ctx: Ctx, args: string[], q: TargetQuery, visit: (t: Found) => VisitError | undefined): number {
  const errors: VisitError[] = [];
  for (const t of findTargets(ctx, args, q, errors)) {
    const e = visit(t);
    if (e) errors.push(e);
  }
  return finishWithErrors(ctx, errors);
}

/** Prints collected errors after the successes, as kubectl's aggregate does; the exit code. */
export function finishWithErrors(ctx: Ctx, errors: VisitError[]): number {
  if (errors.length === 0) return 0;
  ctx.err(renderErrors(errors));
  return 1;
}
