// The production server (npm run serve, npm start): Next.js for the portal and the API, with the
// hot API reads answered directly by their route handlers (fast-routes.ts).
//
//   PORT (9084) and NEXT_DIST_DIR (.next); it listens on all interfaces, as `next start` does.
import http from "node:http";
import { AppError, errorReply } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { matchFastRoute } from "./fast-routes";
import { requestHead, sendReply, toWebRequest } from "./node-bridge";

Object.assign(process.env, { NODE_ENV: "production" });
const port = Number(process.env.PORT || 9084);

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handleWithNext = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const fast = matchFastRoute(req.method, req.url);
  const head = fast && requestHead(req);
  if (!fast || !head) return void handleWithNext(req, res);
  fast.route.reply(head, fast.params, () => toWebRequest(req, head))
    .then((reply) => sendReply(res, reply))
    .catch((error: unknown) => {
      // route() turns every error into a reply: this is a failure to write one.
      log.error("fast route failed", { path: req.url?.split("?")[0], error: String(error) });
      if (res.headersSent) return void res.destroy();
      void sendReply(res, errorReply(new AppError("internal", "The server could not answer"))).catch(() => res.destroy());
    });
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => log.info("listening", { port }));
