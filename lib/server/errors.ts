// One union of application error codes and the one table that maps them to HTTP statuses.
// Deliberately free of "server-only" so pure modules and tests can use it.

export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "method_not_allowed"
  | "malformed_json"
  | "invalid"
  | "line_too_long"
  | "too_large"
  | "unsupported_media_type"
  | "conflict"
  | "rate_limited"
  | "unavailable";

export const STATUS_OF: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  bad_request: 400,
  method_not_allowed: 405,
  malformed_json: 400,
  invalid: 400,
  line_too_long: 400,
  too_large: 413,
  unsupported_media_type: 415,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

// Error codes of drivers and Prisma that mean "the database is not reachable right now".
const UNAVAILABLE_CODES = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024", "P1003",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND",
  "57P01", "57P03", "3D000", "08000", "08001", "08003", "08006",
  "SQLITE_BUSY", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_READONLY",
]);

/** True when an error (or one of its causes) says the database is down or unreachable. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 6; depth++) {
    const o = x as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
    if (typeof o.code === "string" && UNAVAILABLE_CODES.has(o.code)) return true;
    if (typeof o.originalCode === "string" && UNAVAILABLE_CODES.has(o.originalCode)) return true;
    if (o.name === "PrismaClientInitializationError") return true;
    if (typeof o.kind === "string" && /DatabaseNotReachable|DatabaseDoesNotExist|SocketTimeout|TooManyConnections/.test(o.kind)) return true;
    if (typeof o.message === "string" && /ECONNREFUSED|Can't reach database|database .* does not exist|Connection terminated|connection (is )?closed|unable to open database/i.test(o.message)) return true;
    x = o.cause;
  }
  return false;
}
