import { describe, expect, it } from "vitest";
import { sanitizeArtifactPath } from "./storage";

describe("artifact names", () => {
  it.each([
    ["model.safetensors", "model.safetensors"],
    ["text_encoder/model.safetensors", "text_encoder/model.safetensors"],
    ["../../etc/passwd", "etc/passwd"],
    ["/abs/path.bin", "abs/path.bin"],
    ["C:\\Users\\me\\model.bin", "Users/me/model.bin"],
    ["a/./b/../c", "a/b/c"],
    ["bad\u0000name\u001f.pkl", "badname.pkl"],
  ])("%s -> %s", (raw, clean) => expect(sanitizeArtifactPath(raw)).toBe(clean));

  it("refuses names with nothing left", () => {
    for (const raw of ["", "..", "../..", "/", "   "]) expect(sanitizeArtifactPath(raw)).toBeNull();
  });
});
