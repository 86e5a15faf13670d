// Standard cron schedules as the CronJob API and controller read them (github.com/robfig/cron/v3
// parser.go ParseStandard and spec.go Next): 5 fields, names, ranges, steps, lists and the
// @yearly/@monthly/@weekly/@daily/@hourly descriptors. Error texts are robfig's word for word.

export interface CronSchedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  /** robfig's starBit: a `*` (or `?`) day field makes the day match an AND instead of an OR. */
  domStar: boolean;
  dowStar: boolean;
  /** `@every <duration>` (ConstantDelaySchedule), in ms. */
  everyMs?: number;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const BOUNDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

export class CronError extends Error {}

/** Go's strconv.Atoi for the subset cron uses. */
function mustParseInt(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new CronError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${s}`);
  return n;
}

function parseIntOrName(s: string, names?: Record<string, number>): number {
  const named = names?.[s.toLowerCase()];
  return named !== undefined ? named : mustParseInt(s);
}

function getRange(expr: string, b: Bounds, into: Set<number>): boolean {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (singleDigit) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let i = start; i <= end; i += step) into.add(i);
  return star;
}

function getField(field: string, b: Bounds): { set: Set<number>; star: boolean } {
  const set = new Set<number>();
  let star = false;
  for (const expr of field.split(",")) star = getRange(expr, b, set) || star;
  return { set, star };
}

/** Go's time.ParseDuration for the simple forms `@every` takes (1h30m, 90s, 5m). */
function parseEvery(s: string): number {
  const re = /([0-9]+(?:\.[0-9]*)?)(ns|us|µs|ms|s|m|h)/gy;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * unit[m[2]];
    at = re.lastIndex;
  }
  if (!s || at !== s.length) throw new CronError(`failed to parse duration @every ${s}: time: invalid duration ${JSON.stringify(s)}`);
  // ConstantDelaySchedule rounds to whole seconds, at least one.
  return Math.max(1000, Math.floor(total / 1000) * 1000);
}

/** cron.ParseStandard: throws CronError with robfig's message. `TZ=`/`CRON_TZ=` prefixes are stripped. */
export function parseCron(spec: string): CronSchedule {
  let s = spec;
  if (s.length === 0) throw new CronError("empty spec string");
  const tz = /^(?:CRON_TZ|TZ)=(\S*)\s*/.exec(s);
  if (tz) s = s.slice(tz[0].length);
  if (s.startsWith("@")) {
    if (s.startsWith("@every ")) return { ...parseCron("* * * * *"), everyMs: parseEvery(s.slice(7).trim()) };
    const d = DESCRIPTORS[s];
    if (!d) throw new CronError(`unrecognized descriptor: ${s}`);
    s = d;
  }
  const fields = s.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => getField(f, BOUNDS[i]));
  return { minute: minute.set, hour: hour.set, dom: dom.set, month: month.set, dow: dow.set, domStar: dom.star, dowStar: dow.star };
}

/** The error message of ParseStandard, or undefined when the schedule parses. */
export function cronError(spec: string): string | undefined {
  try {
    parseCron(spec);
    return undefined;
  } catch (e) {
    if (e instanceof CronError) return e.message;
    throw e;
  }
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const domMatch = s.dom.has(d.getUTCDate());
  const dowMatch = s.dow.has(d.getUTCDay());
  return s.domStar || s.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The first activation strictly after `afterMs` (SpecSchedule.Next), in UTC shifted by
 * `offsetMs` (the time zone's offset: local = utc + offset). Undefined when none within 5 years.
 */
export function nextActivation(s: CronSchedule, afterMs: number, offsetMs = 0): number | undefined {
  if (s.everyMs) return Math.floor(afterMs / 1000) * 1000 + s.everyMs;
  const local = afterMs + offsetMs;
  let t = Math.floor(local / MINUTE) * MINUTE + MINUTE;
  const limit = local + 5 * 366 * DAY;
  while (t <= limit) {
    const d = new Date(t);
    if (!s.month.has(d.getUTCMonth() + 1) || !dayMatches(s, d)) {
      t = Math.floor(t / DAY) * DAY + DAY;
      continue;
    }
    if (!s.hour.has(d.getUTCHours())) {
      t = Math.floor(t / 3_600_000) * 3_600_000 + 3_600_000;
      continue;
    }
    if (!s.minute.has(d.getUTCMinutes())) {
      t += MINUTE;
      continue;
    }
    return t - offsetMs;
  }
  return undefined;
}

/** The UTC offset (ms) of an IANA time zone at an instant; undefined for an unknown zone. */
export function zoneOffsetMs(timeZone: string, atMs: number): number | undefined {
  if (timeZone === "UTC" || timeZone === "Etc/UTC" || timeZone === "") return 0;
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(atMs));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    return asUtc - Math.floor(atMs / 1000) * 1000;
  } catch {
    return undefined;
  }
}
