// The leaderboard through the real route handlers on PostgreSQL: buckets never mixed, direction
// per metric, best result per model, ties to the earlier result, per-GPU and cost arithmetic,
// and agreement with the pure ranking rules (lib/leaderboard/ranking.ts) on random results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as benchmarks from "@/app/api/v1/benchmarks/route";
import * as leaderboard from "@/app/api/v1/leaderboard/route";
import * as buckets from "@/app/api/v1/leaderboard/buckets/route";
import * as refresh from "@/app/api/v1/leaderboard/refresh/route";
import { closeDatabase, db } from "@/lib/db";
import { leaderboardMetrics } from "@/lib/leaderboard/metrics";
import { rankWithin, type RankableResult } from "@/lib/leaderboard/ranking";
import { asAdmin, benchmarkBody, makeModel, makeProfile, type BenchmarkShape } from "./support/benchmarks";
import { call } from "./support/http";

type Model = { id: string; name: string };
let a: Model, b: Model, c: Model, d: Model;
let machine: string;
let unpriced: string;
const ids: Record<string, string> = {};

const submit = async (label: string, model: Model, profile: string, shape: BenchmarkShape, extra: (body: ReturnType<typeof benchmarkBody>) => void = () => {}) => {
  const body = benchmarkBody(model.id, profile, shape);
  extra(body);
  const res = await asAdmin(benchmarks.POST, { method: "POST", url: "/api/v1/benchmarks", json: body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[label] = res.body.id;
};
const refreshNow = () => asAdmin(refresh.POST, { method: "POST", url: "/api/v1/leaderboard/refresh" });
const rank = async (query: string) => {
  const res = await call(leaderboard.GET, { url: `/api/v1/leaderboard?${query}` });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const bucketX = () => `hardware_profile=${machine}&precision=bf16&input_tokens=1024&output_tokens=256&concurrency=16`;
const names = (body: { entries: { model: { name: string } }[] }) => body.entries.map((e) => e.model.name);

beforeAll(async () => {
  [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map((label) => makeModel(`lb-${label}`)));
  machine = await makeProfile(2, 7.2);
  unpriced = await makeProfile(1, null);
  // Bucket X: A's best throughput run and best TTFT run differ; B ties A's throughput, later.
  await submit("a1", a, machine, { throughput: 1500, ttft: 120 });
  await submit("a2", a, machine, { throughput: 1800, ttft: 200 });
  await submit("b1", b, machine, { throughput: 1800, ttft: 90 });
  await submit("c1", c, machine, { throughput: 900, ttft: 300 }, (body) => { body.metrics.tpot_ms = null as never; });
  // The same machine and workload at another concurrency, and in another precision: other buckets.
  await submit("d1", d, machine, { throughput: 5000, concurrency: 64 });
  await submit("b2", b, machine, { throughput: 9999, precision: "fp8" });
  await submit("a3", a, unpriced, { throughput: 100 });
});

afterAll(async () => closeDatabase());

describe("refresh", () => {
  it("is served from the precomputed table: new results show after a refresh, with its time", async () => {
    const before = await rank(bucketX());
    expect(before.entries).toEqual([]);
    const refreshed = await refreshNow();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ trigger: "manual", entries: expect.any(Number), buckets: expect.any(Number) });
    const after = await rank(bucketX());
    expect(after.updated_at).toBe(refreshed.body.updated_at);
    expect(names(after)).toEqual([a.name, b.name, c.name]);
    const audit = await (await db()).auditEvent.findFirst({ where: { action: "leaderboard.refreshed" }, orderBy: { at: "desc" } });
    expect(audit?.actorLabel).toBe("BUDMODEL_ADMIN_TOKEN");
  });
});

describe("ranking", () => {
  it("ranks throughput high first, best run per model, the earlier result winning a tie", async () => {
    const body = await rank(`${bucketX()}&metric=output_throughput_tps`);
    expect(body).toMatchObject({ metric: "output_throughput_tps", direction: "desc", unit: "tokens/s", total: 3 });
    expect(body.bucket).toEqual({ hardware_profile: machine, precision: "bf16", input_tokens: 1024, output_tokens: 256, concurrency: 16 });
    expect(body.entries.map((e: { rank: number; value: number; benchmark_id: string }) => [e.rank, e.value, e.benchmark_id])).toEqual([
      [1, 1800, ids.a2], [2, 1800, ids.b1], [3, 900, ids.c1],
    ]);
    expect(body.entries[0]).toMatchObject({ model: { id: a.id, name: a.name }, hardware_profile: machine, per_gpu: 900, demo: false });
    // 7.20 USD/h on 1800 tokens/s: 0.002 USD/s / 1800 x 1e6 = 1.111 USD per million output tokens.
    expect(body.entries[0].cost_per_million_tokens).toBeCloseTo(1000 / 900, 10);
  });

  it("ranks latency low first, each model by its own best run for that metric", async () => {
    const body = await rank(`${bucketX()}&metric=ttft_p50_ms`);
    expect(body.direction).toBe("asc");
    expect(body.entries.map((e: { value: number; benchmark_id: string }) => [e.value, e.benchmark_id])).toEqual([[90, ids.b1], [120, ids.a1], [300, ids.c1]]);
    // Per-GPU throughput and cost are those of the ranked run itself.
    expect(body.entries[1].per_gpu).toBe(750);
  });

  it("divides by the GPU count per GPU, prices per million tokens, and leaves out what was not measured", async () => {
    const perGpu = await rank(`${bucketX()}&metric=output_throughput_per_gpu`);
    expect(perGpu.entries.map((e: { value: number }) => e.value)).toEqual([900, 900, 450]);
    const cost = await rank(`${bucketX()}&metric=cost_per_million_tokens`);
    expect(cost.direction).toBe("asc");
    expect(cost.entries.map((e: { value: number }) => e.value)).toEqual([expect.closeTo(1000 / 900, 10), expect.closeTo(1000 / 900, 10), expect.closeTo(2000 / 900, 10)]);
    expect(names(await rank(`${bucketX()}&metric=tpot_p50_ms`))).toEqual([a.name, b.name]);
    expect((await rank(`hardware_profile=${unpriced}&metric=cost_per_million_tokens`)).entries).toEqual([]);
    expect((await rank(`hardware_profile=${unpriced}&metric=output_throughput_tps`)).entries).toHaveLength(1);
  });

  it("never mixes buckets: other concurrencies and precisions rank on their own", async () => {
    expect(names(await rank(bucketX()))).not.toContain(d.name);
    const c64 = await rank(bucketX().replace("concurrency=16", "concurrency=64"));
    expect(c64.entries.map((e: { model: { name: string }; value: number }) => [e.model.name, e.value])).toEqual([[d.name, 5000]]);
    const fp8 = await rank(bucketX().replace("precision=bf16", "precision=fp8"));
    expect(fp8.entries.map((e: { model: { name: string }; value: number }) => [e.model.name, e.value])).toEqual([[b.name, 9999]]);
  });

  it("picks the fullest matching bucket for what a query leaves out, and lists buckets", async () => {
    const body = await rank(`hardware_profile=${machine}`);
    expect(body.bucket).toMatchObject({ precision: "bf16", concurrency: 16 });
    expect(body.total).toBe(3);
    const list = await call(buckets.GET, { url: `/api/v1/leaderboard/buckets?hardware_profile=${machine}` });
    expect(list.body.total).toBe(3);
    expect(list.body.data[0]).toEqual({ hardware_profile: machine, precision: "bf16", input_tokens: 1024, output_tokens: 256, concurrency: 16, models: 3 });
  });

  it("refuses an unknown metric and an out-of-range limit", async () => {
    expect((await call(leaderboard.GET, { url: "/api/v1/leaderboard?metric=vibes" })).status).toBe(422);
    expect((await call(leaderboard.GET, { url: "/api/v1/leaderboard?limit=0" })).status).toBe(422);
  });
});

describe("the compare page and the chart", () => {
  it("find the buckets two models share, and each model's best results in them", async () => {
    const { getSharedResults } = await import("@/lib/leaderboard/shared");
    const shared = await getSharedResults([a.id, b.id, d.id]);
    const x = shared.find((result) => result.bucket.hardware_profile === machine && result.bucket.concurrency === 16 && result.bucket.precision === "bf16");
    expect(Object.keys(x!.byModel).sort()).toEqual([a.id, b.id].sort());
    expect(x!.byModel[a.id]).toMatchObject({ output_throughput_tps: 1800, per_gpu: 900, ttft_p50_ms: 120 });
    // d's only result is at concurrency 64, where no other of these models has one.
    expect(shared.some((result) => result.bucket.hardware_profile === machine && result.bucket.concurrency === 64)).toBe(false);
  });

  it("plot each model's highest-throughput result, with that run's own TTFT", async () => {
    const { getTradeoffPoints } = await import("@/lib/leaderboard/service");
    const points = (await getTradeoffPoints({ precision: "bf16", input_tokens: 1024, output_tokens: 256 })).filter((p) => p.hardwareProfileId === machine);
    const ofA = points.find((point) => point.modelId === a.id && point.concurrency === 16);
    expect(ofA).toMatchObject({ benchmarkId: ids.a2, perGpu: 900, ttftP50Ms: 200 });
    expect(points.find((point) => point.modelId === d.id)).toMatchObject({ concurrency: 64, perGpu: 2500 });
  });
});

describe("the SQL refresh and the pure ranking rules agree", () => {
  it("on random results with ties, for every metric and bucket", async () => {
    const profile = await makeProfile(4, 11.5);
    const models = await Promise.all(Array.from({ length: 5 }, (_, i) => makeModel(`random-${i}`)));
    let state = 7;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    // Coarse values so that ties happen.
    const pick = (values: number[]) => values[Math.floor(random() * values.length)];
    for (let i = 0; i < 60; i++) {
      const shape = { concurrency: pick([1, 8, 32]), throughput: pick([500, 800, 800, 1200]), ttft: pick([50, 80, 80, 120]), tpot: pick([10, 15, 15]) };
      await submit(`r${i}`, models[Math.floor(random() * models.length)], profile, shape);
    }
    expect((await refreshNow()).status).toBe(200);
    const stored = await (await db()).benchmark.findMany({ where: { hardwareProfileId: profile } });
    const results: RankableResult[] = stored.map((row) => ({
      hardware_profile: row.hardwareProfileId, precision: row.precision, input_tokens: row.inputTokens, output_tokens: row.outputTokens,
      concurrency: row.concurrency, seq: Number(row.seq), benchmark_id: row.id, model_id: row.modelId,
      output_throughput_tps: row.outputThroughputTps, request_throughput_rps: row.requestThroughputRps, ttft_p50_ms: row.ttftP50Ms,
      ttft_p99_ms: row.ttftP99Ms, tpot_p50_ms: row.tpotP50Ms, itl_p50_ms: row.itlP50Ms, e2e_latency_p99_ms: row.e2eP99Ms,
    }));
    for (const concurrency of [1, 8, 32]) {
      const bucket = { hardware_profile: profile, precision: "bf16", input_tokens: 1024, output_tokens: 256, concurrency };
      for (const metric of leaderboardMetrics) {
        const expected = rankWithin(bucket, results, metric, { gpu_count: 4, hourly_price_usd: 11.5 });
        const body = await rank(`hardware_profile=${profile}&precision=bf16&input_tokens=1024&output_tokens=256&concurrency=${concurrency}&metric=${metric}`);
        const actual = body.entries.map((e: { rank: number; model: { id: string }; benchmark_id: string; value: number; per_gpu: number }) => [e.rank, e.model.id, e.benchmark_id, e.value, e.per_gpu]);
        expect(actual, `${metric} at concurrency ${concurrency}`).toEqual(expected.map((e) => [e.rank, e.model_id, e.benchmark_id, expect.closeTo(e.value, 9), e.per_gpu]));
      }
    }
  });
});
