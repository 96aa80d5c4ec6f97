// What the API answers, before it is sent: a status, headers and a body. Next's route handlers
// send it as a Web Response (toWebResponse); the production server writes the hot reads' replies
// straight to node:http (scripts/server/node-bridge.ts), where building and reading back a
// Response cost more than the handler's own work (npm run bench:api).
export type ReplyBody = string | ReadableStream<Uint8Array> | null;

export class Reply {
  constructor(
    readonly status: number,
    /** Written as given; route() adds the security headers and X-Request-Id. */
    readonly headers: Record<string, string>,
    readonly body: ReplyBody,
  ) {}
}

export function jsonReply(data: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return jsonTextReply(JSON.stringify(data), status, headers);
}

/** JSON text made earlier (a cached answer). */
export function jsonTextReply(json: string, status = 200, headers: Record<string, string> = {}): Reply {
  return new Reply(status, { "Content-Type": "application/json", ...headers }, json);
}

/** 201 with the new resource and Location naming it. */
export function created(data: unknown, location: string): Reply {
  return jsonReply(data, 201, { Location: location });
}

export function noContent(): Reply {
  return new Reply(204, {}, null);
}

export function toWebResponse(reply: Reply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
