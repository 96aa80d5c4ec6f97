// The one mapping from a failed request to what a form shows.
import { describe, expect, it } from "vitest";
import { ApiError, formErrors } from "./api";

describe("formErrors", () => {
  it("shows nothing when nothing failed", () => {
    expect(formErrors(null)).toEqual({ fields: {}, message: null });
  });

  it("puts every message for a field beside it, nested paths under their top-level field", () => {
    const error = new ApiError(422, "validation_failed", "Invalid body: check name, config", {
      name: ["Too long", "Must not be blank"],
      "config.hidden_size": ["Expected a number"],
      "config.vocab_size": ["Too small"],
    });
    expect(formErrors(error)).toEqual({
      fields: { name: "Too long Must not be blank", config: "Expected a number Too small" },
      message: "Invalid body: check name, config",
    });
  });

  it("renames a path to the form field that holds it", () => {
    const error = new ApiError(422, "validation_failed", "Invalid body: check expires_at", { expires_at: ["Must be in the future"] });
    expect(formErrors(error, { expires_at: "expiry" }).fields).toEqual({ expiry: "Must be in the future" });
  });

  it("says the registry could not be reached when the failure is not the API's", () => {
    expect(formErrors(new TypeError("Failed to fetch"))).toEqual({ fields: {}, message: expect.stringMatching(/could not be reached/) });
  });
});
