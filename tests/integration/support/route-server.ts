// The app's model and health route handlers behind a plain node:http server, in a process of its
// own, for tests that need the app on a database other than the run's (lib/db keeps one handle per
// process). Run with `node --import tsx`; DATABASE_URL and the rest come from the environment.
// Prints "port <n>" when listening; SIGTERM, or the end of stdin, stops it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as health from "@/app/api/v1/health/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import { closeDatabase } from "@/lib/db";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routes: { pattern: RegExp; module: Record<string, unknown> }[] = [
  { pattern: /^\/api\/v1\/health$/, module: health },
  { pattern: /^\/api\/v1\/models$/, module: modelsRoute },
  { pattern: /^\/api\/v1\/models\/(?<id>[^/]+)$/, module: modelRoute },
];

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = http.createServer(async (incoming, outgoing) => {
  try {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const method = incoming.method ?? "GET";
    const match = routes.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).find((x) => x.m);
    const handler = match?.r.module[method] as Handler | undefined;
    if (!match || !handler) {
      outgoing.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "No such route", details: {} } }));
      return;
    }
    const body = method === "GET" || method === "HEAD" ? undefined : new Uint8Array(await readBody(incoming));
    const headers = new Headers();
    for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(key, value);
    const request = new Request(url, { method, headers, body });
    const response = await handler(request, { params: Promise.resolve({ ...match.m!.groups }) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    // The route wrapper answers every error itself; reaching here is a bug the test must see.
    outgoing.writeHead(599).end(String((error as Error)?.stack ?? error));
  }
});

server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as AddressInfo).port}`));

// Started with stdin a pipe from the test: when the test process goes, however it goes, so does this.
process.stdin.on("end", () => process.exit(0)).resume();

process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void closeDatabase().catch(() => undefined).finally(() => process.exit(0)));
});
