// Scans when things go wrong: a worker process killed in the middle of a scan (the job is retried
// by another worker and the scan finishes once, with no duplicated findings), and clamd stopped in
// the middle of a scan (the scan retries, or ends failed; it never reads as clean, even for a file
// only ClamAV could object to).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

// The queue's settings belong to the queue: this process (which sends the jobs) and the worker
// processes it starts use the same ones, short so the test is quick.
const queueEnv = vi.hoisted(() => {
  const settings = { SCAN_RETRY_LIMIT: "2", SCAN_RETRY_DELAY_SECONDS: "1", SCAN_HEARTBEAT_SECONDS: "10", QUEUE_SUPERVISE_SECONDS: "1" };
  Object.assign(process.env, settings);
  return settings;
});
import { closeDatabase, db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createModel, getModelOrThrow } from "@/lib/models/service";
import { upsertHubArtifacts } from "@/lib/scans/artifacts";
import { registerScanJobs, stopScanSweeps } from "@/lib/scans/jobs";
import { runnerOptionsFromEnv } from "@/lib/scans/runner";
import { getScanOrThrow, requestScan } from "@/lib/scans/service";
import { safetensors, zip } from "@/tests/fixtures/scans/builders";
import { pythonCorpus, pythonFile } from "@/tests/fixtures/scans/python-corpus";
import { ensureClamd, stopClamd } from "./support/clamd";
import { startFakeHub, waitFor, type FakeHub } from "./support/fake-hub";

const root = path.resolve(import.meta.dirname, "../..");
const system = { actor: { type: "system" as const, label: "test" } };
// A second clamd of the tests' own, which they stop and start.
const SPARE_CLAMD_PORT = 3319;

let hub: FakeHub;
let evilZip: Buffer;

beforeAll(async () => {
  pythonCorpus();
  hub = await startFakeHub();
  // data.pkl first, then 4 MiB of tensor data, so a download held after 1 MiB is mid-file.
  evilZip = zip([{ name: "archive/data.pkl", data: pythonFile("torch_state_dict.pkl") }, { name: "archive/hook.pkl", data: pythonFile("os_system.pkl") }, { name: "archive/data/0", data: Buffer.alloc(4 * 1024 * 1024, 7) }]);
}, 60_000);

afterAll(async () => {
  stopScanSweeps();
  await stopBoss();
  await closeDatabase();
  await hub?.close();
});

async function hubModel(label: string, route: string, pauseAfter?: number, file = { path: "pytorch_model.bin", body: evilZip }) {
  const model = await createModel({ name: `acme/${label}-${Math.random().toString(36).slice(2, 8)}`, description: "", provider: "custom", license_restrictions: {}, requirements: {}, tags: [], source: { type: "custom" } }, system);
  hub.routes.set(route, { body: file.body, pauseAfter });
  await (await db()).$transaction((tx) => upsertHubArtifacts(tx, model.id, [{ path: file.path, size: file.body.length, sha256: null, url: `${hub.url}${route}` }]));
  return model;
}

const scanOf = (id: string) => getScanOrThrow(id);

describe("a worker killed in the middle of a scan", () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill("SIGKILL")));

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env, ...queueEnv, DATABASE_URL: inject("databaseUrl"), HF_ENDPOINT: hub.url, SCAN_CONCURRENCY: "1",
        CLAMAV_HOST: "127.0.0.1", CLAMAV_PORT: "3310", LEADERBOARD_UPDATE_INTERVAL: "0 0 1 1 *",
      },
    });
    child.stderr?.on("data", (chunk) => process.stderr.write(`[worker ${child.pid}] ${chunk}`));
    children.push(child);
    return child;
  }

  it("is retried by another worker; the scan finishes once with no duplicated findings", async () => {
    await ensureClamd();
    const model = await hubModel("crash", "/acme/crash/resolve/main/pytorch_model.bin", 1024 * 1024);
    // This process only queues; the workers are other processes.
    const { scan } = await requestScan(model.id, system);
    const first = startWorker();
    await waitFor(() => scanOf(scan.id), (s) => s.status === "running" && s.progress.bytes_done > 0, 60_000, "the first worker to be mid-scan");
    first.kill("SIGKILL");
    hub.release();
    startWorker();
    const done = await waitFor(() => scanOf(scan.id), (s) => s.status === "completed" || s.status === "failed", 120_000, "the retried scan to finish");
    expect(done).toMatchObject({ status: "completed", verdict: "critical", attempts: 2, progress: { files_total: 1, files_done: 1 } });
    // Exactly one result: one scan of the model, one report for its one file, one queue job
    // (retried once, completed), not a second scan or a second report from the killed worker.
    const prisma = await db();
    expect(done.files).toHaveLength(1);
    expect(await prisma.scan.count({ where: { modelId: model.id } })).toBe(1);
    expect(await prisma.scanFile.count({ where: { scanId: scan.id } })).toBe(1);
    const jobs = await prisma.$queryRaw<{ state: string; retry_count: number }[]>`SELECT state::text, retry_count FROM pgboss.job WHERE data->>'scanId' = ${scan.id}`;
    expect(jobs).toEqual([{ state: "completed", retry_count: 1 }]);
    const findings = done.files[0].findings.map((f) => `${f.rule} ${JSON.stringify(f.detail)}`);
    expect(new Set(findings).size).toBe(findings.length);
    expect(done.files[0].imports.filter((i) => i.module === "posix" && i.name === "system")).toHaveLength(1);
    expect((await getModelOrThrow(model.id)).scan_status).toBe("flagged");
    // The Hub file was read twice: once by the killed worker, once by its replacement.
    expect(hub.requests.filter((r) => r.path === "/acme/crash/resolve/main/pytorch_model.bin")).toHaveLength(2);
  }, 180_000);
});

describe("clamd stopped in the middle of a scan", () => {
  let boss: Awaited<ReturnType<typeof getBoss>>;
  beforeAll(async () => {
    const clamd = await ensureClamd(SPARE_CLAMD_PORT);
    boss = await getBoss();
    await registerScanJobs(boss, {
      work: true, concurrency: 1, sweepIntervalMs: 2000,
      settings: { retryLimit: 2, retryDelaySeconds: 1, heartbeatSeconds: 10 },
      runner: { ...runnerOptionsFromEnv(), clamd, hub: { endpoint: hub.url }, progressIntervalMs: 50 },
    });
  }, 60_000);
  afterAll(() => stopClamd(SPARE_CLAMD_PORT));

  it("retries the scan while clamd is gone, never calling it clean, and finishes when clamd is back", async () => {
    // Held mid-file again (the test before released the Hub's downloads), so clamd stops mid-scan.
    hub.hold();
    const model = await hubModel("clamd-restart", "/acme/restart/resolve/main/pytorch_model.bin", 1024 * 1024);
    const { scan } = await requestScan(model.id, system);
    await waitFor(() => scanOf(scan.id), (s) => s.status === "running" && s.progress.bytes_done > 0, 60_000, "the scan to be mid-file");
    stopClamd(SPARE_CLAMD_PORT);
    hub.release();
    const retrying = await waitFor(() => scanOf(scan.id), (s) => s.error !== null || s.status === "completed" || s.status === "failed", 30_000, "the attempt to fail");
    expect(retrying.status).not.toBe("completed");
    expect(retrying.verdict).toBeNull();
    expect(retrying.error).toMatch(/clamd/);
    expect((await getModelOrThrow(model.id)).scan_status).not.toBe("clean");
    await ensureClamd(SPARE_CLAMD_PORT);
    const done = await waitFor(() => scanOf(scan.id), (s) => s.status === "completed" || s.status === "failed", 90_000, "the scan to finish");
    expect(done).toMatchObject({ status: "completed", verdict: "critical", error: null });
    expect(done.attempts).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it("ends failed, with the reason, when clamd stays away past the last retry; the model's scan_status is error", async () => {
    stopClamd(SPARE_CLAMD_PORT);
    const model = await hubModel("clamd-gone", "/acme/gone/resolve/main/pytorch_model.bin");
    const { scan } = await requestScan(model.id, system);
    const done = await waitFor(() => scanOf(scan.id), (s) => s.status === "completed" || s.status === "failed", 90_000, "the scan to give up");
    expect(done).toMatchObject({ status: "failed", verdict: null, attempts: 3 });
    expect(done.error).toMatch(/clamd .*unreachable.*gave up after 3 attempts/s);
    expect((await getModelOrThrow(model.id)).scan_status).toBe("error");
  }, 120_000);

  it("never calls a harmless file clean when clamd was killed part-way through reading it", async () => {
    // A valid safetensors file that no other scanner flags: only ClamAV's verdict stands between
    // it and "clean", so a scan that skipped the missing clamd would say clean.
    const harmless = safetensors([{ name: "w", dtype: "F32", shape: [1024, 1024] }]);
    await ensureClamd(SPARE_CLAMD_PORT);
    hub.hold();
    const model = await hubModel("clamd-harmless", "/acme/harmless/resolve/main/model.safetensors", 1024 * 1024, { path: "model.safetensors", body: harmless });
    const { scan } = await requestScan(model.id, system);
    await waitFor(() => scanOf(scan.id), (s) => s.status === "running" && s.progress.bytes_done > 0, 60_000, "the scan to be mid-file");
    stopClamd(SPARE_CLAMD_PORT);
    hub.release();
    // Every state the scan and the model pass through until the scan gives up.
    const seen = new Set<string>();
    const done = await waitFor(async () => {
      const [s, m] = await Promise.all([scanOf(scan.id), getModelOrThrow(model.id)]);
      seen.add(`${s.status}/${s.verdict}/${m.scan_status}`);
      return s;
    }, (s) => s.status === "completed" || s.status === "failed", 90_000, "the scan to give up");
    expect([...seen].filter((state) => /completed|clean/.test(state))).toEqual([]);
    expect(done).toMatchObject({ status: "failed", verdict: null, attempts: 3 });
    expect(done.error).toMatch(/clamd/);
    expect((await getModelOrThrow(model.id)).scan_status).toBe("error");
    // The control: with clamd back, the same file is scanned whole and is clean.
    await ensureClamd(SPARE_CLAMD_PORT);
    const again = await requestScan(model.id, system);
    expect(await waitFor(() => scanOf(again.scan.id), (s) => s.status === "completed" || s.status === "failed", 60_000, "the rescan")).toMatchObject({ status: "completed", verdict: "clean" });
    expect((await getModelOrThrow(model.id)).scan_status).toBe("clean");
  }, 120_000);
});
