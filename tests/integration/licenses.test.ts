// The license review workflow against a real PostgreSQL database, through the real route handlers:
// policy x per-model decision -> status in every combination, who may decide, history and audit,
// policy changes re-evaluating models, license changes sending a model back to review, and the
// shape of GET /models/{id}/license. (The unprefixed /models/{id}/license is covered end to end.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as licensesRoute from "@/app/api/v1/licenses/route";
import * as licenseRoute from "@/app/api/v1/licenses/[id]/route";
import * as policyRoute from "@/app/api/v1/licenses/[id]/policy/route";
import * as detectRoute from "@/app/api/v1/licenses/detect/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as historyRoute from "@/app/api/v1/models/[id]/history/route";
import * as modelLicenseRoute from "@/app/api/v1/models/[id]/license/route";
import * as reviewRoute from "@/app/api/v1/models/[id]/license/review/route";
import { closeDatabase, db } from "@/lib/db";
import { termKeys } from "@/lib/licenses/catalog";
import { syncLicenseCatalog } from "@/lib/licenses/sync";
import { createModel } from "@/lib/models/service";
import { createIdentity, type TestIdentity } from "./support/actors";
import { call } from "./support/http";

type Status = "pending" | "approved" | "approved_with_conditions" | "rejected";
let admin: TestIdentity;
let engineer: TestIdentity;
let viewer: TestIdentity;
const bearer = (identity: TestIdentity) => ({ authorization: `Bearer ${identity.token}` });
const session = (identity: TestIdentity) => ({ cookie: identity.cookie, origin: "http://localhost", host: "localhost" });

async function register(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call(modelsRoute.POST, { method: "POST", url: "/api/v1/models", json: { name, ...extra }, headers: bearer(engineer) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const getLicense = (id: string) => call(modelLicenseRoute.GET, { params: { id } });
const statusOf = async (id: string): Promise<Status> => (await getLicense(id)).body.review.status;
const review = (id: string, json: Record<string, unknown>, headers: Record<string, string> = bearer(admin)) =>
  call(reviewRoute.POST, { method: "POST", params: { id }, json, headers });
const setPolicy = (license: string, json: Record<string, unknown>, headers: Record<string, string> = bearer(admin)) =>
  call(policyRoute.PUT, { method: "PUT", params: { id: license }, json, headers });

beforeAll(async () => {
  const prisma = await db();
  await prisma.model.deleteMany();
  await prisma.licensePolicy.deleteMany();
  admin = await createIdentity("admin", "license-admin");
  engineer = await createIdentity("engineer", "license-engineer");
  viewer = await createIdentity("viewer", "license-viewer");
});

afterAll(async () => {
  // Other test files share the database: leave no standing policy behind.
  const prisma = await db();
  await prisma.licensePolicy.deleteMany();
  await prisma.model.deleteMany();
  await closeDatabase();
});

describe("the knowledge base", () => {
  it("GET /api/v1/licenses lists every license with its terms; GET /licenses/{id} finds one by id or alias", async () => {
    const list = await call(licensesRoute.GET, { url: "/api/v1/licenses" });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(25);
    const llama = await call(licenseRoute.GET, { params: { id: "llama3.1" } });
    expect(llama.body).toMatchObject({ id: "llama3.1", category: "open_restrictive", policy: null, terms: { mau_limit: 700000000, commercial_use: true } });
    expect((await call(licenseRoute.GET, { params: { id: "GPL-3.0" } })).body.id).toBe("gpl-3.0");
    expect((await call(licenseRoute.GET, { params: { id: "no-such-license" } })).status).toBe(404);
    const nonCommercial = await call(licensesRoute.GET, { url: "/api/v1/licenses?commercial_use=false" });
    expect(nonCommercial.body.data.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining(["mrl", "qwen-research", "cc-by-nc-4.0"]));
    expect(nonCommercial.body.data.every((l: { terms: { commercial_use: boolean } }) => !l.terms.commercial_use)).toBe(true);
  });

  it("start-up sync puts a changed license back as the file has it, and leaves policies alone", async () => {
    const prisma = await db();
    await setPolicy("isc", { policy: "allow" });
    await prisma.license.update({ where: { id: "isc" }, data: { commercialUse: false, name: "tampered" } });
    await syncLicenseCatalog();
    expect(await prisma.license.findUniqueOrThrow({ where: { id: "isc" } })).toMatchObject({ commercialUse: true, name: "ISC License" });
    expect(await prisma.licensePolicy.findUnique({ where: { licenseId: "isc" } })).toMatchObject({ policy: "allow" });
    await prisma.licensePolicy.delete({ where: { licenseId: "isc" } });
  });

  it("POST /api/v1/licenses/detect finds a license from a card's fields or a LICENSE text", async () => {
    const byName = await call(detectRoute.POST, { method: "POST", json: { id: "other", name: "qwen" }, headers: bearer(viewer) });
    expect(byName.body).toMatchObject({ license_type: "qwen", method: "name", license: { id: "qwen", terms: { mau_limit: 100000000 } } });
    const unknown = await call(detectRoute.POST, { method: "POST", json: { text: "This is our README. It has nothing to do with licensing at all, really." }, headers: bearer(viewer) });
    expect(unknown.body).toMatchObject({ license_type: null, method: "text", license: null });
    expect((await call(detectRoute.POST, { method: "POST", json: {}, headers: bearer(viewer) })).status).toBe(422);
  });
});

describe("status: policy x the model's own decision", () => {
  // One model per decision, all under the MIT license; the policy changes under them.
  const decisions = ["none", "approved", "approved_with_conditions", "rejected"] as const;
  const expected: Record<string, Record<(typeof decisions)[number], Status>> = {
    none: { none: "pending", approved: "approved", approved_with_conditions: "approved_with_conditions", rejected: "rejected" },
    allow: { none: "approved", approved: "approved", approved_with_conditions: "approved_with_conditions", rejected: "rejected" },
    allow_with_conditions: { none: "approved_with_conditions", approved: "approved", approved_with_conditions: "approved_with_conditions", rejected: "rejected" },
    deny: { none: "rejected", approved: "approved", approved_with_conditions: "approved_with_conditions", rejected: "rejected" },
    review: { none: "pending", approved: "approved", approved_with_conditions: "approved_with_conditions", rejected: "rejected" },
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const decision of decisions) {
      ids[decision] = await register(`matrix/${decision}`, { license_type: "mit" });
      expect(await statusOf(ids[decision])).toBe("pending");
      if (decision === "none") continue;
      const res = await review(ids[decision], { decision, notes: `decided ${decision}`, conditions: decision === "approved_with_conditions" ? "Internal use only" : null });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });

  it.each(Object.keys(expected))("policy %s", async (policy) => {
    if (policy !== "none") {
      const res = await setPolicy("mit", { policy, conditions: policy === "allow_with_conditions" ? "Keep the notice" : null, notes: `policy ${policy}` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.policy).toMatchObject({ policy, set_by: expect.stringContaining(admin.email) });
    }
    for (const decision of decisions) {
      const license = await getLicense(ids[decision]);
      expect(`${decision}: ${license.body.review.status}`).toBe(`${decision}: ${expected[policy][decision]}`);
      expect(license.body.review.source).toBe(decision !== "none" ? "decision" : policy === "none" ? "none" : "policy");
      // The stored status (what the catalog filters on) agrees with the GET.
      const model = await call(modelRoute.GET, { params: { id: ids[decision] } });
      expect(model.body.license_status).toBe(expected[policy][decision]);
    }
  });

  it("the catalog's license_status filter finds them where they belong", async () => {
    const list = await call(modelsRoute.GET, { url: "/api/v1/models?license_type=mit&license_status=rejected&sort=name" });
    expect(list.body.data.map((m: { name: string }) => m.name)).toEqual(["matrix/rejected"]);
  });

  it("withdrawing a model's own decision puts it back under the policy", async () => {
    const res = await call(reviewRoute.DELETE, { method: "DELETE", params: { id: ids.rejected }, headers: bearer(admin) });
    expect(res.status).toBe(200);
    expect(res.body.review).toMatchObject({ status: "pending", source: "policy" }); // the last policy was `review`
    expect((await call(reviewRoute.DELETE, { method: "DELETE", params: { id: ids.rejected }, headers: bearer(admin) })).status).toBe(409);
  });
});

describe("who may decide", () => {
  let id: string;
  beforeAll(async () => {
    id = await register("acl/model", { license_type: "apache-2.0" });
  });

  it.each([
    ["a viewer by token", () => bearer(viewer), 403],
    ["a viewer by session", () => session(viewer), 403],
    ["an engineer by token", () => bearer(engineer), 403],
    ["an engineer by session", () => session(engineer), 403],
    ["nobody", () => ({}), 401],
  ])("%s cannot review a model or set a policy", async (_label, headers, status) => {
    const decided = await review(id, { decision: "approved" }, headers());
    expect(decided.status).toBe(status);
    expect(decided.body.error.code).toBe(status === 403 ? "forbidden" : "unauthorized");
    expect((await setPolicy("apache-2.0", { policy: "allow" }, headers())).status).toBe(status);
    expect((await call(reviewRoute.DELETE, { method: "DELETE", params: { id }, headers: headers() })).status).toBe(status);
    expect(await statusOf(id)).toBe("pending");
    expect((await call(licenseRoute.GET, { params: { id: "apache-2.0" } })).body.policy).toBeNull();
  });

  it("an admin by session can (same origin)", async () => {
    expect((await review(id, { decision: "approved" }, session(admin))).status).toBe(200);
  });

  it.each([
    [{ decision: "approved_with_conditions" }, "conditions"],
    [{ decision: "approved_with_conditions", conditions: "   " }, "conditions"],
    [{ decision: "rejected" }, "notes"],
    [{ decision: "maybe" }, "decision"],
  ])("422 for %j", async (json, field) => {
    const res = await review(id, json);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields)).toContain(field);
  });

  it("404 for a model or license that does not exist; 422 for a bad policy", async () => {
    expect((await review("00000000-0000-0000-0000-000000000000", { decision: "approved" })).status).toBe(404);
    expect((await setPolicy("no-such-license", { policy: "allow" })).status).toBe(404);
    expect((await setPolicy("apache-2.0", { policy: "allow_with_conditions" })).status).toBe(422);
    expect((await setPolicy("apache-2.0", { policy: "sometimes" })).status).toBe(422);
  });
});

describe("history and audit", () => {
  it("every decision and policy change is in the model's license history, its history and the audit log", async () => {
    const id = await register("history/model", { license_type: "gemma" });
    await review(id, { decision: "approved_with_conditions", conditions: "No hosted API", notes: "Checked the prohibited use policy" });
    await review(id, { decision: "rejected", notes: "Legal says no" }, session(admin));
    await setPolicy("gemma", { policy: "allow", notes: "Gemma is fine" });

    const license = await getLicense(id);
    expect(license.body.review).toMatchObject({ status: "rejected", source: "decision", reviewer: admin.email, notes: "Legal says no", conditions: null });
    expect(license.body.history.map((e: { kind: string }) => e.kind)).toEqual(["reviewed", "reviewed", "created"]);
    expect(license.body.history[1]).toMatchObject({
      kind: "reviewed", decision: "approved_with_conditions", conditions: "No hosted API", status_before: "pending",
      status_after: "approved_with_conditions", actor: { label: `${admin.email} (token license-admin automation)` },
    });
    expect(license.body.history[0]).toMatchObject({ status_before: "approved_with_conditions", status_after: "rejected", actor: { label: admin.email } });

    const history = await call(historyRoute.GET, { params: { id }, url: `/api/v1/models/${id}/history` });
    const reviewed = history.body.data.filter((e: { action: string }) => e.action === "model.license_reviewed");
    expect(reviewed).toHaveLength(2);
    expect(reviewed[0].changes.license_status).toEqual({ before: "approved_with_conditions", after: "rejected" });

    const audit = await call(auditRoute.GET, { url: `/api/v1/audit?resource_type=license&resource_id=gemma`, headers: bearer(admin) });
    expect(audit.body.data[0]).toMatchObject({ action: "license.policy_set", actor: { id: admin.userId }, changes: { policy: { before: null, after: "allow" } } });
  });
});

describe("policy changes and license changes", () => {
  it("a policy change re-evaluates the models under that license (ids and aliases), and records each", async () => {
    const a = await register("policy/a", { license_type: "llama3.3" });
    const b = await register("policy/b", { license_type: "LLAMA3.3" });
    const other = await register("policy/other", { license_type: "llama3.2" });
    const res = await setPolicy("llama3.3", { policy: "deny", notes: "No Llama in production" });
    expect(res.body.reevaluated).toBe(2);
    expect([await statusOf(a), await statusOf(b), await statusOf(other)]).toEqual(["rejected", "rejected", "pending"]);
    expect((await getLicense(a)).body.history[0]).toMatchObject({ kind: "policy_applied", decision: "deny", status_before: "pending", status_after: "rejected", notes: "No Llama in production" });
    const again = await setPolicy("llama3.3", { policy: "deny" });
    expect(again.body.reevaluated).toBe(0);
    expect((await call(licenseRoute.GET, { params: { id: "llama3.3" } })).body.model_counts).toMatchObject({ total: 2, rejected: 2 });
  });

  it("a new model under a license with a policy gets the policy's status at once", async () => {
    await setPolicy("bsd-3-clause", { policy: "allow_with_conditions", conditions: "Keep the notice in the product" });
    const id = await register("policy/new", { license_type: "bsd-3-clause" });
    const license = await getLicense(id);
    expect(license.body.review).toMatchObject({ status: "approved_with_conditions", source: "policy", conditions: "Keep the notice in the product", reviewer: expect.stringContaining(admin.email) });
    expect(license.body.history[0]).toMatchObject({ kind: "created", status_after: "approved_with_conditions", decision: "allow_with_conditions" });
  });

  it("a license change sends the model back to review unless a policy covers the new license", async () => {
    const id = await register("change/model", { license_type: "cc-by-4.0" });
    await review(id, { decision: "approved", notes: "fine" });
    expect(await statusOf(id)).toBe("approved");

    const toUncovered = await call(modelRoute.PATCH, { method: "PATCH", params: { id }, json: { license_type: "cc-by-sa-4.0" }, headers: bearer(engineer) });
    expect(toUncovered.body.license_status).toBe("pending");
    const license = await getLicense(id);
    expect(license.body.review).toMatchObject({ status: "pending", source: "none", reviewer: null });
    expect(license.body.history[0]).toMatchObject({ kind: "license_changed", license_type: "cc-by-sa-4.0", status_before: "approved", status_after: "pending" });
    expect(license.body.history[0].notes).toContain("License changed from cc-by-4.0 to cc-by-sa-4.0");

    await setPolicy("unlicense", { policy: "allow" });
    const toCovered = await call(modelRoute.PUT, { method: "PUT", params: { id }, json: { name: "change/model", license_type: "unlicense" }, headers: bearer(engineer) });
    expect(toCovered.body.license_status).toBe("approved");
    expect((await getLicense(id)).body.review.source).toBe("policy");

    // An edit that leaves the license alone leaves the status alone.
    await review(id, { decision: "rejected", notes: "not for us" });
    const edit = await call(modelRoute.PATCH, { method: "PATCH", params: { id }, json: { description: "edited" }, headers: bearer(engineer) });
    expect(edit.body.license_status).toBe("rejected");
  });

  it("the Hub importer's detection is recorded with the model", async () => {
    const model = await createModel(
      { name: "hub/qwen-model", provider: "huggingface", license_type: "qwen", description: "", license_restrictions: {}, requirements: {}, tags: [], source: { type: "huggingface", repo_id: "hub/qwen-model" } },
      { actor: { type: "system", label: "hub import" } },
      { licenseDetection: { license_type: "qwen", method: "name", confidence: 0.95 } },
    );
    expect((await getLicense(model.id)).body.detected).toMatchObject({ license_type: "qwen", method: "name", confidence: 0.95, candidates: [] });
  });
});

describe("GET /api/v1/models/{id}/license", () => {
  it("has everything api.md lists, with the model's own restrictions applied to the terms", async () => {
    const id = await register("shape/model", { license_type: "llama3.1", license_restrictions: { mau_limit: 1000000, commercial_use: false, base_model_license: "llama3.1" } });
    const res = await getLicense(id);
    expect(res.status).toBe(200);
    const body = res.body;
    for (const key of ["license_type", "name", "category", "suitability", "terms", "restrictions", "detected", "review", "policy", "history"]) expect(body).toHaveProperty(key);
    for (const key of ["commercial_use", "attribution", "redistribution", "modification", "non_commercial_only", "mau_limit", "naming_requirement", "acceptable_use_policy", "region_restrictions", "pass_through_restrictions"]) {
      expect(body.terms).toHaveProperty(key);
    }
    expect(Object.keys(body.terms).sort()).toEqual([...termKeys].sort());
    expect(Object.keys(body.review).sort()).toEqual(["conditions", "decided_at", "notes", "reviewer", "source", "status"]);
    expect(body).toMatchObject({
      license_type: "llama3.1", known: true, name: "Llama 3.1 Community License Agreement", category: "open_restrictive", suitability: "good",
      terms: { mau_limit: 1000000, commercial_use: false, naming_requirement: expect.stringContaining('"Llama"') },
      license_terms: { mau_limit: 700000000, commercial_use: true },
      restrictions: { mau_limit: 1000000, commercial_use: false, base_model_license: "llama3.1" },
      additional_restrictions: { base_model_license: "llama3.1" },
      detected: { license_type: "llama3.1", method: "manual", confidence: 1 },
      review: { status: "pending", source: "none", reviewer: null, decided_at: null },
      policy: null,
    });
    expect(body.overridden.sort()).toEqual(["commercial_use", "mau_limit"]);
  });

  it("answers for an unknown license too, allowing nothing it does not state", async () => {
    const id = await register("shape/unknown", { license_type: "acme-eula" });
    expect((await getLicense(id)).body).toMatchObject({ known: false, license_id: null, name: null, terms: { commercial_use: false }, review: { status: "pending" } });
  });

  it("404 for an unknown or malformed model id", async () => {
    expect((await getLicense("00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await getLicense("nope")).status).toBe(404);
  });

  it("the catalog's commercial_use filter agrees with each model's terms", async () => {
    const prisma = await db();
    const models = await prisma.model.findMany({ select: { id: true } });
    const allowed = new Set<string>();
    for (let page = 1; ; page++) {
      const res = await call(modelsRoute.GET, { url: `/api/v1/models?commercial_use=true&page_size=100&page=${page}` });
      for (const m of res.body.data) allowed.add(m.id);
      if (page >= res.body.total_pages) break;
    }
    const notAllowed = await call(modelsRoute.GET, { url: `/api/v1/models?commercial_use=false&page_size=100` });
    expect(allowed.size + notAllowed.body.total).toBe(models.length);
    for (const { id } of models) {
      expect(`${id}: ${allowed.has(id)}`).toBe(`${id}: ${(await getLicense(id)).body.terms.commercial_use}`);
    }
  });
});
