import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/env", () => ({ env: { PUBLIC_READ: "false" }, dataDir: "/tmp" }));

const { authorize } = await import("./actor");
const viewer = { type: "token", userId: "u", email: "v@x", role: "viewer", tokenId: "t", tokenName: "n" } as const;

describe("authorize with PUBLIC_READ=false", () => {
  it("anonymous reads need an identity; public endpoints stay open", () => {
    expect(() => authorize({ type: "anonymous" }, "viewer")).toThrow(expect.objectContaining({ code: "unauthorized" }));
    expect(() => authorize({ type: "anonymous" }, "public")).not.toThrow();
    expect(() => authorize(viewer, "viewer")).not.toThrow();
  });

  it("a role below the required one is forbidden, not unauthorized", () => {
    expect(() => authorize(viewer, "engineer")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => authorize(viewer, "signed_in")).not.toThrow();
    expect(() => authorize({ type: "anonymous" }, "signed_in")).toThrow(expect.objectContaining({ code: "unauthorized" }));
  });
});
