// kubectl wait (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go, v1.32): --for=delete | create |
// condition=NAME[=VALUE] | jsonpath='{expr}'[=VALUE], one --timeout for the whole command
// (default 30s; 0 checks once; negative means a week). Waiting advances the virtual clock to the
// cluster's next wake-up, never past the timeout.

import type { KubeObject } from "../../api/types";
import { boolFlag, durationFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText } from "../framework/errors";
import { nameOf } from "../framework/resources";
import { pathFor } from "../framework/api";
import { verb, type Ctx } from "../framework/verb";
import { filenameFlags, printFlags } from "../mutate/common";
import { findTargets, type Found } from "../mutate/targets";
import type { VisitError } from "../mutate/write";
import { renderErrors } from "../mutate/write";
import { stepClock } from "../mutate/wait";
import { findJsonPathResults, parseJsonPath, relaxedJsonPath } from "../output/jsonpath";
import { parseTargets } from "../framework/resources";

type Check = (obj: KubeObject) => boolean;

interface Condition {
  kind: "delete" | "create" | "check";
  check?: Check;
}

export const waitVerb = verb({
  name: "wait",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    stringFlag("for"),
    durationFlag("timeout", { default: "30s" }),
    stringFlag("selector", { short: "l" }),
    stringFlag("field-selector"),
    boolFlag("all"),
    boolFlag("all-namespaces", { short: "A" }),
    boolFlag("local"),
  ],
  run: (ctx, args) => runWait(ctx, args),
});

/** splitJSONPathInput: split on single '=', keeping '=='. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let el = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (input[i + 1] === "=") {
        el += "==";
        i++;
        continue;
      }
      out.push(el);
      el = "";
      continue;
    }
    el += input[i];
  }
  out.push(el);
  return out;
}

function goString(v: unknown): string {
  if (typeof v === "string") return v;
  return String(v);
}

/** conditionFuncFor. */
export function parseFor(condition: string): Condition {
  const lower = condition.toLowerCase();
  if (lower === "delete") return { kind: "delete" };
  if (lower === "create") return { kind: "create" };
  if (condition.startsWith("condition=")) {
    let name = condition.slice("condition=".length);
    let value = "true";
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { kind: "check", check: (o) => conditionMet(o, name, value) };
  }
  if (condition.startsWith("jsonpath=")) {
    const parts = splitJsonPathInput(condition.slice("jsonpath=".length));
    if (parts.length < 1 || parts.length > 2) throw kubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    let expr: string;
    try {
      expr = relaxedJsonPath(parts[0]);
    } catch (e) {
      throw kubectlError((e as Error).message);
    }
    const value = parts.length === 2 ? parts[1].replace(/^['"]+|['"]+$/g, "") : "";
    if (parts.length === 2 && value === "") throw kubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    if (expr === "") throw kubectlError("jsonpath expression cannot be empty");
    let jp;
    try {
      jp = parseJsonPath(expr);
    } catch (e) {
      throw kubectlError((e as Error).message);
    }
    return {
      kind: "check",
      check: (o) => {
        const results = findJsonPathResults(jp, o, { allowMissingKeys: true });
        if (results.length === 0 || results[0].length === 0) return false;
        if (results.length > 1) throw kubectlError("given jsonpath expression matches more than one list");
        if (results[0].length > 1) throw kubectlError("given jsonpath expression matches more than one value");
        if (value === "") return true;
        const r = results[0][0];
        if (r !== null && typeof r === "object") throw kubectlError("jsonpath leads to a nested object or list which is not supported");
        return goString(r).trim() === value.trim();
      },
    };
  }
  throw kubectlError(`unrecognized condition: ${JSON.stringify(condition)}`);
}

/** ConditionalWait.checkCondition: case-folded type and status; stale observedGeneration ignored. */
function conditionMet(o: KubeObject, name: string, value: string): boolean {
  for (const c of o.status?.conditions ?? []) {
    if (typeof c?.type !== "string" || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== "string") continue;
    const generation = o.metadata.generation;
    const observed = typeof c.observedGeneration === "number" ? c.observedGeneration : o.status?.observedGeneration;
    if (typeof generation === "number" && typeof observed === "number" && observed < generation) return false;
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

function durationMs(ctx: Ctx): number {
  const ms = ctx.flags.durationMs("timeout");
  return ms < 0 ? 168 * 3_600_000 : ms;
}

function runWait(ctx: Ctx, args: string[]): number {
  const cond = parseFor(ctx.flags.string("for"));
  const timeoutMs = durationMs(ctx);
  const until = ctx.now() + timeoutMs;
  const errors: VisitError[] = [];
  let targets: Found[];
  if (cond.kind === "create") targets = createTargets(ctx, args);
  else {
    targets = findTargets(ctx, args, {
      files: ctx.flags.strings("filename"),
      recursive: ctx.flags.bool("recursive"),
      selector: ctx.flags.string("selector"),
      fieldSelector: ctx.flags.string("field-selector"),
      all: ctx.flags.bool("all"),
      allNamespaces: ctx.flags.bool("all-namespaces"),
      emptyMessage: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    }, errors);
    // IgnoreErrors(IsNotFound) for --for=delete: what is already gone is what we wanted.
    if (cond.kind === "delete") errors.splice(0, errors.length, ...errors.filter((e) => !(typeof e === "string" && e.startsWith("Error from server (NotFound)"))));
  }
  if (errors.length) {
    ctx.err(renderErrors(errors));
    return 1;
  }
  if (targets.length === 0 && cond.kind !== "delete") throw kubectlError("no matching resources found");
  const failures: string[] = [];
  for (const t of targets) {
    const failure = waitOne(ctx, t, cond, timeoutMs, until);
    if (failure) failures.push(failure);
    else ctx.out(`${nameOf(t.kind, t.name)} condition met\n`);
  }
  if (failures.length === 0) return 0;
  // cmdutil.CheckErr: one error gets "error: "; an aggregate prints its messages as they are.
  const single = failures.length === 1 && !failures[0].startsWith("Error from server");
  ctx.err(single ? `error: ${failures[0]}\n` : `${failures.join("\n")}\n`);
  return 1;
}

function createTargets(ctx: Ctx, args: string[]): Found[] {
  if (args.length === 0) throw kubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  return parseTargets(args).map((t) => {
    if (t.name === undefined) throw kubectlError("resource name must be provided");
    const ns = t.kind.namespaced ? ctx.namespace : undefined;
    return { kind: t.kind, namespace: ns, name: t.name, object: {} as KubeObject };
  });
}

/** One object: undefined when the condition was met, else kubectl's error text. */
function waitOne(ctx: Ctx, t: Found, cond: Condition, timeoutMs: number, until: number): string | undefined {
  const where = `${t.kind.resource}/${t.name}`;
  const path = pathFor(t.kind, t.namespace, t.name);
  const uid = t.object.metadata?.uid;
  const look = (): { obj?: KubeObject; error?: string } => {
    const r = ctx.request({ method: "GET", path });
    if (r.status === 404) return {};
    if (r.status >= 400) return { error: statusErrorText(r.body as never) };
    return { obj: r.body as KubeObject };
  };
  const test = (): "met" | "not" | string => {
    const { obj, error } = look();
    if (error) return error;
    if (cond.kind === "delete") return !obj || (uid && obj.metadata.uid !== uid) ? "met" : "not";
    if (cond.kind === "create") return obj ? "met" : "not";
    if (!obj) return `Error from server (NotFound): ${t.kind.group ? `${t.kind.resource}.${t.kind.group}` : t.kind.resource} "${t.name}" not found`;
    return cond.check!(obj) ? "met" : "not";
  };
  const timedOut = cond.kind === "create" ? "timed out waiting for the condition" : `timed out waiting for the condition on ${where}`;
  // One context for the whole command: once it has expired, every later object times out.
  if (timeoutMs > 0 && ctx.now() >= until) return timedOut;
  if (timeoutMs === 0) {
    const r = test();
    if (r === "met") return undefined;
    return r === "not" ? `condition not met for ${where}` : r;
  }
  for (let i = 0; i < 100_000; i++) {
    const r = test();
    if (r === "met") return undefined;
    if (r !== "not") return r;
    if (ctx.now() >= until) break;
    if (!stepClock(ctx, until)) {
      const last = test();
      if (last === "met") return undefined;
      if (last !== "not") return last;
      break;
    }
  }
  return timedOut;
}
