// The production server (npm run serve, npm start): Next.js for the portal and the API, with the
// hot API reads answered directly by their route handlers (fast-routes.ts).
//
//   PORT (9084) and NEXT_DIST_DIR (.next); it listens on all interfaces, as `next start` does.
import http from "node:http";
import { log } from "@/lib/log";
import { serveFastRoute } from "./fast-routes";

Object.assign(process.env, { NODE_ENV: "production" });
const port = Number(process.env.PORT || 9084);

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handleWithNext = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (!serveFastRoute(req, res)) void handleWithNext(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => log.info("listening", { port }));
