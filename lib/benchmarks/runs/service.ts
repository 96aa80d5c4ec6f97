// The benchmark runner's rules: only listed hosts, only existing models and profiles; a run is
// queued as a job, measured by one worker, and either stores its benchmark or says why not.
import { isUuid } from "@/lib/http/ids";
import { audited, type WriteContext } from "@/lib/audit/service";
import { describeActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { findProfileById } from "@/lib/hardware/queries";
import { AppError, notFound } from "@/lib/http/errors";
import { findModelById } from "@/lib/models/queries";
import { parseAllowedHosts, refuseUrl } from "../runner/allowed-hosts";
import { EndpointCheckError, type LoadSpec } from "../runner/measure";
import { runLoadThreaded } from "../runner/threaded";
import { metricsOf } from "../runner/metrics";
import { metricsSchema } from "../schema";
import { createBenchmark } from "../service";
import { claimRun, findRunById, insertRun, updateRun, writeProgress, type RunRow } from "./queries";
import type { RunDto, RunInput, StoredSettings } from "./schema";

// Progress is written at most this often, so a fast run does not turn into a write per request.
const PROGRESS_INTERVAL_MS = 250;

export function toRunDto(row: RunRow): RunDto {
  return {
    id: row.id,
    status: row.status,
    model_id: row.modelId,
    hardware_profile: row.hardwareProfileId,
    endpoint_url: row.endpointUrl,
    settings: row.settings as StoredSettings,
    progress: { requests_total: row.requestsTotal, requests_done: row.requestsDone, requests_failed: row.requestsFailed },
    benchmark_id: row.benchmarkId,
    error: row.error,
    requested_by: row.requestedBy,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    finished_at: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getRunOrThrow(id: string): Promise<RunDto> {
  const row = isUuid(id) ? await findRunById(id) : null;
  if (!row) throw notFound("Benchmark run");
  return toRunDto(row);
}

/** Checks and records a run; the caller queues its job once this has committed. */
export async function createRun(input: RunInput, context: WriteContext): Promise<RunDto> {
  const [model, profile] = await Promise.all([findModelById(input.model_id), findProfileById(input.hardware_profile)]);
  const fields: Record<string, string[]> = {};
  const refused = refuseUrl(input.endpoint_url, parseAllowedHosts(env.BENCHMARK_ALLOWED_HOSTS));
  if (refused) fields.endpoint_url = [refused];
  if (!model) fields.model_id = ["No model has this id"];
  if (!profile) fields.hardware_profile = ["No such hardware profile: GET /api/v1/hardware-profiles lists them"];
  if (Object.keys(fields).length) throw new AppError("validation_failed", `Invalid body: check ${Object.keys(fields).join(", ")}`, { fields });
  const { model_id, hardware_profile, endpoint_url, ...settings } = input;
  const stored: StoredSettings = { ...settings, served_model: settings.served_model ?? model!.name };
  return audited(context, async (tx) => {
    const run = toRunDto(await insertRun(tx, {
      modelId: model_id,
      hardwareProfileId: hardware_profile,
      endpointUrl: endpoint_url,
      settings: stored,
      requestsTotal: stored.num_requests,
      requestedBy: describeActor(context.actor).actorLabel,
    }));
    return { result: run, action: "benchmark_run.created", resourceType: "benchmark_run", resourceId: run.id, after: run };
  });
}

const runnerContext = (run: RunDto): WriteContext => ({ actor: { type: "system", label: `benchmark runner (run ${run.id} for ${run.requested_by})` } });

async function finishFailed(run: RunDto, error: string): Promise<void> {
  await audited(runnerContext(run), async (tx) => {
    const after = toRunDto(await updateRun(tx, run.id, { status: "failed", error: error.slice(0, 1000), finishedAt: new Date() }));
    return { result: undefined, action: "benchmark_run.failed", resourceType: "benchmark_run", resourceId: run.id, before: run, after };
  });
}

/** The job: measures the endpoint and stores the benchmark. A run already taken is left alone. */
export async function executeRun(runId: string): Promise<void> {
  const queued = await findRunById(runId);
  if (!queued) return;
  const claimed = await audited(runnerContext(toRunDto(queued)), async (tx) => {
    const taken = await claimRun(tx, runId);
    return { result: taken, action: "benchmark_run.started", resourceType: "benchmark_run", resourceId: runId };
  });
  if (!claimed) return;
  const run = toRunDto((await findRunById(runId))!);
  try {
    await measureAndStore(run);
  } catch (error) {
    const known = error instanceof AppError || error instanceof EndpointCheckError;
    await finishFailed(run, known ? (error as Error).message : `The run failed: ${(error as Error).message}`);
  }
}

async function measureAndStore(run: RunDto): Promise<void> {
  const { settings } = run;
  const spec: LoadSpec = {
    url: run.endpoint_url,
    servedModel: settings.served_model,
    concurrency: settings.concurrency,
    numRequests: settings.num_requests,
    inputTokens: settings.input_tokens,
    outputTokens: settings.output_tokens,
    ignoreEos: settings.ignore_eos,
    requestTimeoutMs: settings.request_timeout_s * 1000,
  };
  // Progress counters are operational telemetry, written many times a run: they go straight to
  // the row. The run's creation, start and outcome are what the audit log records.
  let lastWrite = 0;
  let pending: Promise<void> = Promise.resolve();
  const result = await runLoadThreaded(spec, {
    onProgress: (done, failed) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS && done < spec.numRequests) return;
      lastWrite = now;
      pending = pending.then(() => writeProgress(run.id, done, failed)).catch(() => undefined);
    },
  });
  await pending;
  const failed = result.samples.filter((sample) => !sample.ok);
  if (failed.length === result.samples.length) {
    return finishFailed(run, `Every request failed; the first: ${failed[0]?.error ?? "no requests were sent"}`);
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
      alsoWrite: async (tx, benchmark) => {
        await updateRun(tx, run.id, {
          status: "completed",
          benchmarkId: benchmark.id,
          requestsDone: result.samples.length,
          requestsFailed: failed.length,
          finishedAt: new Date(),
        });
      },
    },
  );
}
