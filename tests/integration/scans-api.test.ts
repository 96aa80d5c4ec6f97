// Artifacts and scans through the real route handlers, a real PostgreSQL queue (pg-boss) with scan
// workers in this process, and a real clamd: upload, scan, watch the progress, read the report.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const artifactDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/budmodel-artifacts-${process.pid}-${Date.now()}`;
  process.env.BUDMODEL_ARTIFACT_DIR = dir;
  process.env.BUDMODEL_MAX_UPLOAD_BYTES = String(3 * 1024 * 1024);
  process.env.HUGGINGFACE_TOKEN = "hf_test_token_never_to_the_cdn";
  return dir;
});

import * as artifactsRoute from "@/app/api/v1/models/[id]/artifacts/route";
import * as scanRoute from "@/app/api/v1/models/[id]/scan/route";
import * as scansRoute from "@/app/api/v1/models/[id]/scans/route";
import * as scanItem from "@/app/api/v1/scans/[id]/route";
import * as health from "@/app/api/v1/health/route";
import { closeDatabase, db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createModel, getModelOrThrow } from "@/lib/models/service";
import { upsertHubArtifacts } from "@/lib/scans/artifacts";
import { registerScanJobs, stopScanSweeps, sweep } from "@/lib/scans/jobs";
import { runnerOptionsFromEnv } from "@/lib/scans/runner";
import { EICAR, safetensors } from "@/tests/fixtures/scans/builders";
import { pythonCorpus, pythonFile } from "@/tests/fixtures/scans/python-corpus";
import { createIdentity, type TestIdentity } from "./support/actors";
import { ensureClamd } from "./support/clamd";
import { startFakeHub, waitFor, type FakeHub } from "./support/fake-hub";
import { call } from "./support/http";

let engineer: TestIdentity;
let viewer: TestIdentity;
let hub: FakeHub;
let cdn: FakeHub;
const system = { actor: { type: "system" as const, label: "test" } };
const auth = (who: TestIdentity) => ({ authorization: `Bearer ${who.token}` });

beforeAll(async () => {
  const clamd = await ensureClamd();
  pythonCorpus();
  engineer = await createIdentity("engineer");
  viewer = await createIdentity("viewer");
  [hub, cdn] = await Promise.all([startFakeHub("127.0.0.1"), startFakeHub("localhost")]);
  const runner = { ...runnerOptionsFromEnv(), clamd, hub: { endpoint: hub.url, token: "hf_test_token_never_to_the_cdn" }, progressIntervalMs: 50 };
  await registerScanJobs(await getBoss(), { work: true, concurrency: 2, runner, settings: { retryLimit: 2, retryDelaySeconds: 1, heartbeatSeconds: 10 }, sweepIntervalMs: 5000 });
}, 120_000);

afterAll(async () => {
  stopScanSweeps();
  await stopBoss();
  await closeDatabase();
  await hub?.close();
  await cdn?.close();
});

async function newModel(name: string) {
  return createModel({ name: `${name}-${Math.random().toString(36).slice(2, 8)}`, description: "", provider: "custom", license_restrictions: {}, requirements: {}, tags: [], source: { type: "custom" } }, system);
}

/** A multipart upload through the route handler, as a browser or curl sends it. */
async function upload(modelId: string, files: [name: string, data: Buffer][], who = engineer) {
  const form = new FormData();
  for (const [name, data] of files) form.append("file", new Blob([new Uint8Array(data)]), name);
  const request = new Request(`http://localhost/api/v1/models/${modelId}/artifacts`, { method: "POST", body: form, headers: auth(who) });
  const response = await artifactsRoute.POST(request, { params: Promise.resolve({ id: modelId }) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const getScan = async (id: string) => (await call(scanItem.GET, { url: `/api/v1/scans/${id}`, params: { id } })).body;
const settled = (id: string) => waitFor(() => getScan(id), (s) => s.status === "completed" || s.status === "failed", 90_000, `scan ${id} to settle`);

describe("artifacts", () => {
  it("streams uploads to storage, hashed, with names made safe", async () => {
    const model = await newModel("acme/upload");
    const weights = safetensors([{ name: "w", dtype: "F32", shape: [256, 256] }]);
    const res = await upload(model.id, [["model.safetensors", weights], ["../../etc/evil.pkl", pythonFile("os_system.pkl")], ["/abs/notes.txt", Buffer.from("hi")]]);
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/models/${model.id}/artifacts`);
    const byPath = Object.fromEntries(res.body.data.map((a: { path: string }) => [a.path, a]));
    expect(Object.keys(byPath).sort()).toEqual(["abs/notes.txt", "etc/evil.pkl", "model.safetensors"]);
    const { createHash } = await import("node:crypto");
    expect(byPath["model.safetensors"]).toMatchObject({ source: "upload", size: weights.length, sha256: createHash("sha256").update(weights).digest("hex"), format: "safetensors", url: null });
    expect(byPath["etc/evil.pkl"].format).toBe("pickle");
    // Stored under the artifact folder by id: nothing on disk carries the uploaded names.
    const stored = readdirSync(path.join(artifactDir, model.id));
    expect(stored).toHaveLength(3);
    expect(stored.every((name) => /^[0-9a-f-]{36}$/.test(name))).toBe(true);
    const list = await call(artifactsRoute.GET, { url: `/api/v1/models/${model.id}/artifacts`, params: { id: model.id } });
    expect(list.body).toMatchObject({ total: 3, page: 1 });
  });

  it("replaces an artifact uploaded again under the same path", async () => {
    const model = await newModel("acme/replace");
    await upload(model.id, [["a.bin", Buffer.from("one")]]);
    const again = await upload(model.id, [["a.bin", Buffer.from("two!")]]);
    expect(again.body.data[0]).toMatchObject({ path: "a.bin", size: 4 });
    expect(readdirSync(path.join(artifactDir, model.id))).toHaveLength(1);
  });

  it("refuses an upload over the limit with 413 and keeps nothing of it", async () => {
    const model = await newModel("acme/big");
    const res = await upload(model.id, [["big.bin", Buffer.alloc(4 * 1024 * 1024, 1)]]);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    const folder = path.join(artifactDir, model.id);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it("removes a deleted model's stored uploads on the next sweep", async () => {
    const model = await newModel("acme/deleted");
    await upload(model.id, [["a.bin", Buffer.from("bytes")]]);
    expect(existsSync(path.join(artifactDir, model.id))).toBe(true);
    await (await db()).model.delete({ where: { id: model.id } });
    await sweep(await getBoss());
    expect(existsSync(path.join(artifactDir, model.id))).toBe(false);
  });

  it("answers 400 to a body that is not multipart, 422 with no file, 404 for an unknown model, 403 to a viewer", async () => {
    const model = await newModel("acme/bad");
    const json = await call(artifactsRoute.POST, { method: "POST", url: "/x", params: { id: model.id }, json: {}, headers: auth(engineer) });
    expect(json.status).toBe(400);
    const form = new FormData();
    form.append("other", "value");
    const none = await artifactsRoute.POST(new Request("http://localhost/x", { method: "POST", body: form, headers: auth(engineer) }), { params: Promise.resolve({ id: model.id }) });
    expect(none.status).toBe(422);
    expect((await upload("00000000-0000-4000-8000-000000000000", [["a", Buffer.from("a")]])).status).toBe(404);
    expect((await upload(model.id, [["a", Buffer.from("a")]], viewer)).status).toBe(403);
  });
});

describe("scans", () => {
  it("queues a scan (202 + Location), returns the open one (200), and ends flagged with the findings", async () => {
    const model = await newModel("acme/evil");
    await upload(model.id, [["pytorch_model.bin", pythonFile("torch_zip_evil.pt")], ["eicar.com", EICAR], ["config.json", Buffer.from("{}")]]);
    const first = await call(scanRoute.POST, { method: "POST", url: "/x", params: { id: model.id }, headers: auth(engineer) });
    expect(first.status).toBe(202);
    expect(first.headers.get("location")).toBe(`/api/v1/scans/${first.body.id}`);
    expect(first.body).toMatchObject({ status: "queued", verdict: null, progress: { files_total: 3, files_done: 0 } });
    const second = await call(scanRoute.POST, { method: "POST", url: "/x", params: { id: model.id }, headers: auth(engineer) });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);

    const scan = await settled(first.body.id);
    expect(scan).toMatchObject({ status: "completed", verdict: "critical", error: null, attempts: 1 });
    expect(scan.progress).toEqual({ files_total: 3, files_done: 3, bytes_total: scan.progress.bytes_total, bytes_done: scan.progress.bytes_total });
    const file = (p: string) => scan.files.find((f: { path: string }) => f.path === p);
    expect(file("pytorch_model.bin")).toMatchObject({ status: "done", verdict: "critical", format: "pytorch_zip" });
    expect(file("pytorch_model.bin").imports).toContainEqual(expect.objectContaining({ module: "posix", name: "system", safety: "dangerous", where: "archive/data.pkl" }));
    expect(file("eicar.com").findings).toContainEqual(expect.objectContaining({ scanner: "clamav", rule: "clamav.found", severity: "critical" }));
    expect(file("config.json")).toMatchObject({ verdict: "clean", findings: [] });
    expect(file("config.json").scanners).toEqual([{ scanner: "clamav", covered: true }]);
    expect((await getModelOrThrow(model.id)).scan_status).toBe("flagged");

    const history = await call(scansRoute.GET, { url: "/x", params: { id: model.id } });
    expect(history.body).toMatchObject({ total: 1, data: [{ id: first.body.id, verdict: "critical" }] });
    expect(history.body.data[0].files).toBeUndefined();
  });

  it("calls a harmless model clean and fills its exact parameter count from the safetensors headers", async () => {
    const model = await newModel("acme/clean");
    await upload(model.id, [
      ["model-00001-of-00002.safetensors", safetensors([{ name: "a", dtype: "BF16", shape: [300, 200] }])],
      ["model-00002-of-00002.safetensors", safetensors([{ name: "b", dtype: "F32", shape: [1000] }])],
      ["state.pkl", pythonFile("torch_state_dict.pkl")],
    ]);
    const { body } = await call(scanRoute.POST, { method: "POST", url: "/x", params: { id: model.id }, headers: auth(engineer) });
    const scan = await settled(body.id);
    expect(scan).toMatchObject({ status: "completed", verdict: "clean" });
    const after = await getModelOrThrow(model.id);
    expect(after.scan_status).toBe("clean");
    expect(after.parameters_exact).toBe(300 * 200 + 1000);
  });

  it("scans Hub files from their URL, sending the token to the Hub's host only", async () => {
    const model = await newModel("acme/hub");
    const evil = pythonFile("builtins_exec.pkl");
    const { createHash } = await import("node:crypto");
    hub.routes.set("/acme/hub/resolve/main/weights.pkl", { redirect: `${cdn.url}/blob/weights.pkl` });
    cdn.routes.set("/blob/weights.pkl", { body: evil });
    hub.routes.set("/acme/hub/resolve/main/model.safetensors", { body: safetensors([{ name: "w", dtype: "F16", shape: [64] }]) });
    await (await db()).$transaction((tx) => upsertHubArtifacts(tx, model.id, [
      { path: "weights.pkl", size: evil.length, sha256: createHash("sha256").update(evil).digest("hex"), url: `${hub.url}/acme/hub/resolve/main/weights.pkl` },
      { path: "model.safetensors", size: 8 + 0, sha256: null, url: `${hub.url}/acme/hub/resolve/main/model.safetensors` },
    ]));
    const { body } = await call(scanRoute.POST, { method: "POST", url: "/x", params: { id: model.id }, headers: auth(engineer) });
    const scan = await settled(body.id);
    expect(scan.verdict).toBe("critical");
    const weights = scan.files.find((f: { path: string }) => f.path === "weights.pkl");
    expect(weights).toMatchObject({ source: "huggingface", sha256: weights.expected_sha256 });
    expect(weights.imports).toContainEqual(expect.objectContaining({ module: "builtins", name: "exec" }));
    // The size recorded for the safetensors file was wrong on purpose: the scan says so.
    const st = scan.files.find((f: { path: string }) => f.path === "model.safetensors");
    expect(st.findings).toContainEqual(expect.objectContaining({ rule: "integrity.size_mismatch" }));
    expect(hub.requests.filter((r) => r.path.startsWith("/acme/hub")).every((r) => r.authorization === "Bearer hf_test_token_never_to_the_cdn")).toBe(true);
    expect(cdn.requests).toEqual([{ path: "/blob/weights.pkl", authorization: null }]);
  });

  it("fails a scan whose upload vanished from storage, and the model's scan_status is error", async () => {
    const model = await newModel("acme/vanished");
    const res = await upload(model.id, [["a.pkl", pythonFile("ordered_dict.pkl")]]);
    const { rm } = await import("node:fs/promises");
    await rm(path.join(artifactDir, model.id), { recursive: true });
    const { body } = await call(scanRoute.POST, { method: "POST", url: "/x", params: { id: model.id }, headers: auth(engineer) });
    const scan = await settled(body.id);
    expect(res.status).toBe(201);
    expect(scan).toMatchObject({ status: "failed", verdict: null, error: expect.stringMatching(/missing from storage/) });
    expect((await getModelOrThrow(model.id)).scan_status).toBe("error");
  });

  it("answers 409 for a model with nothing to scan, and 404 for an unknown scan", async () => {
    const model = await newModel("acme/empty");
    expect((await call(scanRoute.POST, { method: "POST", url: "/x", params: { id: model.id }, headers: auth(engineer) })).status).toBe(409);
    expect((await call(scanItem.GET, { url: "/x", params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    expect((await call(scanItem.GET, { url: "/x", params: { id: "not-a-uuid" } })).status).toBe(404);
  });

  it("reports clamd and the queue in the health check", async () => {
    const res = await call(health.GET, { url: "/api/v1/health" });
    expect(res.body.clamav).toMatchObject({ status: "ok", version: expect.stringMatching(/^ClamAV \d/) });
    expect(res.body.queue).toMatchObject({ status: "ok", scans: { queued: expect.any(Number), running: expect.any(Number) } });
  });
});
