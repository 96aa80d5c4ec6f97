// The benchmark runner's rules: only listed hosts, only existing models and profiles; a run is
// queued as a job, measured by one worker (execute.ts), and either stores its benchmark or says
// why not. An API key given for the endpoint never reaches the run row: see api-key.ts.
import { isUuid } from "@/lib/http/ids";
import { audited, type WriteContext } from "@/lib/audit/service";
import { describeActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { findProfileById } from "@/lib/hardware/queries";
import { AppError, notFound } from "@/lib/http/errors";
import { toPage } from "@/lib/http/pagination";
import { findModelById } from "@/lib/models/queries";
import { parseAllowedHosts, refuseUrl } from "../runner/allowed-hosts";
import { findRunById, findRuns, insertRun, type RunRow } from "./queries";
import type { ListRunsQuery, RunDto, RunInput, StoredSettings } from "./schema";

/** The DTO, field by field: whatever else the settings column might hold stays in the database. */
export function toRunDto(row: RunRow): RunDto {
  // Runs recorded before API keys existed have no uses_api_key.
  const s = row.settings as Omit<StoredSettings, "uses_api_key"> & { uses_api_key?: boolean };
  return {
    id: row.id,
    status: row.status,
    model_id: row.modelId,
    model_name: row.model.name,
    hardware_profile: row.hardwareProfileId,
    endpoint_url: row.endpointUrl,
    settings: {
      served_model: s.served_model, engine: s.engine, engine_version: s.engine_version, precision: s.precision,
      concurrency: s.concurrency, num_requests: s.num_requests, input_tokens: s.input_tokens, output_tokens: s.output_tokens,
      ignore_eos: s.ignore_eos, request_timeout_s: s.request_timeout_s, uses_api_key: s.uses_api_key ?? false,
    },
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

export async function listRuns(query: ListRunsQuery) {
  const { rows, total } = await findRuns(query);
  return toPage(rows.map(toRunDto), total, query.page, query.page_size);
}

/** Checks and records a run; the caller queues its job (with the API key, if any) once this has committed. */
export async function createRun(input: RunInput, context: WriteContext): Promise<RunDto> {
  const [model, profile] = await Promise.all([findModelById(input.model_id), findProfileById(input.hardware_profile)]);
  const fields: Record<string, string[]> = {};
  const refused = refuseUrl(input.endpoint_url, parseAllowedHosts(env.BENCHMARK_ALLOWED_HOSTS));
  if (refused) fields.endpoint_url = [refused];
  if (!model) fields.model_id = ["No model has this id"];
  if (!profile) fields.hardware_profile = ["No such hardware profile: GET /api/v1/hardware-profiles lists them"];
  if (Object.keys(fields).length) throw new AppError("validation_failed", `Invalid body: check ${Object.keys(fields).join(", ")}`, { fields });
  // The key is taken out here, so it can reach neither the row nor the audit log.
  const { model_id, hardware_profile, endpoint_url, api_key, ...settings } = input;
  const stored: StoredSettings = { ...settings, served_model: settings.served_model ?? model!.name, uses_api_key: api_key !== undefined };
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
