-- CreateEnum
CREATE TYPE "BenchmarkSource" AS ENUM ('api', 'vllm', 'llmperf', 'genai_perf', 'runner');

-- CreateEnum
CREATE TYPE "BenchmarkRunStatus" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "LeaderboardTrigger" AS ENUM ('schedule', 'manual', 'startup');

-- CreateTable
CREATE TABLE "hardware_profiles" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gpu_type" TEXT NOT NULL,
    "gpu_count" INTEGER NOT NULL,
    "gpu_memory_gb" DOUBLE PRECISION NOT NULL,
    "interconnect" TEXT,
    "hourly_price_usd" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hardware_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "benchmarks" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "model_id" UUID NOT NULL,
    "hardware_profile_id" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "engine_version" TEXT,
    "precision" TEXT NOT NULL,
    "input_tokens" INTEGER NOT NULL,
    "output_tokens" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "num_gpus" INTEGER NOT NULL,
    "ttft_mean_ms" DOUBLE PRECISION,
    "ttft_p50_ms" DOUBLE PRECISION,
    "ttft_p90_ms" DOUBLE PRECISION,
    "ttft_p95_ms" DOUBLE PRECISION,
    "ttft_p99_ms" DOUBLE PRECISION,
    "tpot_mean_ms" DOUBLE PRECISION,
    "tpot_p50_ms" DOUBLE PRECISION,
    "tpot_p90_ms" DOUBLE PRECISION,
    "tpot_p95_ms" DOUBLE PRECISION,
    "tpot_p99_ms" DOUBLE PRECISION,
    "itl_mean_ms" DOUBLE PRECISION,
    "itl_p50_ms" DOUBLE PRECISION,
    "itl_p90_ms" DOUBLE PRECISION,
    "itl_p95_ms" DOUBLE PRECISION,
    "itl_p99_ms" DOUBLE PRECISION,
    "e2e_mean_ms" DOUBLE PRECISION,
    "e2e_p50_ms" DOUBLE PRECISION,
    "e2e_p90_ms" DOUBLE PRECISION,
    "e2e_p95_ms" DOUBLE PRECISION,
    "e2e_p99_ms" DOUBLE PRECISION,
    "output_throughput_tps" DOUBLE PRECISION NOT NULL,
    "total_throughput_tps" DOUBLE PRECISION,
    "request_throughput_rps" DOUBLE PRECISION,
    "error_rate" DOUBLE PRECISION,
    "completed_requests" INTEGER,
    "duration_s" DOUBLE PRECISION,
    "source" "BenchmarkSource" NOT NULL DEFAULT 'api',
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "benchmarks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "benchmark_runs" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "hardware_profile_id" TEXT NOT NULL,
    "endpoint_url" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "status" "BenchmarkRunStatus" NOT NULL DEFAULT 'queued',
    "requests_total" INTEGER NOT NULL,
    "requests_done" INTEGER NOT NULL DEFAULT 0,
    "requests_failed" INTEGER NOT NULL DEFAULT 0,
    "benchmark_id" UUID,
    "error" TEXT,
    "requested_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "benchmark_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leaderboard_entries" (
    "hardware_profile_id" TEXT NOT NULL,
    "precision" TEXT NOT NULL,
    "input_tokens" INTEGER NOT NULL,
    "output_tokens" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "model_id" UUID NOT NULL,
    "output_throughput_tps" DOUBLE PRECISION NOT NULL,
    "request_throughput_rps" DOUBLE PRECISION,
    "ttft_p50_ms" DOUBLE PRECISION,
    "ttft_p99_ms" DOUBLE PRECISION,
    "tpot_p50_ms" DOUBLE PRECISION,
    "itl_p50_ms" DOUBLE PRECISION,
    "e2e_p99_ms" DOUBLE PRECISION,

    CONSTRAINT "leaderboard_entries_pkey" PRIMARY KEY ("hardware_profile_id","precision","input_tokens","output_tokens","concurrency","model_id")
);

-- CreateTable
CREATE TABLE "leaderboard_buckets" (
    "hardware_profile_id" TEXT NOT NULL,
    "precision" TEXT NOT NULL,
    "input_tokens" INTEGER NOT NULL,
    "output_tokens" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "models" INTEGER NOT NULL,

    CONSTRAINT "leaderboard_buckets_pkey" PRIMARY KEY ("hardware_profile_id","precision","input_tokens","output_tokens","concurrency")
);

-- CreateTable
CREATE TABLE "leaderboard_refreshes" (
    "id" UUID NOT NULL,
    "trigger" "LeaderboardTrigger" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL,
    "buckets" INTEGER NOT NULL,

    CONSTRAINT "leaderboard_refreshes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "hardware_profiles_name_key" ON "hardware_profiles"("name");
CREATE UNIQUE INDEX "benchmarks_seq_key" ON "benchmarks"("seq");
CREATE INDEX "benchmarks_model_id_created_at_idx" ON "benchmarks"("model_id", "created_at");
CREATE INDEX "benchmarks_hardware_profile_id_precision_input_tokens_outpu_idx" ON "benchmarks"("hardware_profile_id", "precision", "input_tokens", "output_tokens", "concurrency", "model_id");
CREATE INDEX "benchmarks_created_at_idx" ON "benchmarks"("created_at");
CREATE UNIQUE INDEX "benchmark_runs_benchmark_id_key" ON "benchmark_runs"("benchmark_id");
CREATE INDEX "benchmark_runs_model_id_created_at_idx" ON "benchmark_runs"("model_id", "created_at");
CREATE INDEX "leaderboard_buckets_models_idx" ON "leaderboard_buckets"("models");
CREATE INDEX "leaderboard_refreshes_finished_at_idx" ON "leaderboard_refreshes"("finished_at");

-- AddForeignKey
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_hardware_profile_id_fkey" FOREIGN KEY ("hardware_profile_id") REFERENCES "hardware_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "benchmark_runs" ADD CONSTRAINT "benchmark_runs_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "benchmark_runs" ADD CONSTRAINT "benchmark_runs_hardware_profile_id_fkey" FOREIGN KEY ("hardware_profile_id") REFERENCES "hardware_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "benchmark_runs" ADD CONSTRAINT "benchmark_runs_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The default hardware profiles. Prices are indicative on-demand list prices in US dollars per
-- hour, rounded, as published on GPU-cloud price pages in 2025 (per-GPU rates of Lambda, RunPod,
-- AWS and Google Cloud); real rates vary by provider, region and commitment, so an admin sets the
-- organisation's own with PATCH /api/v1/hardware-profiles/{id}. Memory per card is the vendor's
-- figure, as in lib/hardware/gpus.ts.
INSERT INTO "hardware_profiles" ("id", "name", "gpu_type", "gpu_count", "gpu_memory_gb", "interconnect", "hourly_price_usd", "updated_at") VALUES
    ('t4-16gb-x1', '1× NVIDIA T4 16GB', 't4-16gb', 1, 16, NULL, 0.53, CURRENT_TIMESTAMP),
    ('l4-24gb-x1', '1× NVIDIA L4 24GB', 'l4-24gb', 1, 24, NULL, 0.80, CURRENT_TIMESTAMP),
    ('a10g-24gb-x1', '1× NVIDIA A10G 24GB', 'a10g-24gb', 1, 24, NULL, 1.01, CURRENT_TIMESTAMP),
    ('rtx4090-24gb-x1', '1× NVIDIA GeForce RTX 4090 24GB', 'rtx4090-24gb', 1, 24, NULL, 0.69, CURRENT_TIMESTAMP),
    ('l40s-48gb-x1', '1× NVIDIA L40S 48GB', 'l40s-48gb', 1, 48, NULL, 0.86, CURRENT_TIMESTAMP),
    ('a100-40gb-x1', '1× NVIDIA A100 40GB', 'a100-40gb', 1, 40, NULL, 1.29, CURRENT_TIMESTAMP),
    ('a100-80gb-x1', '1× NVIDIA A100 80GB', 'a100-80gb', 1, 80, NULL, 1.79, CURRENT_TIMESTAMP),
    ('a100-80gb-x8', '8× NVIDIA A100 80GB', 'a100-80gb', 8, 80, 'nvlink', 14.32, CURRENT_TIMESTAMP),
    ('h100-80gb-x1', '1× NVIDIA H100 80GB', 'h100-80gb', 1, 80, NULL, 2.99, CURRENT_TIMESTAMP),
    ('h100-80gb-x2', '2× NVIDIA H100 80GB', 'h100-80gb', 2, 80, 'nvlink', 5.98, CURRENT_TIMESTAMP),
    ('h100-80gb-x4', '4× NVIDIA H100 80GB', 'h100-80gb', 4, 80, 'nvlink', 11.96, CURRENT_TIMESTAMP),
    ('h100-80gb-x8', '8× NVIDIA H100 80GB', 'h100-80gb', 8, 80, 'nvlink', 23.92, CURRENT_TIMESTAMP),
    ('h200-141gb-x1', '1× NVIDIA H200 141GB', 'h200-141gb', 1, 141, NULL, 3.79, CURRENT_TIMESTAMP),
    ('h200-141gb-x8', '8× NVIDIA H200 141GB', 'h200-141gb', 8, 141, 'nvlink', 30.32, CURRENT_TIMESTAMP),
    ('mi300x-192gb-x1', '1× AMD Instinct MI300X 192GB', 'mi300x-192gb', 1, 192, NULL, 2.49, CURRENT_TIMESTAMP),
    ('mi300x-192gb-x8', '8× AMD Instinct MI300X 192GB', 'mi300x-192gb', 8, 192, 'infinity_fabric', 19.92, CURRENT_TIMESTAMP);
