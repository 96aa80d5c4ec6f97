// Runs before Next routes a request, for two things:
// 1. The original service's unprefixed paths: a write (any method but GET/HEAD) is answered by
//    its /api/v1 twin. GETs are sorted out by the rewrites in next.config.mjs, which still see
//    the headers of Next's client navigation (this proxy does not: Next strips them before it).
// 2. Pages get their Content-Security-Policy with a nonce made for this response alone: Next
//    reads the nonce from the request's policy header and puts it on every script it renders.
//    The policy is in lib/http/security-headers.mjs; the other headers come from next.config.mjs.
import { NextResponse, type NextRequest } from "next/server";
import { cameOverTls, newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers.mjs";

// The paths the matcher listed when this proxy handled them alone: /models, /models/*,
// /leaderboard, /benchmarks.
const legacyPath = /^\/(?:models(?:\/.*)?|leaderboard|benchmarks)$/;

export function proxy(request: NextRequest) {
  const legacy = legacyPath.test(request.nextUrl.pathname);
  const isRead = request.method === "GET" || request.method === "HEAD";
  // Server actions post to page URLs with a Next-Action header: those stay with the page.
  if (legacy && !isRead && !request.headers.has("next-action")) {
    const url = request.nextUrl.clone();
    url.pathname = `/api/v1${url.pathname}`;
    return NextResponse.rewrite(url);
  }
  // Anything else at a legacy path but a browser navigation may be an API call, whose headers
  // route() sets (a header set here would win over them); Next's client navigations land here too,
  // and their RSC payloads are not documents, so they need no policy.
  if (legacy && !request.headers.get("accept")?.includes("text/html")) return NextResponse.next();
  return withPagePolicy(request);
}

function withPagePolicy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(newNonce(), {
    // React's development build needs eval; NODE_ENV is fixed when Next builds this file.
    dev: process.env.NODE_ENV === "development",
    tls: cameOverTls(request.headers.get("x-forwarded-proto"), request.url),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page and the legacy paths: all but the API and Next's own files.
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
