// Every way a Hub import can fail, as an AppError that tells the user what to do about it.
// `details.hub_error` names the case for clients: gated, not_found, revision_not_found,
// rate_limited, unavailable, unreachable, timeout, bad_response, unreadable.
import { AppError } from "@/lib/http/errors";
import { GgufFormatError } from "./gguf";
import { HubHttpError, HubResponseError, HubUnreachableError } from "./http";

export interface HubErrorContext {
  endpoint: string;
  repoId: string;
  revision?: string;
  tokenSet: boolean;
  /** The repo is known to be gated (from its model info). */
  gated?: boolean;
}

/** The AppError for a failure talking to the Hub; anything else (our own bugs) is returned as is. */
export function toHubAppError(error: unknown, context: HubErrorContext): unknown {
  if (error instanceof AppError) return error;
  const details = (hub_error: string, extra: Record<string, unknown> = {}) => ({ hub_error, repo_id: context.repoId, ...extra });
  const page = `${context.endpoint.replace(/\/$/, "")}/${context.repoId}`;

  if (error instanceof HubUnreachableError && error.timedOut) {
    return new AppError("gateway_timeout", `The Hugging Face Hub at ${context.endpoint} did not answer in time (${error.reason}), so nothing was imported. Try again later; HF_TIMEOUT_MS sets how long to wait.`, details("timeout"), { "Retry-After": "30" });
  }
  if (error instanceof HubResponseError) {
    return new AppError("bad_gateway", `The Hugging Face Hub at ${context.endpoint} sent an answer that could not be read (${error.problem}), so nothing was imported. Try again later.`, details("bad_response", { url: error.url }));
  }
  if (error instanceof HubUnreachableError) {
    return new AppError("unavailable", `The Hugging Face Hub at ${context.endpoint} could not be reached (${error.reason}). Check the network, or HF_ENDPOINT, and try again.`, details("unreachable"), { "Retry-After": "30" });
  }
  if (error instanceof HubHttpError) {
    const code = error.errorCode;
    if (code === "GatedRepo" || (context.gated && (error.status === 401 || error.status === 403))) {
      const message = context.tokenSet
        ? `${context.repoId} is gated on the Hub and the server's HUGGINGFACE_TOKEN has not been granted access. Accept the model's terms at ${page} with that token's account, then import again.`
        : `${context.repoId} is gated on the Hub. Accept the model's terms at ${page}, then set HUGGINGFACE_TOKEN on the server to a token of that account and import again.`;
      return new AppError("forbidden", message, details("gated", { url: page }));
    }
    if (code === "RevisionNotFound") {
      return new AppError("not_found", `${context.repoId} has no revision "${context.revision ?? "main"}" on the Hub.`, details("revision_not_found", { revision: context.revision }));
    }
    if (code === "RepoNotFound" || error.status === 404 || error.status === 401) {
      const hint = context.tokenSet
        ? "Check the id; if the repository is private, the server's HUGGINGFACE_TOKEN must belong to an account that can read it."
        : "Check the id; if the repository is private, set HUGGINGFACE_TOKEN on the server to a token that can read it.";
      return new AppError("not_found", `No model repository ${context.repoId} on the Hub, or it is private. ${hint}`, details("not_found"));
    }
    if (error.status === 429) {
      const seconds = error.retryAfterSeconds ?? 60;
      return new AppError("rate_limited", `The Hugging Face Hub is rate-limiting this server; try again in ${seconds} s.${context.tokenSet ? "" : " Setting HUGGINGFACE_TOKEN raises the Hub's limits."}`, details("rate_limited", { retry_after_seconds: seconds }), { "Retry-After": String(seconds) });
    }
    if (error.status >= 500) {
      return new AppError("unavailable", `The Hugging Face Hub at ${context.endpoint} answered ${error.status} after several tries; try again later.`, details("unavailable", { status: error.status }), { "Retry-After": String(error.retryAfterSeconds ?? 60) });
    }
    return new AppError("unavailable", `The Hugging Face Hub refused the request (${error.status}${error.hubMessage ? `: ${error.hubMessage}` : ""}).`, details("unavailable", { status: error.status }));
  }
  if (error instanceof GgufFormatError || (error instanceof Error && error.name === "SafetensorParseError")) {
    return new AppError("validation_failed", `${context.repoId}'s weights could not be read: ${error.message}`, { ...details("unreadable"), fields: { repo_id: [error.message] } });
  }
  if (error instanceof Error && ["InvalidApiResponseFormatError", "HubApiError"].includes(error.constructor.name)) {
    return new AppError("bad_gateway", `The Hugging Face Hub at ${context.endpoint} sent an answer that could not be read (${error.message}), so nothing was imported. Try again later.`, details("bad_response"));
  }
  return error;
}
