// Helpers to describe a program's behaviour as data.

import type { Behaviour, HttpReply, OutputLine } from "./types";

export function fixedOutput(lines: OutputLine[]): (untilMs: number) => OutputLine[] {
  return (untilMs) => lines.filter((l) => l.atMs <= untilMs);
}

/** A server: prints `lines`, then serves `ports` until stopped. */
export function server(lines: OutputLine[], ports: number[], http?: (port: number, path: string) => HttpReply | undefined, readyAfterMs = 0): Behaviour {
  return { output: fixedOutput(lines), ports, http, readyAfterMs, ignoresSigterm: false };
}

/** A process that prints `lines` and exits with `code` at `atMs`. */
export function exits(lines: OutputLine[], code: number, atMs?: number): Behaviour {
  const end = atMs ?? (lines.length ? lines[lines.length - 1].atMs : 0);
  return { output: fixedOutput(lines), exit: { atMs: end, code }, ports: [], ignoresSigterm: false };
}

export function out(atMs: number, text: string, stream: "stdout" | "stderr" = "stdout"): OutputLine {
  return { atMs, stream, text };
}

/** Many lines written at one instant. */
export function block(atMs: number, text: string, stream: "stdout" | "stderr" = "stdout"): OutputLine[] {
  return text.split("\n").map((t) => out(atMs, t, stream));
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "2026/11/25 22:30:06" as nginx's error log stamps lines. */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "25 Nov 2026 22:30:06.123" as redis stamps lines. */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** "Wed Nov 25 22:30:06.123456 2026" as Apache httpd stamps lines. */
export function httpdTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(ms % 997, 3)} ${d.getUTCFullYear()}`;
}

/** "2026-11-25 22:30:06.123 UTC" (postgres), or "2026-11-25 22:30:06+00:00" (mysql entrypoint). */
export function isoSpaceTime(ms: number, millis = true): string {
  const iso = new Date(ms).toISOString();
  return millis ? `${iso.slice(0, 10)} ${iso.slice(11, 23)} UTC` : `${iso.slice(0, 10)} ${iso.slice(11, 19)}+00:00`;
}

/** klog's header: "I1125 22:30:06.123456       1 file.go:123] ". */
export function klog(ms: number, severity: "I" | "W" | "E", where: string, msg: string): string {
  const d = new Date(ms);
  return `${severity}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad((ms * 7) % 1000, 3)}       1 ${where}] ${msg}`;
}
