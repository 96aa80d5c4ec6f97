// The production server (npm run serve, npm start): Next.js for the portal and the API, with the
// hot API reads answered directly by their route handlers (fast-routes.ts).
//
//   PORT (9084) and NEXT_DIST_DIR (.next); it listens on all interfaces, as `next start` does.
import http from "node:http";
import { AppError, errorResponse } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { matchFastRoute } from "./fast-routes";
import { sendWebResponse, toWebRequest } from "./node-bridge";

Object.assign(process.env, { NODE_ENV: "production" });
const port = Number(process.env.PORT || 9084);

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handleWithNext = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const fast = matchFastRoute(req.method, req.url);
  const request = fast && toWebRequest(req);
  if (!fast || !request) return void handleWithNext(req, res);
  fast.handler(request, { params: Promise.resolve(fast.params) })
    .then((response) => sendWebResponse(res, response))
    .catch((error: unknown) => {
      // route() turns every error into a response: this is a failure to read or write one.
      log.error("fast route failed", { path: req.url?.split("?")[0], error: String(error) });
      if (res.headersSent) return void res.destroy();
      void sendWebResponse(res, errorResponse(new AppError("internal", "The server could not answer"))).catch(() => res.destroy());
    });
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => log.info("listening", { port }));
