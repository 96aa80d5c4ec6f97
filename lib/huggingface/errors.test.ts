import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { toHubAppError } from "./errors";
import { HubHttpError, HubResponseError, HubUnreachableError } from "./http";
import { SafetensorsFormatError } from "./safetensors";

const context = { endpoint: "https://huggingface.co", repoId: "org/model", tokenSet: false };
const http = (status: number, code: string | null, retryAfter: number | null = null) => new HubHttpError(status, "https://huggingface.co/x", code, "message", retryAfter);

describe("toHubAppError", () => {
  it("maps each Hub failure to its status, with a hub_error for clients", () => {
    const cases: [unknown, number, string][] = [
      [http(401, "GatedRepo"), 403, "gated"],
      [http(403, null), 403, "gated"],
      [http(401, "RepoNotFound"), 404, "not_found"],
      [http(404, "RevisionNotFound"), 404, "revision_not_found"],
      [http(429, null, 30), 429, "rate_limited"],
      [http(502, null), 503, "unavailable"],
      [new HubUnreachableError("https://huggingface.co/api", "ECONNREFUSED"), 503, "unreachable"],
      [new HubUnreachableError("https://huggingface.co/api", "no answer within 100 ms", true), 504, "timeout"],
      [new HubResponseError("https://huggingface.co/api", "not valid JSON"), 502, "bad_response"],
      [new SafetensorsFormatError("bad header"), 422, "unreadable"],
    ];
    for (const [error, status, hubError] of cases) {
      const mapped = toHubAppError(error, { ...context, gated: status === 403 }) as AppError;
      expect(mapped.status, hubError).toBe(status);
      expect(mapped.details.hub_error).toBe(hubError);
    }
  });

  it("tells the operator what to do about a gated repo and a rate limit", () => {
    const gated = toHubAppError(http(401, "GatedRepo"), context) as AppError;
    expect(gated.message).toContain("https://huggingface.co/org/model");
    expect(gated.message).toContain("HUGGINGFACE_TOKEN");
    const limited = toHubAppError(http(429, null, 30), context) as AppError;
    expect(limited.headers["Retry-After"]).toBe("30");
  });

  it("leaves our own bugs alone, so they are a logged 500 and not a Hub error", () => {
    const bug = new TypeError("x is undefined");
    expect(toHubAppError(bug, context)).toBe(bug);
  });
});
