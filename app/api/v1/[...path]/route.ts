// Any /api/v1 path without a route of its own: the one error shape, not an HTML page.
import { AppError, errorResponse } from "@/lib/http/errors";

const notFound = async (request: Request) =>
  errorResponse(new AppError("not_found", `No API route at ${new URL(request.url).pathname}`));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
