// The request's log line: the path without its query, the actor by id, and for a 500 the error's
// headline and stack frames but not the rest of its message (which can quote a call's arguments).
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushLogs } from "@/lib/log";
import { finishApiResponse } from "./finish";

function captured() {
  let output = "";
  const capture = (chunk: string | Uint8Array) => ((output += String(chunk)), true);
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  return () => {
    flushLogs();
    return output.trim().split("\n").map((line) => JSON.parse(line));
  };
}

afterEach(() => vi.restoreAllMocks());

describe("finishApiResponse", () => {
  it("logs one line per request: path without the query, actor by id", () => {
    const lines = captured();
    const request = new Request("http://localhost/api/v1/models?q=private-words&page=2", { method: "GET", headers: { "x-forwarded-proto": "https" } });
    const response = finishApiResponse(Response.json({}), {
      request, requestId: "req-1", startedAt: performance.now(), route: "GET /api/v1/models",
      actor: { type: "token", userId: "u1", email: "someone@example.com", role: "viewer", tokenId: "t1", tokenName: "ci" },
    });
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
    const [line] = lines();
    expect(line).toMatchObject({ level: "info", msg: "request", requestId: "req-1", method: "GET", path: "/api/v1/models", route: "GET /api/v1/models", status: 200, actor_type: "token", actor_id: "u1", token_id: "t1" });
    expect(JSON.stringify(line)).not.toMatch(/private-words|someone@example\.com|"ci"/);
  });

  it("logs a 500 at error level with the error's headline and frames only", () => {
    const lines = captured();
    const failure = new Error("\nInvalid `prisma.apiToken.create()` invocation:\n\n  data: { tokenHash: \"secret-argument\" }");
    finishApiResponse(new Response(null, { status: 500 }), { request: new Request("http://localhost/api/v1/tokens", { method: "POST" }), requestId: "req-2", startedAt: performance.now(), failure });
    const [line] = lines();
    expect(line).toMatchObject({ level: "error", status: 500, actor_type: "none" });
    expect(line.error).toMatch(/^Error: Invalid `prisma.apiToken.create\(\)` invocation:\n\s+at /);
    expect(line.error).not.toContain("secret-argument");
  });

  it("copies a response whose headers cannot change, body and status kept", async () => {
    const lines = captured();
    const response = finishApiResponse(Response.redirect("http://localhost/elsewhere", 302), { request: new Request("http://localhost/x"), requestId: "req-3", startedAt: performance.now() });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost/elsewhere");
    expect(response.headers.get("x-request-id")).toBe("req-3");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(lines()).toHaveLength(1);
  });
});
