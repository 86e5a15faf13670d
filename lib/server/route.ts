import "server-only";
import type { z } from "zod";
import { AppError, STATUS_OF, isDatabaseUnavailable } from "./errors";

type Ctx<P> = { params: Promise<P> };

/** Wraps a route handler: AppError → its status from one table; anything else → 500 without details. */
export function route<P = Record<string, string>>(handler: (req: Request, ctx: Ctx<P>) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown): Response {
  const { status, body, headers } = errorPayload(e);
  return Response.json(body, { status, headers });
}

/** An error as its status, JSON body and headers (shared by route handlers and lib/server/node-route.ts). */
export function errorPayload(e: unknown): { status: number; body: { error: { code: string; message: string } }; headers: Record<string, string> } {
  if (e instanceof AppError) {
    const headers: Record<string, string> = {};
    if (e.retryAfterSeconds) headers["Retry-After"] = String(e.retryAfterSeconds);
    return { status: STATUS_OF[e.code], body: { error: { code: e.code, message: e.message } }, headers };
  }
  if (isDatabaseUnavailable(e)) {
    console.error("database unavailable:", (e as Error)?.message);
    return {
      status: 503,
      body: { error: { code: "unavailable", message: "The database is unavailable right now; nothing was changed. Try again shortly." } },
      headers: { "Retry-After": "5" },
    };
  }
  console.error(e);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } }, headers: {} };
}

/** Reads a JSON body of at most maxBytes and validates it: 413 when larger, 400 when malformed or invalid. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, { maxBytes }: { maxBytes: number }): Promise<z.infer<S>> {
  checkJsonHeaders(req.headers.get("content-type"), req.headers.get("content-length"), maxBytes);
  return parseJsonBody(await readLimited(req, maxBytes), schema);
}

/** Only JSON, and not declared larger than maxBytes (415, 413). */
export function checkJsonHeaders(contentType: string | null | undefined, contentLength: string | null | undefined, maxBytes: number): void {
  // Only JSON: a cross-site HTML form cannot send it without a CORS preflight.
  if (!/^application\/json\b/i.test(contentType ?? "")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  if (Number(contentLength ?? "0") > maxBytes) throw tooLarge(maxBytes);
}

export const tooLarge = (maxBytes: number) => new AppError("too_large", `The request body may be at most ${maxBytes} bytes.`);

/** The body text parsed and validated against the schema (400 when malformed or invalid). */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("malformed_json", "The request body is not valid JSON.");
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new AppError("invalid", `Invalid request: ${first ? `${first.path.join(".") || "body"}: ${first.message}` : "bad shape"}.`);
  }
  return r.data;
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
