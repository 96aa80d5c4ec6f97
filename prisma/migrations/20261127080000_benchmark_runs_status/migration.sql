-- The run list filtered by status (GET /api/v1/benchmarks/runs?status=...) and the sweep's
-- search for unsettled runs, newest or oldest first.
CREATE INDEX "benchmark_runs_status_created_at_idx" ON "benchmark_runs"("status", "created_at");
