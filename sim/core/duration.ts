// Durations as Kubernetes prints and parses them.

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration: the AGE column. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** The AGE of an RFC 3339 timestamp at `nowMs`; "<unknown>" when absent, as the printers do. */
export function age(timestamp: string | undefined | null, nowMs: number): string {
  if (!timestamp) return "<unknown>";
  return humanDuration(nowMs - Date.parse(timestamp));
}

const rfc3339Seen = new Map<number, string>();

/** RFC 3339 with second precision, as metav1.Time marshals ("2026-11-25T22:21:12Z"). */
export function rfc3339(ms: number): string {
  // Status writes format the same few seconds over and over: remember the latest ones.
  const s = Math.floor(ms / 1000);
  let text = rfc3339Seen.get(s);
  if (text === undefined) {
    text = new Date(s * 1000).toISOString().replace(".000Z", "Z");
    if (rfc3339Seen.size >= 1024) rfc3339Seen.clear();
    rfc3339Seen.set(s, text);
  }
  return text;
}

/** Go's time.ParseDuration for the forms kubectl flags take ("30s", "1m30s", "2h", "500ms"). */
export function parseGoDuration(text: string): number | undefined {
  if (text === "0") return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let sign = 1;
  let i = 0;
  if (text[0] === "-" || text[0] === "+") {
    sign = text[0] === "-" ? -1 : 1;
    i = 1;
  }
  if (i >= text.length) return undefined;
  let total = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    total += parseFloat(m[1]) * unit[m[2]];
    i = re.lastIndex;
  }
  return sign * total;
}
