// Pure helpers of the container shell: $(( )) arithmetic and busybox `date` formatting.

/** $(( )) with + - * / % and parentheses over integers and variable names. */
export function arith(expr: string, vars: Record<string, string>): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|[-+*/%()]/g) ?? [];
  let p = 0;
  const atom = (): number => {
    const t = toks[p++];
    if (t === "(") { const v = sum(); p++; return v; }
    if (t === "-") return -atom();
    if (t === undefined) return 0;
    if (/^\d/.test(t)) return parseInt(t, 10);
    return parseInt(vars[t] ?? "0", 10) || 0;
  };
  const prod = (): number => {
    let v = atom();
    while (toks[p] === "*" || toks[p] === "/" || toks[p] === "%") {
      const op = toks[p++], r = atom();
      v = op === "*" ? v * r : r === 0 ? 0 : op === "/" ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = prod();
    while (toks[p] === "+" || toks[p] === "-") { const op = toks[p++]; v = op === "+" ? v + prod() : v - prod(); }
    return v;
  };
  return sum();
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** busybox `date` ("Wed Nov 25 22:30:06 UTC 2026") and a few +FORMAT directives. */
export function formatDate(ms: number, format?: string): string {
  const d = new Date(ms);
  const f: Record<string, string> = {
    a: DAYS[d.getUTCDay()], b: MONTHS[d.getUTCMonth()], d: pad(d.getUTCDate()), e: String(d.getUTCDate()).padStart(2, " "),
    H: pad(d.getUTCHours()), M: pad(d.getUTCMinutes()), S: pad(d.getUTCSeconds()), Y: String(d.getUTCFullYear()),
    m: pad(d.getUTCMonth() + 1), s: String(Math.floor(ms / 1000)), Z: "UTC", "%": "%",
  };
  f.T = `${f.H}:${f.M}:${f.S}`;
  f.F = `${f.Y}-${f.m}-${f.d}`;
  if (format?.startsWith("+")) return format.slice(1).replace(/%(.)/g, (_, c: string) => f[c] ?? `%${c}`);
  return `${f.a} ${f.b} ${f.e} ${f.T} UTC ${f.Y}`;
}
