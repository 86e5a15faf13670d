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
  if (e instanceof AppError) {
    const headers: Record<string, string> = {};
    if (e.retryAfterSeconds) headers["Retry-After"] = String(e.retryAfterSeconds);
    return Response.json({ error: { code: e.code, message: e.message } }, { status: STATUS_OF[e.code], headers });
  }
  if (isDatabaseUnavailable(e)) {
    console.error("database unavailable:", (e as Error)?.message);
    return Response.json(
      { error: { code: "unavailable", message: "The database is unavailable right now; nothing was changed. Try again shortly." } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  console.error(e);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

/** Reads a JSON body of at most maxBytes and validates it: 413 when larger, 400 when malformed or invalid. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, { maxBytes }: { maxBytes: number }): Promise<z.infer<S>> {
  // Only JSON: a cross-site HTML form cannot send it without a CORS preflight.
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("too_large", `The request body may be at most ${maxBytes} bytes.`);
  const text = await readLimited(req, maxBytes);
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
      throw new AppError("too_large", `The request body may be at most ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
