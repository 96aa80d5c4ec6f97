import { nextConfigHeaderRules } from "./lib/http/security-headers.mjs";

// The original service's unprefixed paths stay an API for automation (api.md, Addresses).
const legacyPaths = ["/models", "/models/:path*", "/leaderboard", "/benchmarks"];
// A GET is an API call unless it is a browser navigation (Accept: text/html) or Next's own
// client navigation (an RSC fetch). Non-GET methods are routed to the API by proxy.ts.
const notAPage = [
  { type: "header", key: "accept", value: ".*text/html.*" },
  { type: "header", key: "rsc" },
  { type: "header", key: "next-router-prefetch" },
  { type: "header", key: "next-action" },
  { type: "query", key: "_rsc" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // Lets several builds live side by side (e.g. a benchmark's build next to a developer's).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // nosniff, frame denial, referrer policy, HSTS behind TLS on everything; pages get their
  // Content-Security-Policy from proxy.ts, API responses theirs from route() as well.
  async headers() {
    return nextConfigHeaderRules();
  },
  async rewrites() {
    return {
      beforeFiles: legacyPaths.map((source) => ({ source, destination: `/api/v1${source}`, missing: notAPage })),
    };
  },
};

export default nextConfig;
