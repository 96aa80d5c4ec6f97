// The load generator: sends `numRequests` streamed chat completions to an OpenAI-compatible
// endpoint, `concurrency` at a time, and times each one as vLLM's benchmark does (TTFT to the
// first streamed text, ITL between streamed chunks, TPOT over the rest). No database in here.
// Times are taken as each network chunk arrives (performance.now()), before any parsing.
import { syntheticPrompt } from "./prompt";
import { readChunk, SseDecoder } from "./sse";
import { streamRequest } from "./stream-request";

export interface LoadSpec {
  url: string;
  servedModel: string;
  concurrency: number;
  numRequests: number;
  inputTokens: number;
  outputTokens: number;
  /** Ask the server for exactly outputTokens tokens (vLLM and SGLang's ignore_eos/min_tokens). */
  ignoreEos: boolean;
  requestTimeoutMs: number;
  /** Sent as `Authorization: Bearer` to the endpoint; never logged or returned. */
  apiKey?: string;
}

export interface RequestSample {
  ok: boolean;
  ttftMs: number | null;
  itlsMs: number[];
  latencyMs: number;
  outputTokens: number;
  promptTokens: number | null;
  error: string | null;
}

export interface LoadResult {
  samples: RequestSample[];
  wallSeconds: number;
}

export interface LoadHooks {
  onProgress?: (done: number, failed: number) => void;
  signal?: AbortSignal;
}

/** The endpoint failed the untimed test request that opens every run. */
export class EndpointCheckError extends Error {}

export async function runLoad(spec: LoadSpec, hooks: LoadHooks = {}): Promise<LoadResult> {
  // As vLLM's benchmark does: one untimed request first, which proves the endpoint answers and
  // takes connection set-up and first-call costs out of the measured requests.
  const check = await timeRequest(spec, -1, hooks.signal);
  if (!check.ok) throw new EndpointCheckError(`The endpoint did not answer a test request: ${check.error}`);
  const samples: RequestSample[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < spec.numRequests && !hooks.signal?.aborted) {
      const index = next++;
      const sample = await timeRequest(spec, index, hooks.signal);
      samples.push(sample);
      if (!sample.ok) failed++;
      hooks.onProgress?.(samples.length, failed);
    }
  };
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, spec.numRequests) }, worker));
  return { samples, wallSeconds: (performance.now() - started) / 1000 };
}

function requestBody(spec: LoadSpec, index: number): string {
  return JSON.stringify({
    model: spec.servedModel,
    messages: [{ role: "user", content: syntheticPrompt(spec.inputTokens, index + 1) }],
    max_tokens: spec.outputTokens,
    stream: true,
    stream_options: { include_usage: true },
    temperature: 0,
    ...(spec.ignoreEos ? { ignore_eos: true, min_tokens: spec.outputTokens } : {}),
  });
}

async function timeRequest(spec: LoadSpec, index: number, signal?: AbortSignal): Promise<RequestSample> {
  const body = requestBody(spec, index);
  const decoder = new SseDecoder();
  let ttftMs: number | null = null;
  let last = 0;
  const itlsMs: number[] = [];
  let chunks = 0;
  let usage: { prompt_tokens?: number; completion_tokens?: number } | null = null;
  let streamError: string | null = null;
  const start = performance.now();
  const failure = (error: string): RequestSample => ({ ok: false, ttftMs, itlsMs, latencyMs: performance.now() - start, outputTokens: 0, promptTokens: null, error });
  try {
    const response = await streamRequest(spec.url, body, (bytes, at) => {
      if (streamError) return;
      try {
        for (const payload of decoder.push(bytes)) {
          if (payload === "[DONE]") continue;
          const chunk = readChunk(payload);
          if (chunk.usage) usage = chunk.usage;
          if (!chunk.text) continue;
          if (ttftMs === null) ttftMs = at - start;
          else itlsMs.push(at - last);
          last = at;
          chunks++;
        }
      } catch (error) {
        streamError = (error as Error).message;
      }
    }, { timeoutMs: spec.requestTimeoutMs, signal, apiKey: spec.apiKey });
    const latencyMs = performance.now() - start;
    if (response.status !== 200) return failure(`HTTP ${response.status}${response.errorText ? `: ${response.errorText}` : ""}`);
    if (streamError) return failure(streamError);
    if (ttftMs === null) return failure("The server streamed no text");
    const reported = usage as { prompt_tokens?: number; completion_tokens?: number } | null;
    return { ok: true, ttftMs, itlsMs, latencyMs, outputTokens: reported?.completion_tokens ?? chunks, promptTokens: reported?.prompt_tokens ?? null, error: null };
  } catch (error) {
    if ((error as Error).name === "AbortError") return failure("Cancelled");
    return failure((error as Error).message || String(error));
  }
}
