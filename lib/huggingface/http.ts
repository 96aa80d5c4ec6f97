// The one way budmodel talks HTTP to the Hugging Face Hub: a `fetch` that @huggingface/hub and our
// own range reads both use. It decides, per hop, whether the token goes along (only to
// HF_ENDPOINT's origin, never to a download host a redirect leads to), bounds every wait, retries
// what is worth retrying, and turns every failure into a typed error the service can explain.

export interface HubFetchOptions {
  /** HF_ENDPOINT: the only origin that ever sees the token. */
  endpoint: string;
  token?: string;
  /** Longest wait for response headers, and longest silence while a body streams. */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or a network failure. */
  retries?: number;
  /** First backoff step; doubles each attempt (with jitter) unless the Hub says Retry-After. */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited out: the caller gets the 429 at once. */
  maxRetryDelayMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
const ERROR_BODY_LIMIT = 2000;

/** The Hub answered, but not with success (after any retries). */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    /** The Hub's X-Error-Code: GatedRepo, RepoNotFound, RevisionNotFound, EntryNotFound ... */
    readonly errorCode: string | null,
    readonly hubMessage: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`The Hub answered ${status}${errorCode ? ` (${errorCode})` : ""} for ${url}: ${hubMessage}`);
    this.name = "HubHttpError";
  }
}

/** No answer at all: refused, reset, DNS, or a timeout (no headers in time, or a body that stalled). */
export class HubUnreachableError extends Error {
  constructor(readonly url: string, readonly reason: string, readonly timedOut = false) {
    super(`Could not reach ${new URL(url).origin}: ${reason}`);
    this.name = "HubUnreachableError";
  }
}

/** The Hub answered, but with something that cannot be read: cut off, not JSON, the wrong shape. */
export class HubResponseError extends Error {
  constructor(readonly url: string, readonly problem: string) {
    super(`The answer from ${url} could not be read: ${problem}`);
    this.name = "HubResponseError";
  }
}

export function createHubFetch(options: HubFetchOptions): typeof fetch {
  const settings = {
    timeoutMs: options.timeoutMs ?? 20_000,
    retries: options.retries ?? 4,
    backoffMs: options.backoffMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    fetchImpl: options.fetchImpl ?? fetch,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  const hubOrigin = new URL(options.endpoint).origin;

  async function attempt(url: string, init: RequestInit): Promise<Response> {
    let current = url;
    let method = (init.method ?? "GET").toUpperCase();
    let body = init.body;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers = new Headers(init.headers);
      headers.delete("authorization");
      // The token is attached here and only here, hop by hop, so a redirect to a CDN or to any
      // other origin never carries it.
      if (options.token && new URL(current).origin === hubOrigin) headers.set("authorization", `Bearer ${options.token}`);
      const response = await timedFetch(settings.fetchImpl, current, { ...init, method, body, headers, redirect: "manual" }, settings.timeoutMs);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
      await response.body?.cancel();
      current = new URL(location, current).toString();
      if (response.status === 303) [method, body] = ["GET", undefined];
    }
    throw new HubUnreachableError(url, `more than ${MAX_REDIRECTS} redirects`);
  }

  return async function hubFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = input instanceof Request ? input.url : String(input);
    const request: RequestInit = input instanceof Request ? { method: input.method, headers: input.headers, ...init } : init;
    const headers = new Headers(request.headers);
    // @huggingface/hub asks for Xet file info, which leads to chunk downloads from Xet storage;
    // a header read must stay a few kilobytes of plain HTTP Range, so we ask for plain files.
    const accept = headers.get("accept");
    if (accept?.includes("xet")) headers.set("accept", "*/*");
    const prepared = { ...request, headers };

    for (let tries = 0; ; tries++) {
      let response: Response;
      try {
        response = await attempt(url, prepared);
      } catch (error) {
        const failure = error instanceof HubUnreachableError ? error : new HubUnreachableError(url, describeNetworkError(error));
        if (tries >= settings.retries || prepared.signal?.aborted) throw failure;
        await settings.sleep(backoff(settings.backoffMs, tries, settings.maxRetryDelayMs));
        continue;
      }
      if (response.ok || (response.status >= 300 && response.status < 400)) return response;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      const wait = retryAfter !== null ? retryAfter * 1000 : backoff(settings.backoffMs, tries, settings.maxRetryDelayMs);
      if (RETRYABLE_STATUSES.has(response.status) && tries < settings.retries && wait <= settings.maxRetryDelayMs) {
        await response.body?.cancel();
        await settings.sleep(wait);
        continue;
      }
      throw await toHttpError(response, url, retryAfter);
    }
  };
}

/** One request with a deadline for the headers, then an idle deadline while the body streams. */
async function timedFetch(fetchImpl: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  let timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal });
  } catch (error) {
    clearTimeout(timer);
    throw controller.signal.aborted ? new HubUnreachableError(url, `no answer within ${timeoutMs} ms`, true) : error;
  }
  if (!response.body) {
    clearTimeout(timer);
    return response;
  }
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`the download stalled for ${timeoutMs} ms`)), timeoutMs);
  };
  // The body, read through a watch that re-arms the idle deadline on each chunk and turns a read
  // that fails into a typed error: a stall is a timeout, a connection lost mid-body a cut-off answer.
  const reader = response.body.getReader();
  const watched = new ReadableStream<Uint8Array>({
    async pull(sink) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        clearTimeout(timer);
        if (controller.signal.aborted) throw new HubUnreachableError(url, (controller.signal.reason as Error).message, true);
        if (init.signal?.aborted) throw error;
        throw new HubResponseError(url, `the answer was cut off (${describeNetworkError(error)})`);
      }
      if (read.done) {
        clearTimeout(timer);
        sink.close();
        return;
      }
      rearm();
      sink.enqueue(read.value);
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
  const copy = new Response(watched, { status: response.status, statusText: response.statusText, headers: response.headers });
  // Response.url is read-only and empty on a constructed Response; @huggingface/hub reads it.
  Object.defineProperty(copy, "url", { value: response.url || url });
  return copy;
}

async function toHttpError(response: Response, url: string, retryAfter: number | null): Promise<HubHttpError> {
  const text = (await response.text().catch(() => "")).slice(0, ERROR_BODY_LIMIT);
  let message = response.headers.get("x-error-message") ?? "";
  if (!message) {
    try {
      const json = JSON.parse(text) as { error?: unknown; message?: unknown };
      message = String(json.error ?? json.message ?? "");
    } catch {
      message = text.trim();
    }
  }
  return new HubHttpError(response.status, response.url || url, response.headers.get("x-error-code"), message || response.statusText, retryAfter);
}

/** Retry-After in seconds: either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function backoff(baseMs: number, attempt: number, capMs: number): number {
  const exponential = baseMs * 2 ** attempt;
  return Math.min(capMs, exponential / 2 + Math.random() * (exponential / 2));
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code === "ENOTFOUND" ? "the host name does not resolve" : `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}
