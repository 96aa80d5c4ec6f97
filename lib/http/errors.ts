// One error model: AppError(code) maps to one status and to the one JSON shape of api.md.
import { z } from "zod";
import { jsonReply, type Reply } from "./reply";

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
  unavailable: 503,
  gateway_timeout: 504,
  insufficient_storage: 507,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_failed" }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: "Error" });

/** zod issues as `details`: one entry per field path, e.g. {"page_size": ["Too big: ..."]}. */
export function validationError(error: z.ZodError, where: "body" | "query"): AppError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : where;
    const message =
      issue.code === "unrecognized_keys"
        ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`
        : issue.message;
    (fields[key] ??= []).push(message);
  }
  const names = Object.keys(fields).join(", ");
  return new AppError("validation_failed", `Invalid ${where}: check ${names}`, { fields });
}

// Prisma's codes, Node's socket errors, PostgreSQL's SQLSTATEs, and the kinds Prisma's driver
// adapter reports, for a database that cannot be reached or went away.
const unavailableCodes = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET",
  "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006",
  "DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections",
]);

// PostgreSQL's SQLSTATEs for text it cannot store: NUL (U+0000) in text (22021) or in jsonb (22P05).
const unstorableTextCodes = new Set(["22021", "22P05"]);

function errorCodeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && unavailableCodes.has(code)) return code;
    // A raw query's failure (P2010) names the outage only in the adapter's cause.
    const adapter = (e as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } }).meta?.driverAdapterError?.cause;
    for (const candidate of [adapter?.kind, adapter?.code]) {
      if (typeof candidate === "string" && (unavailableCodes.has(candidate) || unstorableTextCodes.has(candidate))) return candidate;
    }
    e = (e as { cause?: unknown }).cause;
  }
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}

/** Maps anything thrown to an AppError; what is not ours becomes a 500 that reveals nothing. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = errorCodeOf(error);
  if (code === "P2002") return new AppError("conflict", "A resource with that unique value already exists");
  if (code === "P2025") return new AppError("not_found", "Resource not found");
  if (code && unstorableTextCodes.has(code)) {
    return new AppError("validation_failed", "Text cannot contain the NUL character (\\u0000): remove it and try again");
  }
  const message = error instanceof Error ? error.message : String(error);
  // pg's own connection errors carry no code, only these messages.
  if ((code && unavailableCodes.has(code)) || /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|terminating connection|is not queryable|timeout exceeded when trying to connect/i.test(message)) {
    return new AppError("unavailable", "The database is unavailable; try again shortly", {}, { "Retry-After": "5" });
  }
  // A full disk: ENOSPC/EDQUOT from the file system, 53100 (disk_full) from PostgreSQL.
  if (code === "ENOSPC" || code === "EDQUOT" || code === "53100") {
    return new AppError("insufficient_storage", "The server has run out of storage space; try again once space is freed");
  }
  return new AppError("internal", "Something went wrong on our side");
}

/** The one error shape, with the error's own headers (Retry-After) and the request's id. */
export function errorReply(error: AppError, requestId?: string): Reply {
  const headers: Record<string, string> = { ...error.headers };
  if (requestId) headers["X-Request-Id"] = requestId;
  return jsonReply({ error: { code: error.code, message: error.message, details: error.details } }, error.status, headers);
}
