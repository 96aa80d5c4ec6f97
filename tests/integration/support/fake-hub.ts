// A stand-in for the Hugging Face Hub on 127.0.0.1: serves files, redirects (as the Hub does to its
// CDN), can hold a download part-way until released, and records what each request carried.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Served {
  body?: Buffer;
  /** 302 to this URL instead. */
  redirect?: string;
  status?: number;
  /** Send this many bytes, then wait until release() before sending the rest. */
  pauseAfter?: number;
}

export interface FakeHub {
  url: string;
  routes: Map<string, Served>;
  requests: { path: string; authorization: string | null }[];
  release(): void;
  /** Holds downloads with pauseAfter again, after a release(). */
  hold(): void;
  close(): Promise<void>;
}

export async function startFakeHub(host = "127.0.0.1"): Promise<FakeHub> {
  const routes = new Map<string, Served>();
  const requests: FakeHub["requests"] = [];
  let releaseWaiters: (() => void)[] = [];
  let released = false;
  const server = http.createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    requests.push({ path, authorization: request.headers.authorization ?? null });
    const served = routes.get(path);
    if (!served) return void response.writeHead(404).end("not found");
    if (served.redirect) return void response.writeHead(302, { location: served.redirect }).end();
    if (served.status && served.status !== 200) return void response.writeHead(served.status).end("no");
    const body = served.body ?? Buffer.alloc(0);
    response.writeHead(200, { "content-length": String(body.length), "content-type": "application/octet-stream" });
    if (served.pauseAfter !== undefined && !released) {
      response.write(body.subarray(0, served.pauseAfter));
      await new Promise<void>((resolve) => releaseWaiters.push(resolve));
      if (response.destroyed) return;
      response.end(body.subarray(served.pauseAfter));
    } else response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const release = () => {
    released = true;
    const waiters = releaseWaiters;
    releaseWaiters = [];
    waiters.forEach((resolve) => resolve());
  };
  return {
    url: `http://${host}:${port}`,
    routes,
    requests,
    release,
    hold: () => void (released = false),
    async close() {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
