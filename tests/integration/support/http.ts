// Calls route handlers in-process with real Requests, as Next would.
export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function call(
  handler: Handler,
  { method = "GET", url = "/", params = {}, json, body, headers = {} }: {
    method?: string; url?: string; params?: Record<string, string>; json?: unknown; body?: string; headers?: Record<string, string>;
  } = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  } else if (body !== undefined) init.body = body;
  const response = await handler(new Request(new URL(url, "http://localhost"), init), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** Like call(), but sends any body (bytes, a form) with exactly the headers given, and returns the response's text unparsed. */
export async function callRaw(
  handler: Handler,
  { method = "GET", url = "/", params = {}, body, headers = {} }: {
    method?: string; url?: string; params?: Record<string, string>; body?: BodyInit | null; headers?: Record<string, string>;
  } = {},
) {
  const init: RequestInit = { method, headers, body: body ?? null };
  const response = await handler(new Request(new URL(url, "http://localhost"), init), { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
