// A small subset of kubectl's JSONPath (k8s.io/client-go/util/jsonpath), enough for graders:
// {.a.b}, {.a[0]}, {.a[*].b}, {.a[?(@.name=="x")].b}. Values print as kubectl prints them:
// several results joined by a space, objects as JSON.

export class JsonPathError extends Error {}

type Step = { field: string } | { index: number } | { all: true } | { filter: { path: string[]; value: string } };

export function parseJsonPath(expr: string): Step[] {
  const m = /^\{(.*)\}$/.exec(expr.trim());
  if (!m) throw new JsonPathError(`jsonpath must be wrapped in {}: ${expr}`);
  const src = m[1];
  const steps: Step[] = [];
  let i = 0;
  while (i < src.length) {
    if (src[i] === ".") {
      const f = /^\.([A-Za-z0-9_-]+)/.exec(src.slice(i));
      if (!f) throw new JsonPathError(`unexpected "${src.slice(i)}" in ${expr}`);
      steps.push({ field: f[1] });
      i += f[0].length;
    } else if (src[i] === "[") {
      const end = src.indexOf("]", i);
      if (end < 0) throw new JsonPathError(`unclosed [ in ${expr}`);
      const inner = src.slice(i + 1, end);
      if (inner === "*") steps.push({ all: true });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else {
        const fm = /^\?\(@((?:\.[A-Za-z0-9_-]+)+)\s*==\s*(?:"([^"]*)"|'([^']*)'|([^)\s]+))\)$/.exec(inner);
        if (!fm) throw new JsonPathError(`unsupported filter [${inner}] in ${expr}`);
        steps.push({ filter: { path: fm[1].slice(1).split("."), value: fm[2] ?? fm[3] ?? fm[4] } });
      }
      i = end + 1;
    } else throw new JsonPathError(`unexpected "${src[i]}" in ${expr}`);
  }
  return steps;
}

function dig(v: unknown, path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), v);
}

/** Every value the expression selects (an empty list when nothing matches). */
export function evaluateJsonPath(obj: unknown, expr: string): unknown[] {
  let cur: unknown[] = [obj];
  for (const s of parseJsonPath(expr)) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ("field" in s) {
        const x = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[s.field] : undefined;
        if (x !== undefined) next.push(x);
      } else if ("index" in s) {
        if (Array.isArray(v) && s.index < v.length) next.push(v[s.index]);
      } else if ("all" in s) {
        if (Array.isArray(v)) next.push(...v);
      } else if (Array.isArray(v)) {
        next.push(...v.filter((e) => String(dig(e, s.filter.path)) === s.filter.value));
      }
    }
    cur = next;
  }
  return cur;
}

export function formatJsonPathValue(values: unknown[]): string {
  return values.map((v) => (v !== null && typeof v === "object" ? JSON.stringify(v) : String(v))).join(" ");
}
