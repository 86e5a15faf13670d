// A small resource.Quantity (k8s.io/apimachinery/pkg/api/resource): parse, add, compare and print
// in canonical form, enough for requests, limits, capacity and allocatable as describe prints them.

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** Value in nano-units (exact for the sizes a sandbox sees), with the format it was written in. */
export interface Quantity {
  nanos: bigint;
  format: QuantityFormat;
}

export const ZERO: Quantity = { nanos: 0n, format: "DecimalSI" };

export function parseQuantity(text: string | number | undefined | null): Quantity | undefined {
  if (text === undefined || text === null) return undefined;
  const s = String(text).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const frac = m[3] ?? "";
  const mantissa = BigInt((m[2] || "0") + frac);
  let nanos: bigint;
  let format: QuantityFormat = "DecimalSI";
  const scale = (exp10: number) => (exp10 >= 0 ? mantissa * 10n ** BigInt(exp10) : mantissa / 10n ** BigInt(-exp10));
  if (m[4]) {
    format = "DecimalExponent";
    nanos = scale(9 + Number(m[4].slice(1)) - frac.length);
  } else if (m[5] && m[5] in BINARY) {
    format = "BinarySI";
    nanos = scale(9 - frac.length) * 2n ** BigInt(BINARY[m[5]]);
  } else {
    nanos = scale(9 + DECIMAL[m[5] ?? ""] - frac.length);
  }
  return { nanos: sign * nanos, format };
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.nanos > a.nanos ? { nanos: b.nanos, format: a.format } : a;
}

/** MilliValue, rounded up as Go's ScaledValue does. */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, 1_000_000n));
}

/** Value, rounded up. */
export function value(q: Quantity): number {
  return Number(ceilDiv(q.nanos, 1_000_000_000n));
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** Quantity.String(): canonical form in the quantity's own format. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return "0";
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? "-" : "";
  if (q.format === "BinarySI" && abs % 1_000_000_000n === 0n) {
    const bytes = abs / 1_000_000_000n;
    if (bytes >= 1024n) {
      let n = bytes;
      let i = 0;
      const suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
      while (n % 1024n === 0n && i < suffixes.length - 1) {
        n /= 1024n;
        i++;
      }
      return `${sign}${n}${suffixes[i]}`;
    }
  }
  // DecimalSI: the largest power-of-1000 suffix keeping an integer mantissa.
  const suffixes: [string, bigint][] = [["E", 10n ** 27n], ["P", 10n ** 24n], ["T", 10n ** 21n], ["G", 10n ** 18n], ["M", 10n ** 15n], ["k", 10n ** 12n], ["", 10n ** 9n], ["m", 10n ** 6n], ["u", 10n ** 3n], ["n", 1n]];
  for (const [suffix, unit] of suffixes) {
    if (abs % unit === 0n) return `${sign}${abs / unit}${suffix}`;
  }
  return `${sign}${abs}n`;
}

export function quantityString(text: string | number | undefined | null): string {
  const q = parseQuantity(text);
  return q ? formatQuantity(q) : String(text ?? "");
}
