// Any /api/v1 path without a route of its own: the one error shape, not an HTML page, with the
// headers and the log line every API response gets.
import { AppError, errorReply } from "@/lib/http/errors";
import { finishReply, requestIdOf } from "@/lib/http/finish";
import { toWebResponse } from "@/lib/http/reply";

const notFound = async (request: Request) => {
  const startedAt = performance.now();
  const requestId = requestIdOf(request);
  const reply = errorReply(new AppError("not_found", `No API route at ${new URL(request.url).pathname}`), requestId);
  return toWebResponse(finishReply(reply, { request, requestId, startedAt }));
};

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
