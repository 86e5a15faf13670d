// Test-only (Node): serves `kubectl exec` (v1.32 speaks WebSockets, channel protocol v4) by
// calling the in-process pods/exec subresource once and streaming its result back: stdout on
// channel 1, stderr on channel 2, the exit Status on channel 3. Stdin is not bridged.

import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ApiRequest, ApiResponse } from "../core/api-types";

const WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLen(len)]);
  return Buffer.concat([head, payload]);
}

function bigLen(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

function channel(ch: number, data: string): Buffer {
  return frame(0x2, Buffer.concat([Buffer.from([ch]), Buffer.from(data, "utf8")]));
}

/** The Status kubectl reads on the error channel: Success, or NonZeroExitCode with the code. */
function exitStatus(argv: string[], code: number): string {
  if (code === 0) return JSON.stringify({ metadata: {}, status: "Success" });
  return JSON.stringify({
    metadata: {},
    status: "Failure",
    message: `command terminated with non-zero exit code: error executing command [${argv.join(" ")}], exit code ${code}`,
    reason: "NonZeroExitCode",
    details: { causes: [{ reason: "ExitCode", message: String(code) }] },
  });
}

export function isExecUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? "").toLowerCase() === "websocket" && /\/pods\/[^/]+\/(exec|attach)(\?|$)/.test(req.url ?? "");
}

export function bridgeExec(handle: (req: ApiRequest) => ApiResponse, req: IncomingMessage, socket: Duplex): void {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const key = String(req.headers["sec-websocket-key"] ?? "");
  const offered = String(req.headers["sec-websocket-protocol"] ?? "").split(",").map((s) => s.trim());
  const protocol = offered.find((p) => p === "v4.channel.k8s.io") ?? offered[0] ?? "";
  const accept = createHash("sha1").update(key + WS_GUID).digest("base64");
  const command = url.searchParams.getAll("command");
  const container = url.searchParams.get("container") ?? undefined;
  const res = handle({ method: "POST", path: url.pathname, query: container ? { container } : {}, body: { command, ...(container ? { container } : {}) }, userAgent: String(req.headers["user-agent"] ?? "") });
  if (res.status >= 400) {
    // Errors before the stream starts are plain HTTP responses, as the API server sends them.
    const body = JSON.stringify(res.body);
    socket.end(`HTTP/1.1 ${res.status} Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return;
  }
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`);
  const out = res.body as { stdout?: string; stderr?: string; exitCode?: number };
  if (out.stdout) socket.write(channel(1, out.stdout));
  if (out.stderr) socket.write(channel(2, out.stderr));
  socket.write(channel(3, exitStatus(command, out.exitCode ?? 0)));
  socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
  socket.on("error", () => socket.destroy());
}
