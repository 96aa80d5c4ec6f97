// The original service's unprefixed paths: a write (any method but GET/HEAD) is answered by
// its /api/v1 twin. GETs are sorted out by the rewrites in next.config.mjs, which still see
// the headers of Next's client navigation (this proxy does not: Next strips them before it).
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const isRead = request.method === "GET" || request.method === "HEAD";
  // Server actions post to page URLs with a Next-Action header: those stay with the page.
  if (isRead || request.headers.has("next-action")) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/api/v1${url.pathname}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/models", "/models/:path*", "/leaderboard", "/benchmarks"],
};
