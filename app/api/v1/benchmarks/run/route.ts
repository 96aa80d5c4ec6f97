import { runBenchmarkEndpoint } from "@/lib/benchmarks/endpoints";
import { enqueueRun } from "@/lib/benchmarks/runs/job";
import { createRun } from "@/lib/benchmarks/runs/service";
import { jsonReply } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/benchmarks/run: queue a measurement of an OpenAI-compatible endpoint
export const POST = route(runBenchmarkEndpoint, async ({ body, actor, requestId }) => {
  const run = await createRun(body, { actor, requestId });
  // The API key goes to the job only (sealed); the run and this answer never hold it.
  await enqueueRun(run, body.api_key);
  return jsonReply(run, 202, { Location: `/api/v1/benchmarks/runs/${run.id}` });
});
