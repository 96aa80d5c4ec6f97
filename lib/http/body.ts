// Reads request bodies with a size cap (JSON, or bytes), so a huge body is refused before it is
// buffered: every route that reads a body whole reads it through here.
import { AppError } from "./errors";
import { refuseUnstorableText } from "./storable-text";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError("bad_request", "Send the body as JSON with Content-Type: application/json");
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await readBodyBytes(request, limit));
  if (text.trim() === "") throw new AppError("bad_request", "The request body is empty; send a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
  refuseUnstorableText(text, value);
  return value;
}

/**
 * The whole body, at most `limit` bytes: a declared Content-Length over it is refused before
 * reading, and a body that grows past it (chunked, or lying about its length) is cut off there.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): AppError {
  const size = limit % (1024 * 1024) === 0 ? `${limit / 1024 / 1024} MiB` : `${Math.round(limit / 1024)} KiB`;
  return new AppError("payload_too_large", `The request body is over the ${size} limit`, { limit_bytes: limit });
}
