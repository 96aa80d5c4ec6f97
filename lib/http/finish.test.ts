// The request's log line: the path without its query, the actor by id, and for a 500 the error's
// headline and stack frames but not the rest of its message (which can quote a call's arguments).
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushLogs } from "@/lib/log";
import { finishReply } from "./finish";
import { jsonReply, Reply } from "./reply";

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

describe("finishReply", () => {
  it("logs one line per request: path without the query, actor by id", () => {
    const lines = captured();
    const request = new Request("http://localhost/api/v1/models?q=private-words&page=2", { method: "GET", headers: { "x-forwarded-proto": "https" } });
    const reply = finishReply(jsonReply({}), {
      request, requestId: "req-1", startedAt: performance.now(), route: "GET /api/v1/models",
      actor: { type: "token", userId: "u1", email: "someone@example.com", role: "viewer", tokenId: "t1", tokenName: "ci" },
    });
    expect(reply.headers["Strict-Transport-Security"]).toMatch(/^max-age=/);
    const [line] = lines();
    expect(line).toMatchObject({ level: "info", msg: "request", requestId: "req-1", method: "GET", path: "/api/v1/models", route: "GET /api/v1/models", status: 200, actor_type: "token", actor_id: "u1", token_id: "t1" });
    expect(JSON.stringify(line)).not.toMatch(/private-words|someone@example\.com|"ci"/);
  });

  it("logs a 500 at error level with the error's headline and frames only", () => {
    const lines = captured();
    const failure = new Error("\nInvalid `prisma.apiToken.create()` invocation:\n\n  data: { tokenHash: \"secret-argument\" }");
    finishReply(new Reply(500, {}, null), { request: new Request("http://localhost/api/v1/tokens", { method: "POST" }), requestId: "req-2", startedAt: performance.now(), failure });
    const [line] = lines();
    expect(line).toMatchObject({ level: "error", status: 500, actor_type: "none" });
    expect(line.error).toMatch(/^Error: Invalid `prisma.apiToken.create\(\)` invocation:\n\s+at /);
    expect(line.error).not.toContain("secret-argument");
  });

  it("adds the security headers and the request id to the handler's own headers", () => {
    const lines = captured();
    const reply = finishReply(new Reply(302, { Location: "http://localhost/elsewhere" }, null), { request: new Request("http://localhost/x"), requestId: "req-3", startedAt: performance.now() });
    expect(reply.status).toBe(302);
    expect(reply.headers).toMatchObject({ Location: "http://localhost/elsewhere", "X-Request-Id": "req-3", "X-Frame-Options": "DENY" });
    expect(reply.headers["Strict-Transport-Security"]).toBeUndefined();
    expect(lines()).toHaveLength(1);
  });
});
