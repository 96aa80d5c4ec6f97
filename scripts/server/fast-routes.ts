// The hot API reads, answered by their own route handlers without Next's request pipeline
// (routing, rewrites, proxy matching, module resolution) and without Web Requests and Responses
// (node-bridge.ts), which together cost several times what these handlers do themselves
// (npm run bench:api). Only GETs under /api/v1 with no page or RSC semantics are taken;
// everything else, and these paths' other methods, go to Next as usual.
import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import * as leaderboard from "@/app/api/v1/leaderboard/route";
import * as modelById from "@/app/api/v1/models/[id]/route";
import * as models from "@/app/api/v1/models/route";
import { AppError, errorReply } from "@/lib/http/errors";
import type { ApiRoute } from "@/lib/http/route";
import { log } from "@/lib/log";
import { requestHead, sendReply, toWebRequest } from "./node-bridge";

interface FastRoute {
  pattern: RegExp;
  route: ApiRoute;
  /** Names that Next gives to a static sibling route rather than to the dynamic segment. */
  notParams?: Set<string>;
}

/** The folders beside a dynamic segment: Next routes those names to them, not to the segment. */
function staticSiblings(routeDir: string): Set<string> {
  const dir = path.join(process.cwd(), "app", routeDir);
  return new Set(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith("[")).map((e) => e.name));
}

const routes: FastRoute[] = [
  { pattern: /^\/api\/v1\/models$/, route: models.GET },
  { pattern: /^\/api\/v1\/models\/([^/]+)$/, route: modelById.GET, notParams: staticSiblings("api/v1/models") },
  { pattern: /^\/api\/v1\/leaderboard$/, route: leaderboard.GET },
];

/** The route and its path parameters for a request, or null when Next should answer it. */
export function matchFastRoute(method: string | undefined, url: string | undefined): { route: ApiRoute; params: Record<string, string> } | null {
  if (method !== "GET" || !url) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const candidate of routes) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    if (match[1] === undefined) return { route: candidate.route, params: {} };
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return null;
    }
    return candidate.notParams?.has(id) ? null : { route: candidate.route, params: { id } };
  }
  return null;
}

/** Answers `req` when it is one of the fast routes' requests; false when Next should answer it. */
export function serveFastRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const fast = matchFastRoute(req.method, req.url);
  const head = fast && requestHead(req);
  if (!fast || !head) return false;
  fast.route.reply(head, fast.params, () => toWebRequest(req, head))
    .then((reply) => sendReply(res, reply))
    .catch((error: unknown) => {
      // route() turns every error into a reply: this is a failure to write one.
      log.error("fast route failed", { path: req.url?.split("?")[0], error: String(error) });
      if (res.headersSent) return void res.destroy();
      void sendReply(res, errorReply(new AppError("internal", "The server could not answer"))).catch(() => res.destroy());
    });
  return true;
}
