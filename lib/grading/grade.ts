// Pure scorer: checks in, results out; no I/O and no clock. `error` means the grader itself
// could not run (a bad jsonpath, an unknown kind, an API error), never "the learner failed".
import { RE2JS } from "re2js";
import type { Check, CheckResult, ClusterReader, Localized } from "./checks";
import { evaluateJsonPath, formatJsonPathValue } from "./jsonpath";
import { collectionPath, objectPath } from "./resources";

type Vars = Record<string, string | number>;
type Outcome = { ok: boolean; vars: Vars; defaults: { pass: Localized; fail: Localized } };

export class GraderError extends Error {}

function fill(text: string, vars: Vars): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

function getObject(read: ClusterReader, ref: string, namespace?: string): Record<string, unknown> | undefined {
  const r = read({ method: "GET", path: objectPath(ref, namespace) });
  if (r.status === 404) return undefined;
  if (r.status !== 200) throw new GraderError(`GET ${ref} returned ${r.status}`);
  return r.body as Record<string, unknown>;
}

const notFound = (object: string): Outcome => ({
  ok: false,
  vars: { object, actual: "<not found>" },
  defaults: { pass: { en: "", ko: "" }, fail: { en: "{object} was not found.", ko: "{object}을(를) 찾을 수 없습니다." } },
});

function evaluate(c: Check, read: ClusterReader, commands: string[]): Outcome {
  if (c.exists) {
    const o = getObject(read, c.exists.object, c.exists.namespace);
    const ok = c.exists.absent ? !o : !!o;
    return {
      ok,
      vars: { object: c.exists.object },
      defaults: c.exists.absent
        ? { pass: { en: "{object} is gone.", ko: "{object}이(가) 없습니다." }, fail: { en: "{object} still exists.", ko: "{object}이(가) 아직 있습니다." } }
        : { pass: { en: "{object} exists.", ko: "{object}이(가) 있습니다." }, fail: { en: "{object} was not found.", ko: "{object}을(를) 찾을 수 없습니다." } },
    };
  }
  if (c.jsonpath) {
    const j = c.jsonpath;
    const o = getObject(read, j.object, j.namespace);
    if (!o) return notFound(j.object);
    const actual = formatJsonPathValue(evaluateJsonPath(o, j.path));
    const ok = j.equals !== undefined ? actual === String(j.equals) : RE2JS.compile(j.matches!).matches(actual);
    return {
      ok,
      vars: { object: j.object, path: j.path, actual: actual || "<empty>", expected: String(j.equals ?? j.matches) },
      defaults: { pass: { en: "{path} is {actual}.", ko: "{path} 값은 {actual}입니다." }, fail: { en: "{path} is {actual}, expected {expected}.", ko: "{path} 값이 {actual}입니다. 기대한 값: {expected}." } },
    };
  }
  if (c.phase) {
    const o = getObject(read, c.phase.object, c.phase.namespace);
    if (!o) return notFound(c.phase.object);
    const actual = String(evaluateJsonPath(o, "{.status.phase}")[0] ?? "<none>");
    return {
      ok: actual === c.phase.equals,
      vars: { object: c.phase.object, actual, expected: c.phase.equals },
      defaults: { pass: { en: "{object} is {actual}.", ko: "{object}의 상태는 {actual}입니다." }, fail: { en: "{object} is {actual}, not {expected}.", ko: "{object}의 상태가 {expected}가 아니라 {actual}입니다." } },
    };
  }
  if (c.containerReady) {
    const r = c.containerReady;
    const o = getObject(read, r.object, r.namespace);
    if (!o) return notFound(r.object);
    const statuses = evaluateJsonPath(o, "{.status.containerStatuses[*]}") as { name?: string; ready?: boolean }[];
    const chosen = r.container ? statuses.filter((s) => s.name === r.container) : statuses;
    const ok = chosen.length > 0 && chosen.every((s) => s.ready === true);
    return {
      ok,
      vars: { object: r.object, container: r.container ?? "all containers" },
      defaults: { pass: { en: "The containers of {object} are ready.", ko: "{object}의 컨테이너가 준비되었습니다." }, fail: { en: "The containers of {object} are not ready.", ko: "{object}의 컨테이너가 아직 준비되지 않았습니다." } },
    };
  }
  if (c.selector) {
    const s = c.selector;
    const r = read({ method: "GET", path: collectionPath(s.resource, s.namespace), query: { labelSelector: s.labelSelector } });
    if (r.status !== 200) throw new GraderError(`LIST ${s.resource} returned ${r.status}`);
    const count = ((r.body as { items?: unknown[] }).items ?? []).length;
    return {
      ok: count >= s.atLeast,
      vars: { resource: s.resource, selector: s.labelSelector, count, atLeast: s.atLeast },
      defaults: { pass: { en: "{count} {resource} match {selector}.", ko: "{selector}에 맞는 {resource}: {count}개." }, fail: { en: "{count} {resource} match {selector}; at least {atLeast} needed.", ko: "{selector}에 맞는 {resource}가 {count}개입니다. {atLeast}개 이상 필요합니다." } },
    };
  }
  if (c.commandLog) {
    const ok = commands.some((line) => usesVerb(line, c.commandLog!.program, c.commandLog!.verb));
    return {
      ok,
      vars: { verb: c.commandLog.verb, program: c.commandLog.program },
      defaults: { pass: { en: "You used {program} {verb}.", ko: "{program} {verb}을(를) 사용했습니다." }, fail: { en: "Try {program} {verb}.", ko: "{program} {verb}을(를) 사용해 보세요." } },
    };
  }
  throw new GraderError("check has no condition");
}

/** True when some simple command of the line runs `program verb ...` (flags before the verb allowed). */
export function usesVerb(line: string, program: string, verb: string): boolean {
  for (const cmd of line.split(/\|\||&&|[|;\n]/)) {
    const words = cmd.trim().split(/\s+/).filter(Boolean);
    // The command word: after VAR=value assignments and wrappers such as `time` or `sudo`.
    let at = 0;
    while (at < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at]) || /^(time|sudo|command|watch)$/.test(words[at]))) at++;
    if (!(words[at] === program || words[at]?.endsWith(`/${program}`))) continue;
    const rest = words.slice(at + 1);
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i];
      if (!w.startsWith("-")) {
        if (w === verb) return true;
        break;
      }
      // kubectl's global flags that take a separate value: -n ns, --namespace ns, --context x
      if (/^(-n|--namespace|--context|--kubeconfig|-s|--server)$/.test(w)) i++;
    }
  }
  return false;
}

export function gradeExercise(checks: Check[], read: ClusterReader, commands: string[] = []): CheckResult[] {
  return checks.map((c) => {
    try {
      const o = evaluate(c, read, commands);
      const text = (o.ok ? c.pass : c.fail) ?? (o.ok ? o.defaults.pass : o.defaults.fail);
      return { id: c.id, status: o.ok ? "pass" : "fail", title: c.title, message: { en: fill(text.en, o.vars), ko: fill(text.ko, o.vars) } };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { id: c.id, status: "error", title: c.title, message: { en: `The grader could not run this check: ${why}`, ko: `이 항목을 채점할 수 없습니다: ${why}` } };
    }
  });
}

/** Points earned: all or nothing per exercise, as the checks are the definition of done. */
export function score(results: CheckResult[], points: number): { score: number; passed: boolean } {
  const passed = results.length > 0 && results.every((r) => r.status === "pass");
  return { score: passed ? points : 0, passed };
}
