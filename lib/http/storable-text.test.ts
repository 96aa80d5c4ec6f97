import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { refuseUnstorableText } from "./storable-text";

function refusal(text: string): AppError | null {
  try {
    refuseUnstorableText(text, JSON.parse(text));
    return null;
  } catch (error) {
    return error as AppError;
  }
}

describe("text PostgreSQL cannot store, in a JSON body", () => {
  it("refuses NUL and unpaired surrogates with 422, naming the fields and keys", () => {
    const error = refusal('{"name": "a\\u0000b", "config": {"x": ["ok", "\\udfff"]}, "tags": {"\\ud800": 1}}');
    expect(error?.status).toBe(422);
    expect(Object.keys((error?.details as { fields: object }).fields).sort()).toEqual(["config.x.1", "name", "tags.\ufffd"]);
  });

  it("accepts paired surrogates (emoji), other escapes, and plain text", () => {
    expect(refusal('{"name": "\\ud83e\\udd99 llama", "note": "tab\\there \\u00e9"}')).toBeNull();
    expect(refusal('{"name": "🦙"}')).toBeNull();
  });

  it("walks ten thousand levels of nesting without overflowing the stack", () => {
    const deep = `${"[".repeat(10_000)}"\\u0000"${"]".repeat(10_000)}`;
    expect(refusal(deep)?.status).toBe(422);
  });
});
