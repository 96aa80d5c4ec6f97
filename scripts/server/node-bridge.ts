// Between node:http and the Web Request/Response that route handlers take and return.
import type { IncomingMessage, ServerResponse } from "node:http";

/** A body-less request (the fast routes are reads) as a Web Request; null when its URL is unusable. */
export function toWebRequest(req: IncomingMessage): Request | null {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  try {
    return new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), { method: req.method, headers });
  } catch {
    return null;
  }
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  // As text: node:http then sends the head and a string body in one write, where a Buffer body
  // costs a second, vectored one (measured: a quarter of the CPU these routes take).
  const body = await response.text();
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(response.status, headers);
  res.end(body);
}
