// busybox wget and curl inside containers, over RunContext.net, with their own wording for
// each failure (connection refused, unknown host, timeout, HTTP errors).

import type { NetReply } from "./types";

export interface ToolIo {
  /** One line of output (the newline is added). */
  out(text: string): void;
  /** Output exactly as given, without an added newline (curl's --write-out); falls back to out(). */
  raw?(text: string): void;
  err(text: string): void;
  net?: (url: string) => NetReply;
  /** Writes a file in the container (wget without -O-, curl -o). */
  write(path: string, data: string): void;
  /** Lets time pass (a timeout). */
  sleepMs(ms: number): void;
}

function lines(text: string, emit: (t: string) => void): void {
  if (text === "") return;
  for (const l of text.replace(/\n$/, "").split("\n")) emit(l);
}

export const REASON: Record<number, string> = { 200: "OK", 301: "Moved Permanently", 302: "Found", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };

function withScheme(u: string): string {
  return /^[a-z]+:\/\//.test(u) ? u : `http://${u}`;
}

/** busybox wget: -q, -O FILE / -O-, -T SEC / --timeout=SEC, --spider. */
export function wget(args: string[], io: ToolIo): number {
  let quiet = false, outFile: string | undefined, timeoutS = 900, spider = false;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-q" || a === "--quiet") quiet = true;
    else if (a === "-qO-" || a === "-qO" ) { quiet = true; outFile = a === "-qO-" ? "-" : args[++i]; }
    else if (a === "-O-" ) outFile = "-";
    else if (a === "-O") outFile = args[++i];
    else if (a.startsWith("-O")) outFile = a.slice(2);
    else if (a === "-T") timeoutS = Number(args[++i]) || timeoutS;
    else if (a.startsWith("--timeout=")) timeoutS = Number(a.slice(10)) || timeoutS;
    else if (a === "--spider") spider = true;
    else if (!a.startsWith("-")) urls.push(a);
  }
  if (urls.length === 0) { io.err("BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary."); return 1; }
  const url = withScheme(urls[0]);
  const r = io.net ? io.net(url) : { ok: false as const, error: "dns" as const, host: new URL(url).hostname, port: 80 };
  if (!r.ok) {
    if (r.error === "dns") { io.err(`wget: bad address '${r.host}'`); return 1; }
    if (!quiet) io.err(`Connecting to ${r.host} (${r.ip}:${r.port})`);
    if (r.error === "refused") { io.err(`wget: can't connect to remote host (${r.ip}): Connection refused`); return 1; }
    io.sleepMs(timeoutS * 1000);
    io.err("wget: download timed out");
    return 1;
  }
  const host = new URL(url).hostname;
  if (!quiet) io.err(`Connecting to ${host} (${r.ip}:${r.port})`);
  if (r.status >= 400) { io.err(`wget: server returned error: HTTP/1.1 ${r.status} ${REASON[r.status] ?? ""}`.trimEnd()); return 1; }
  if (spider) { if (!quiet) io.err("remote file exists"); return 0; }
  const file = outFile ?? (new URL(url).pathname.split("/").pop() || "index.html");
  if (file === "-") {
    if (!quiet) io.err("writing to stdout");
    lines(r.body, io.out);
    if (!quiet) io.err(`-                    100% |********************************|   ${r.body.length}  0:00:00 ETA`), io.err("written to stdout");
    return 0;
  }
  io.write(file.startsWith("/") ? file : `/${file}`, r.body);
  if (!quiet) io.err(`saving to '${file}'`), io.err(`${file.padEnd(20)} 100% |********************************|   ${r.body.length}  0:00:00 ETA`), io.err(`'${file}' saved`);
  return 0;
}

/** curl: -s, -S, -f, -I, -o FILE, -w '%{http_code}', -m SEC / --max-time / --connect-timeout. */
export function curl(args: string[], io: ToolIo): number {
  let silent = false, showErr = false, fail = false, head = false, outFile: string | undefined, writeOut: string | undefined, timeoutS: number | undefined;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^-[sSfIkLv]+$/.test(a)) {
      if (a.includes("s")) silent = true;
      if (a.includes("S")) showErr = true;
      if (a.includes("f")) fail = true;
      if (a.includes("I")) head = true;
    } else if (a === "--silent") silent = true;
    else if (a === "--fail") fail = true;
    else if (a === "--head") head = true;
    else if (a === "-o" || a === "--output") outFile = args[++i];
    else if (a === "-w" || a === "--write-out") writeOut = args[++i];
    else if (a === "-m" || a === "--max-time" || a === "--connect-timeout") timeoutS = Number(args[++i]);
    else if (a.startsWith("--max-time=") || a.startsWith("--connect-timeout=")) timeoutS = Number(a.split("=")[1]);
    else if (a === "-H" || a === "-X" || a === "-d" || a === "--data" || a === "-A") i++;
    else if (!a.startsWith("-")) urls.push(a);
  }
  if (urls.length === 0) { io.err("curl: try 'curl --help' or 'curl --manual' for more information"); return 2; }
  const url = withScheme(urls[0]);
  const r = io.net ? io.net(url) : { ok: false as const, error: "dns" as const, host: new URL(url).hostname, port: 80 };
  const quietErrors = silent && !showErr;
  // --write-out comes after the transfer, and also after a failed one (http_code 000), after the error.
  const written = (code: number, exit: number): number => {
    if (writeOut) writeRaw(io, writeOut.replace(/%\{http_code\}/g, String(code).padStart(3, "0")).replace(/\\n/g, "\n"));
    return exit;
  };
  if (!r.ok) {
    if (r.error === "dns") { if (!quietErrors) io.err(`curl: (6) Could not resolve host: ${r.host}`); return written(0, 6); }
    if (r.error === "refused") { if (!quietErrors) io.err(`curl: (7) Failed to connect to ${r.host} port ${r.port} after 0 ms: Could not connect to server`); return written(0, 7); }
    const ms = (timeoutS ?? 134) * 1000;
    io.sleepMs(ms);
    if (!quietErrors) io.err(timeoutS !== undefined ? `curl: (28) Connection timed out after ${ms + 1} milliseconds` : `curl: (28) Failed to connect to ${r.host} port ${r.port} after ${ms} ms: Couldn't connect to server`);
    return written(0, 28);
  }
  if (fail && r.status >= 400) { if (!quietErrors) io.err(`curl: (22) The requested URL returned error: ${r.status}`); return written(r.status, 22); }
  let text = head ? `HTTP/1.1 ${r.status} ${REASON[r.status] ?? ""}\n${Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`).join("\n")}\n` : r.body;
  if (outFile && outFile !== "-") {
    if (outFile !== "/dev/null") io.write(outFile.startsWith("/") ? outFile : `/${outFile}`, text);
    text = "";
  }
  lines(text, io.out);
  return written(r.status, 0);
}

function writeRaw(io: ToolIo, text: string): void {
  if (io.raw) io.raw(text);
  else lines(text, io.out);
}
