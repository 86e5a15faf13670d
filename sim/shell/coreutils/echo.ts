// echo and printf as bash's builtins print them.

import type { Proc } from "../../core/process";

/** Backslash escapes of `echo -e` and printf's %b; `stop` is set by \c (no further output). */
export function unescapeEcho(s: string): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "\\" || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b", E: "\x1b", "\\": "\\" };
    if (c in simple) out += simple[c];
    else if (c === "c") return { text: out, stop: true };
    else if (c === "0") {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || "0", 8));
      i += m.length;
    } else if (c === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += "\\x";
    } else out += "\\" + c;
  }
  return { text: out, stop: false };
}

export function echo(p: Proc): number {
  const args = p.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    const f = args.shift()!;
    if (f.includes("n")) newline = false;
    if (f.includes("e")) escapes = true;
    if (f.includes("E")) escapes = false;
  }
  let text = args.join(" ");
  if (escapes) {
    const r = unescapeEcho(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  p.stdout(newline ? text + "\n" : text);
  return 0;
}

export function printf(p: Proc): number {
  const args = p.argv.slice(1);
  if (args[0] === "--") args.shift();
  if (args.length === 0) {
    p.stderr("bash: printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  const format = args.shift()!;
  let status = 0;
  let out = "";
  let k = 0;
  const next = () => (k < args.length ? args[k++] : undefined);
  for (let rounds = 0; rounds < 10_000; rounds++) {
    const startK = k;
    const r = formatOnce(format, next, (msg) => {
      p.stderr(`bash: printf: ${msg}\n`);
      status = 1;
    });
    out += r.text;
    if (r.stop || k >= args.length || k === startK) break;
  }
  p.stdout(out);
  return status;
}

function formatOnce(format: string, next: () => string | undefined, fail: (msg: string) => void): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "\\") {
      const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i))![0];
      const r = unescapeEcho(m.replace(/^\\([0-7])/, "\\0$1"));
      out += r.text;
      i += m.length - 1;
      continue;
    }
    if (c !== "%") {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sdioxXfFeEgGcbq%])/.exec(format.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const [, flags, widthSpec, precSpec, conv] = m;
    if (conv === "%") {
      out += "%";
      continue;
    }
    const width = widthSpec === "*" ? Number(next() ?? 0) : Number(widthSpec ?? 0);
    const prec = precSpec === "*" ? Number(next() ?? 0) : precSpec !== undefined ? Number(precSpec) : undefined;
    const arg = next();
    let body: string;
    switch (conv) {
      case "s":
        body = (arg ?? "").slice(0, prec ?? undefined);
        break;
      case "b": {
        const r = unescapeEcho(arg ?? "");
        if (r.stop) return { text: out + r.text, stop: true };
        body = r.text;
        break;
      }
      case "q":
        body = /^[A-Za-z0-9_./=:,+-]*$/.test(arg ?? "") && arg ? arg : `'${(arg ?? "").replace(/'/g, "'\\''")}'`;
        break;
      case "c":
        body = (arg ?? "").slice(0, 1);
        break;
      default: {
        const n = toNumber(arg ?? "0", fail);
        body = formatNumber(n, conv, flags, prec);
      }
    }
    out += pad(body, width, flags, conv);
  }
  return { text: out, stop: false };
}

function toNumber(s: string, fail: (msg: string) => void): number {
  const t = s.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  if (/^['"]./.test(t)) return t.codePointAt(1) ?? 0;
  fail(`${s}: invalid number`);
  const lead = /^[-+]?\d+/.exec(t);
  return lead ? Number(lead[0]) : 0;
}

function formatNumber(n: number, conv: string, flags: string, prec: number | undefined): string {
  const sign = n < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  const a = Math.abs(n);
  switch (conv) {
    case "d":
    case "i":
      return sign + String(Math.trunc(a));
    case "o":
      return Math.trunc(n).toString(8);
    case "x":
      return Math.trunc(n).toString(16);
    case "X":
      return Math.trunc(n).toString(16).toUpperCase();
    case "e":
    case "E": {
      const s = a.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
      return sign + (conv === "E" ? s.toUpperCase() : s);
    }
    case "g":
    case "G":
      return sign + String(Number(a.toPrecision(prec || 6)));
    default:
      return sign + a.toFixed(prec ?? 6);
  }
}

function pad(body: string, width: number, flags: string, conv: string): string {
  if (body.length >= width) return body;
  if (flags.includes("-")) return body.padEnd(width);
  if (flags.includes("0") && !"sbqc".includes(conv)) {
    const sign = /^[-+ ]/.test(body) ? body[0] : "";
    return sign + body.slice(sign.length).padStart(width - sign.length, "0");
  }
  return body.padStart(width);
}
