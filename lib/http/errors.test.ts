import { describe, expect, it } from "vitest";
import { AppError, errorReply, toAppError } from "./errors";

describe("toAppError", () => {
  it("maps Prisma's unique and not-found errors, and database outages", () => {
    expect(toAppError(Object.assign(new Error("x"), { code: "P2002" })).status).toBe(409);
    expect(toAppError(Object.assign(new Error("x"), { code: "P2025" })).status).toBe(404);
    expect(toAppError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {})).status).toBe(503);
    expect(toAppError(new Error("boom", { cause: { code: "ECONNREFUSED" } })).code).toBe("unavailable");
  });

  it("maps what a database restart looks like to 503: pg's uncoded errors, and a raw query's adapter cause", () => {
    expect(toAppError(new Error("Client has encountered a connection error and is not queryable")).status).toBe(503);
    const rawQuery = Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } });
    expect(toAppError(rawQuery).code).toBe("unavailable");
    const shutdown = Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } } });
    expect(toAppError(shutdown).code).toBe("unavailable");
  });

  it("maps a full disk to 507", () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(toAppError(enospc)).toMatchObject({ code: "insufficient_storage", status: 507 });
  });

  it("maps text PostgreSQL cannot store (a NUL character) to 422, not 500", () => {
    const adapterError = (code: string) => Object.assign(new Error("Database error"), { code: "P2039", meta: { driverAdapterError: { cause: { kind: "postgres", code } } } });
    for (const code of ["22021", "22P05"]) {
      expect(toAppError(adapterError(code)).status).toBe(422);
      expect(toAppError(adapterError(code)).code).toBe("validation_failed");
    }
  });

  it("turns anything else into a 500 that reveals nothing", async () => {
    const error = toAppError(new Error("password=hunter2 at line 3"));
    expect(error.status).toBe(500);
    const body = JSON.parse(String(errorReply(error).body));
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(body.error.code).toBe("internal");
  });

  it("keeps the code, details and headers of an AppError", async () => {
    const reply = errorReply(new AppError("rate_limited", "slow down", { limit: 5 }, { "Retry-After": "3" }), "req-1");
    expect(reply.status).toBe(429);
    expect(reply.headers["Retry-After"]).toBe("3");
    expect(reply.headers["X-Request-Id"]).toBe("req-1");
    expect(JSON.parse(String(reply.body))).toEqual({ error: { code: "rate_limited", message: "slow down", details: { limit: 5 } } });
  });
});
