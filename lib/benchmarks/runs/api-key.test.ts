import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "unit-test-secret-0123456789abcdef";
});

import { ApiKeyUnreadable, openApiKey, sealApiKey } from "./api-key";

const runId = "6f1c2a8e-0d4b-4e57-9a51-3c2b7e0f9d11";
const otherRun = "0b9e7a52-8f7d-4f0e-b3a4-2d6c1e5f7a90";

describe("sealed API keys", () => {
  it("open again for the run they were sealed for, and hold nothing readable", () => {
    const key = "sk-live-0123456789abcdefghij";
    const sealed = sealApiKey(key, runId);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(key);
    expect(Buffer.from(sealed.split(".")[3], "base64url").toString("latin1")).not.toContain("sk-live");
    expect(openApiKey(sealed, runId)).toBe(key);
    // A fresh IV each time: the same key seals differently.
    expect(sealApiKey(key, runId)).not.toBe(sealed);
  });

  it("refuse to open for another run, when altered, or when malformed", () => {
    const sealed = sealApiKey("sk-abc", runId);
    expect(() => openApiKey(sealed, otherRun)).toThrow(ApiKeyUnreadable);
    const [version, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => openApiKey([version, iv, tag, flipped.toString("base64url")].join("."), runId)).toThrow(ApiKeyUnreadable);
    expect(() => openApiKey("sk-abc", runId)).toThrow(/could not be opened/);
  });
});
