import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { AppError } from "./errors";
import { checkJsonHeaders, errorPayload, parseJsonBody, tooLarge } from "./route";

// The terminal's hot path (one request per command) as a Pages Router API handler: Next.js hands it
// Node's own request and response, without the web Request/Response and stream adaptation of an
// App Router route handler. Measured on the 2-core machine (docs/BENCHMARKS-API.md): a trivial GET
// 1950 vs 960 req/s, a POST with a JSON body and a 4 KB answer 1185 vs 720 req/s. Everything
// else about a route is the same as lib/server/route.ts: the session checked in the data layer,
// the one error table (errorPayload), JSON only, the body size limit, no stack traces.

export type NodeRequest = IncomingMessage & { query?: Partial<Record<string, string | string[]>> };
type NodeHandler = (req: NodeRequest, res: ServerResponse) => Promise<void>;

/** Wraps a handler for the given methods; its value is sent as JSON, an error as errorPayload says. */
export function nodeRoute(methods: readonly string[], handler: (req: NodeRequest) => Promise<unknown>): NodeHandler {
  return async (req, res) => {
    let status = 200;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      if (!methods.includes(req.method ?? "")) {
        headers = { Allow: methods.join(", ") };
        throw new AppError("method_not_allowed", `Use ${methods.join(" or ")}.`);
      }
      body = await handler(req);
    } catch (e) {
      const p = errorPayload(e);
      ({ status, body } = p);
      headers = { ...headers, ...p.headers };
    }
    send(res, status, body, headers);
  };
}

/**
 * Answers below this many bytes are sent as they are: Next.js would gzip anything over 1 KB, which
 * for a command's few KB of output costs more server time (a gzip stream, a chunked reply, several
 * socket writes) than it saves on the wire. Larger outputs (`-o yaml` of many objects, logs) are
 * still compressed.
 */
const UNCOMPRESSED_BYTES = 16_384;

function send(res: ServerResponse, status: number, value: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(value);
  const bytes = Buffer.byteLength(text);
  const cache = bytes < UNCOMPRESSED_BYTES ? "no-store, no-transform" : "no-store";
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(bytes), "Cache-Control": cache, ...headers });
  res.end(text);
}

/** A dynamic segment of the route (`[id]`): Next.js puts it in req.query. */
export function segment(req: NodeRequest, name: string): string {
  const v = req.query?.[name];
  if (typeof v !== "string" || v === "") throw new AppError("not_found", "Not found.");
  return v;
}

/** The Cookie header, for the session (auth.ts viewerFromCookieHeader). */
export const cookieHeader = (req: NodeRequest): string | undefined => req.headers.cookie;

/** readJson (route.ts) for Node's request: 415 unless JSON, 413 above maxBytes, 400 when malformed or invalid. */
export async function readJsonNode<S extends z.ZodType>(req: NodeRequest, schema: S, { maxBytes }: { maxBytes: number }): Promise<z.infer<S>> {
  checkJsonHeaders(req.headers["content-type"], req.headers["content-length"], maxBytes);
  return parseJsonBody(await readBody(req, maxBytes), schema);
}

/** The body as text, refused (413) as soon as it passes maxBytes; the rest is left for Node to discard. */
function readBody(req: NodeRequest, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        done();
        reject(tooLarge(maxBytes));
      } else chunks.push(c);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}
