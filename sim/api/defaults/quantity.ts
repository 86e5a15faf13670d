// resource.Quantity canonical form (k8s.io/apimachinery/pkg/api/resource/quantity.go
// CanonicalizeBytes): the API server stores quantities as it re-serialises them, so `cpu: 0.5`
// comes back as `500m` and `memory: 1024Mi` as `1Gi`.

const DECIMAL: [string, number][] = [["E", 18], ["P", 15], ["T", 12], ["G", 9], ["M", 6], ["k", 3], ["", 0], ["m", -3], ["u", -6], ["n", -9]];
const BINARY: [string, number][] = [["Ei", 60], ["Pi", 50], ["Ti", 40], ["Gi", 30], ["Mi", 20], ["Ki", 10]];
const NANO = 10n ** 9n;

interface Parsed {
  nanos: bigint; // value in units of 10^-9, rounded up as the API rounds sub-nano values
  format: "DecimalSI" | "BinarySI" | "DecimalExponent";
}

function parse(s: string): Parsed | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(s.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const [, sign, whole, frac = "", suffix = ""] = m;
  let num = BigInt((whole || "0") + frac) * NANO;
  let den = 10n ** BigInt(frac.length);
  let format: Parsed["format"] = "DecimalSI";
  const bin = BINARY.find(([sfx]) => sfx === suffix);
  if (bin) {
    num *= 1n << BigInt(bin[1]);
    format = "BinarySI";
  } else if (/^[eE]/.test(suffix)) {
    const e = Number(suffix.slice(1));
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
    format = "DecimalExponent";
  } else {
    const e = DECIMAL.find(([sfx]) => sfx === suffix)![1];
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  }
  let nanos = num / den;
  if (num % den !== 0n) nanos += 1n; // Quantity rounds up below nano precision
  return { nanos: sign === "-" ? -nanos : nanos, format };
}

function formatDecimal(nanos: bigint): string {
  if (nanos === 0n) return "0";
  const neg = nanos < 0n;
  const abs = neg ? -nanos : nanos;
  for (const [sfx, e] of DECIMAL) {
    const unit = 10n ** BigInt(e + 9);
    if (abs % unit === 0n) return `${neg ? "-" : ""}${abs / unit}${sfx}`;
  }
  return `${neg ? "-" : ""}${abs}n`;
}

function formatExponent(nanos: bigint): string {
  if (nanos === 0n) return "0";
  const neg = nanos < 0n;
  let abs = neg ? -nanos : nanos;
  let e = -9;
  while (abs % 10n === 0n) {
    abs /= 10n;
    e++;
  }
  // Exponents are kept in multiples of 3, as Go's formatter does.
  while (((e % 3) + 3) % 3 !== 0) {
    abs *= 10n;
    e--;
  }
  return `${neg ? "-" : ""}${abs}${e === 0 ? "" : `e${e}`}`;
}

/** A quantity's value in units of 10^-9 (undefined when it does not parse), for comparisons. */
export function quantityNanos(q: unknown): bigint | undefined {
  if (typeof q !== "string" && typeof q !== "number") return undefined;
  return parse(String(q))?.nanos;
}

/** The canonical string of a quantity; the input unchanged when it does not parse. */
export function canonicalQuantity(q: unknown): unknown {
  if (typeof q !== "string" && typeof q !== "number") return q;
  const p = parse(String(q));
  if (!p) return q;
  if (p.format === "BinarySI") {
    const abs = p.nanos < 0n ? -p.nanos : p.nanos;
    if (abs < 1024n * NANO || abs % NANO !== 0n) return formatDecimal(p.nanos);
    const bytes = p.nanos / NANO;
    for (const [sfx, shift] of BINARY) {
      const unit = 1n << BigInt(shift);
      if (bytes % unit === 0n) return `${bytes / unit}${sfx}`;
    }
    return String(bytes);
  }
  if (p.format === "DecimalExponent") return formatExponent(p.nanos);
  return formatDecimal(p.nanos);
}

export function canonicalResourceList(list: unknown): void {
  if (!list || typeof list !== "object" || Array.isArray(list)) return;
  const l = list as Record<string, unknown>;
  for (const k of Object.keys(l)) l[k] = canonicalQuantity(l[k]);
}
