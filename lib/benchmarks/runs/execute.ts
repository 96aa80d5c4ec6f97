// One attempt at a run, as the queue's worker runs it: claim the run (a fresh fence), measure the
// endpoint, and store the benchmark together with the run's completion, or fail the run with the
// reason. An attempt whose fence was taken over (its worker was presumed dead and the job retried)
// writes nothing more, so a run stores at most one benchmark however many attempts it took.
import { audited } from "@/lib/audit/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { parseAllowedHosts, refuseUrl } from "../runner/allowed-hosts";
import { EndpointCheckError, type LoadSpec } from "../runner/measure";
import { metricsOf } from "../runner/metrics";
import { runLoadThreaded } from "../runner/threaded";
import { metricsSchema } from "../schema";
import { createBenchmark } from "../service";
import { ApiKeyUnreadable, openApiKey } from "./api-key";
import { claimRun, findRunById, updateRunIfFenced, writeProgress, type RunFence } from "./queries";
import type { RunDto, RunInput } from "./schema";
import { toRunDto } from "./service";
import { failRun, runnerContext, RunFenceLost } from "./settle";

/** The job's data: the run, and its API key sealed (api-key.ts), when it has one. */
export interface RunJob {
  runId: string;
  apiKey?: string;
}

// Progress is written at most this often, so a fast run does not turn into a write per request.
const PROGRESS_INTERVAL_MS = 250;

/** A reason to fail the run that is meant for its reader as it stands. */
class RunRefused extends Error {}

/**
 * The job's handler. `signal` is the queue's: aborted when this worker no longer holds the job, and
 * then the attempt just stops (the attempt that took over owns the run).
 */
export async function executeRun(job: RunJob, signal?: AbortSignal): Promise<void> {
  const found = await findRunById(job.runId);
  if (!found || (found.status !== "queued" && found.status !== "running")) return;
  const fence = await claim(toRunDto(found));
  if (!fence) return;
  const run = toRunDto((await findRunById(job.runId))!);
  let apiKey: string | undefined;
  try {
    apiKey = job.apiKey ? openApiKey(job.apiKey, run.id) : undefined;
    await measureAndStore(run, fence, apiKey, signal);
  } catch (error) {
    if (error instanceof RunFenceLost || signal?.aborted) return;
    const known = error instanceof AppError || error instanceof EndpointCheckError || error instanceof RunRefused || error instanceof ApiKeyUnreadable;
    const message = known ? (error as Error).message : `The run failed: ${(error as Error).message}`;
    await failRun(run, fence, redact(message, apiKey));
  }
}

async function claim(run: RunDto): Promise<RunFence | null> {
  try {
    return await audited(runnerContext(run), async (tx) => {
      const fence = await claimRun(tx, run.id);
      if (!fence) throw new RunFenceLost();
      return { result: fence, action: "benchmark_run.started", resourceType: "benchmark_run", resourceId: run.id };
    });
  } catch (error) {
    if (error instanceof RunFenceLost) return null;
    throw error;
  }
}

/** An endpoint may echo what it was sent; its key never goes into the run's error. */
function redact(message: string, apiKey: string | undefined): string {
  return apiKey ? message.split(apiKey).join("[api key]") : message;
}

async function measureAndStore(run: RunDto, fence: RunFence, apiKey: string | undefined, signal?: AbortSignal): Promise<void> {
  const { settings } = run;
  // The list may have changed since the run was accepted: the key goes only to a host allowed now.
  const refused = refuseUrl(run.endpoint_url, parseAllowedHosts(env.BENCHMARK_ALLOWED_HOSTS));
  if (refused) throw new RunRefused(`Not run: ${refused}`);
  const spec: LoadSpec = {
    url: run.endpoint_url,
    servedModel: settings.served_model,
    concurrency: settings.concurrency,
    numRequests: settings.num_requests,
    inputTokens: settings.input_tokens,
    outputTokens: settings.output_tokens,
    ignoreEos: settings.ignore_eos,
    requestTimeoutMs: settings.request_timeout_s * 1000,
    apiKey,
  };
  // Progress counters are operational telemetry, written many times a run: they go straight to
  // the row. The run's creation, start and outcome are what the audit log records.
  let lastWrite = 0;
  let pending: Promise<void> = Promise.resolve();
  const result = await runLoadThreaded(spec, {
    signal,
    onProgress: (done, failed) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS && done < spec.numRequests) return;
      lastWrite = now;
      pending = pending.then(() => writeProgress(fence, done, failed)).catch(() => undefined);
    },
  });
  await pending;
  const failed = result.samples.filter((sample) => !sample.ok);
  if (failed.length === result.samples.length) {
    throw new RunRefused(`Every request failed; the first: ${failed[0]?.error ?? "no requests were sent"}`);
  }
  const metrics = metricsSchema.parse(metricsOf(result, spec));
  await createBenchmark(
    {
      model_id: run.model_id,
      hardware_profile: run.hardware_profile,
      metrics,
      configuration: {
        engine: settings.engine,
        engine_version: settings.engine_version,
        precision: settings.precision as RunInput["precision"],
        input_tokens: settings.input_tokens,
        output_tokens: settings.output_tokens,
        concurrency: settings.concurrency,
        num_gpus: null,
      },
    },
    runnerContext(run),
    {
      source: "runner",
      // Committed with the benchmark, or neither: an attempt that lost the run stores nothing.
      alsoWrite: async (tx, benchmark) => {
        const completed = await updateRunIfFenced(tx, fence, {
          status: "completed",
          benchmarkId: benchmark.id,
          requestsDone: result.samples.length,
          requestsFailed: failed.length,
          error: null,
          finishedAt: new Date(),
        });
        if (!completed) throw new RunFenceLost();
      },
    },
  );
}
