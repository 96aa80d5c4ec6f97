// The original service's unprefixed paths (/models, /models/{id}, /leaderboard, ...) keep
// working for automation: a request that is not a browser navigation is answered by its
// /api/v1 twin. Browsers (Accept: text/html) and Next's own client navigation get the page.
import { NextResponse, type NextRequest } from "next/server";

function isPageRequest(request: NextRequest): boolean {
  const headers = request.headers;
  // Next's router fetches pages as RSC payloads and posts server actions to page URLs.
  if (headers.has("rsc") || headers.has("next-action") || headers.has("next-router-prefetch")) return true;
  if (request.nextUrl.searchParams.has("_rsc")) return true;
  return request.method === "GET" && (headers.get("accept") ?? "").includes("text/html");
}

export function proxy(request: NextRequest) {
  if (isPageRequest(request)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/api/v1${url.pathname}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/models", "/models/:path*", "/leaderboard", "/benchmarks"],
};
