// Test-only (Node): serves an in-process API (ApiServer.handle or Cluster.request) over HTTP on
// 127.0.0.1 so the real kubectl v1.32 binary can drive a sandbox, and runs that binary.
// Watches (`?watch=true`) stream newline-delimited JSON events by polling the in-process watch
// (`WatchEventList`, see sim/README.md); the sandbox clock only moves when the test moves it.

import http from "node:http";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import type { ApiRequest, ApiResponse, HttpMethod } from "../core/api-types";
import { decodeK8sProtobuf } from "./protobuf";
import { bridgeExec, isExecUpgrade } from "./exec-bridge";

export const REAL_KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const WATCH_POLL_MS = 25;
const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export interface ServedApi {
  url: string;
  /** Path of a kubeconfig file pointing at `url` (context "sandbox", namespace default). */
  kubeconfig: string;
  /** Every request served, in order (for asserting what kubectl sent). */
  requests: ApiRequest[];
  close(): Promise<void>;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function hasRealKubectl(): boolean {
  return existsSync(REAL_KUBECTL);
}

function statusBody(code: number, reason: string, message: string): unknown {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

/** Decodes a request body as the API server's decoders would: JSON, or YAML for apply patches. */
export function decodeBody(bytes: Buffer, contentType: string | undefined): { ok: true; body: unknown } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: true, body: undefined };
  const ct = (contentType ?? "application/json").toLowerCase();
  const raw = bytes.toString("utf8");
  try {
    // kubectl's typed clients (create deployment, create configmap, ...) only speak protobuf.
    if (ct.includes("protobuf")) return { ok: true, body: decodeK8sProtobuf(REAL_KUBECTL, bytes) };
    if (ct.includes("yaml")) return { ok: true, body: load(raw) };
    return { ok: true, body: JSON.parse(raw) };
  } catch (e) {
    return { ok: false, message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (${(e as Error).message})` };
  }
}

/** Turns an HTTP request into the in-process ApiRequest shape. */
export function toApiRequest(method: string, rawUrl: string, headers: http.IncomingHttpHeaders, body: unknown): ApiRequest {
  const url = new URL(rawUrl, "http://127.0.0.1");
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const req: ApiRequest = { method: method as HttpMethod, path: url.pathname, query };
  if (headers.accept) req.accept = headers.accept;
  if (headers["content-type"]) req.contentType = headers["content-type"];
  if (headers["user-agent"]) req.userAgent = headers["user-agent"];
  if (body !== undefined) req.body = body;
  return req;
}

function send(res: http.ServerResponse, r: ApiResponse): void {
  const text = typeof r.body === "string" && r.contentType?.startsWith("text/") ? r.body : JSON.stringify(r.body ?? {});
  res.writeHead(r.status, { "Content-Type": r.contentType ?? "application/json", "Cache-Control": "no-cache, private" });
  res.end(text);
}

interface WatchList {
  kind: "WatchEventList";
  events: { type: string; object: unknown }[];
  resourceVersion: string;
}

function isWatchList(x: unknown): x is WatchList {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "WatchEventList";
}

/** Streams a watch: the first poll's events at once, then new ones as the store changes. */
function streamWatch(handle: (req: ApiRequest) => ApiResponse, req: ApiRequest, res: http.ServerResponse, live: Set<() => void>, onPoll?: () => void): void {
  const first = handle(req);
  if (first.status >= 400 && first.status !== 410) return send(res, first);
  res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked", "Cache-Control": "no-cache, private" });
  // Send the headers now, as kube-apiserver does: client-go's reflector cannot stop while its watch
  // request still waits for them, so `rollout status` would hang after printing its result.
  res.flushHeaders();
  let timer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const stop = (): void => {
    if (timer) clearTimeout(timer);
    if (deadline) clearTimeout(deadline);
    live.delete(stop);
    res.end();
  };
  live.add(stop);
  res.on("close", stop);
  const timeoutSeconds = Number(req.query?.timeoutSeconds ?? "");
  if (timeoutSeconds > 0) deadline = setTimeout(stop, timeoutSeconds * 1000);
  const deliver = (r: ApiResponse): string | undefined => {
    if (r.status >= 400) {
      // Errors after the stream starts (410 Expired) arrive as an ERROR event, as the real server sends them.
      res.write(JSON.stringify({ type: "ERROR", object: r.body }) + "\n");
      stop();
      return undefined;
    }
    if (!isWatchList(r.body)) return undefined;
    for (const e of r.body.events) res.write(JSON.stringify(e) + "\n");
    return r.body.resourceVersion;
  };
  let rv = deliver(first);
  const poll = (): void => {
    if (rv === undefined) return;
    onPoll?.();
    rv = deliver(handle({ ...req, query: { ...req.query, resourceVersion: rv } }));
    if (rv !== undefined) timer = setTimeout(poll, WATCH_POLL_MS);
  };
  if (rv !== undefined) timer = setTimeout(poll, WATCH_POLL_MS);
}

function kubeconfigText(url: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: sandbox",
    "  cluster:",
    `    server: ${url}`,
    "contexts:",
    "- name: sandbox",
    "  context:",
    "    cluster: sandbox",
    "    user: learner",
    "    namespace: default",
    "current-context: sandbox",
    "users:",
    "- name: learner",
    "  user: {}",
    "",
  ].join("\n");
}

export interface ServeOptions {
  /** Called before every watch poll (about every 25 ms while a watch is open): a test can advance
   *  the sandbox clock here so that `kubectl delete` or `rollout status` see time pass. */
  onWatchPoll?: () => void;
}

export async function serveApi(handle: (req: ApiRequest) => ApiResponse, opts: ServeOptions = {}): Promise<ServedApi> {
  const requests: ApiRequest[] = [];
  const live = new Set<() => void>();
  const server = http.createServer((hreq, hres) => {
    const chunks: Buffer[] = [];
    let size = 0;
    hreq.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    hreq.on("end", () => {
      if (size > MAX_BODY_BYTES) return send(hres, { status: 413, body: statusBody(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728") });
      const method = (hreq.method ?? "GET").toUpperCase();
      if (!METHODS.includes(method as HttpMethod)) return send(hres, { status: 405, body: statusBody(405, "MethodNotAllowed", "the server does not allow this method on the requested resource") });
      const decoded = decodeBody(Buffer.concat(chunks), hreq.headers["content-type"]);
      if (!decoded.ok) return send(hres, { status: 400, body: statusBody(400, "BadRequest", decoded.message) });
      const req = toApiRequest(method, hreq.url ?? "/", hreq.headers, decoded.body);
      requests.push(req);
      try {
        const w = req.query?.watch;
        if (method === "GET" && (w === "true" || w === "1")) return streamWatch(handle, req, hres, live, opts.onWatchPoll);
        send(hres, handle(req));
      } catch (e) {
        send(hres, { status: 500, body: statusBody(500, "InternalError", `Internal error occurred: ${(e as Error).message}`) });
      }
    });
  });
  const upgraded = new Set<import("node:stream").Duplex>();
  server.on("upgrade", (hreq, socket) => {
    upgraded.add(socket);
    socket.on("close", () => upgraded.delete(socket));
    if (isExecUpgrade(hreq)) return bridgeExec(handle, hreq, socket);
    socket.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "kubelings-kubectl-"));
  const kubeconfig = join(dir, "kubeconfig");
  writeFileSync(kubeconfig, kubeconfigText(url));
  return {
    url,
    kubeconfig,
    requests,
    close: async () => {
      for (const stop of [...live]) stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets of finished kubectl runs (and upgraded exec streams) would hold close()
      // open until they time out; nothing is in flight any more, so drop them.
      server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
      await closed;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function kubectlEnv(kubeconfig: string): NodeJS.ProcessEnv {
  const home = join(kubeconfig, "..");
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(home, "cache"), LANG: "C" } as unknown as NodeJS.ProcessEnv;
}

let noticePrinted = false;
function notice(): void {
  if (noticePrinted) return;
  noticePrinted = true;
  console.warn(`real kubectl not found at ${REAL_KUBECTL}: comparisons with it are skipped`);
}

/**
 * Runs the real kubectl against a served API. Asynchronous on purpose: the API is served by
 * this same process, so a synchronous spawn would block the server kubectl talks to.
 * Returns undefined (after printing a notice once) when the binary is absent.
 */
export function runRealKubectl(args: string[], opts: { kubeconfig: string; stdin?: string; timeoutMs?: number }): Promise<KubectlResult | undefined> {
  if (!hasRealKubectl()) {
    notice();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const child = spawn(REAL_KUBECTL, args, { env: kubectlEnv(opts.kubeconfig), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const killer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 20_000);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      resolve({ stdout, stderr, code: code ?? (signal ? 137 : 1) });
    });
    child.stdin.end(opts.stdin ?? "");
  });
}

/**
 * Runs the real kubectl for offline, client-side work (`--dry-run=client`, flag errors, --help)
 * with no server behind it. Synchronous; never use it against serveApi in the same process.
 */
export function runRealKubectlOffline(args: string[], opts: { stdin?: string } = {}): KubectlResult | undefined {
  if (!hasRealKubectl()) {
    notice();
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "kubelings-kubectl-"));
  try {
    const kubeconfig = join(dir, "kubeconfig");
    writeFileSync(kubeconfig, kubeconfigText("http://127.0.0.1:1"));
    const r = spawnSync(REAL_KUBECTL, args, { env: kubectlEnv(kubeconfig), input: opts.stdin ?? "", encoding: "utf8", timeout: 20_000 });
    return { stdout: r.stdout ?? "", stderr: r.stderr ?? "", code: r.status ?? 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
