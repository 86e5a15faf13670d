// JSON as kubectl's JSONPrinter prints it: json.MarshalIndent(obj, "", "    ") plus a newline.
// Go's encoder escapes <, >, & and U+2028/U+2029 (HTML-safe by default).

export function toJson(value: unknown, opts: { sortKeys?: boolean; indent?: string } = {}): string {
  return goJson(value, opts.sortKeys ?? false, opts.indent ?? "    ", "") + "\n";
}

/** One-line Go json.Marshal (no indentation), used by jsonpath for maps and lists. */
export function toCompactJson(value: unknown, sortKeys = false): string {
  return goJson(value, sortKeys, "", "");
}

function goJson(v: unknown, sort: boolean, step: string, indent: string): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goString(v);
  if (typeof v === "number") return Number.isFinite(v) ? goNumber(v) : "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  const inner = indent + step;
  const nl = step ? "\n" : "";
  const sep = step ? ": " : ":";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${nl}${v.map((x) => inner + goJson(x, sort, step, inner)).join(`,${nl}`)}${nl}${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (sort) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return "{}";
  return `{${nl}${entries.map(([k, x]) => `${inner}${goString(k)}${sep}${goJson(x, sort, step, inner)}`).join(`,${nl}`)}${nl}${indent}}`;
}

function goNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  // encoding/json uses 'f' unless the exponent is < -6 or >= 21, then 'e' with a 2-digit minimum exponent.
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  }
  return String(n);
}

export function goString(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (c === '"') out += '\\"';
    else if (c === "\\") out += "\\\\";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (cp < 0x20 || c === "<" || c === ">" || c === "&" || cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return out + '"';
}
