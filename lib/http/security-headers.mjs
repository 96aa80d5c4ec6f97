// The security headers, in one place: next.config.mjs (pages and static files), proxy.ts (the
// pages' per-request Content-Security-Policy) and the API's route() wrapper all take their values
// from here. Plain JavaScript so that next.config.mjs can import it; types in the .d.mts beside it.

/** On every response: pages, static files, the API. */
export const commonSecurityHeaders = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
});

/** API answers are data, never documents: nothing may load from them, nothing may frame them. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Sent only on responses to requests that came over TLS (browsers ignore it over plain HTTP anyway). */
export const strictTransportSecurity = "max-age=31536000; includeSubDomains";

/**
 * Whether the request reached us over TLS: a TLS-terminating proxy says so in X-Forwarded-Proto
 * (the first hop's value counts), otherwise the request URL's own scheme.
 * @param {string | null | undefined} forwardedProto
 * @param {string} url
 */
export function cameOverTls(forwardedProto, url) {
  if (forwardedProto) return forwardedProto.split(",")[0].trim().toLowerCase() === "https";
  return url.startsWith("https:");
}

/**
 * The pages' policy. Scripts: only those carrying this response's nonce, and what they load
 * ('strict-dynamic': Next's runtime loads its chunks); never 'unsafe-inline' for scripts.
 * Styles: <style> and stylesheet links need 'self' or the nonce (style-src-elem), but style
 * *attributes* are allowed ('unsafe-inline' in style-src, which style-src-attr falls back to):
 * server-rendered React style props and Recharts' SVG attributes are inline styles. An injected
 * style attribute can restyle a page, not run code, so this is the accepted trade-off. A nonce
 * must not appear in style-src itself, or browsers would ignore its 'unsafe-inline'.
 * @param {string} nonce
 * @param {{ dev?: boolean, tls?: boolean }} [options] dev: React's development build needs eval.
 */
export function pageContentSecurityPolicy(nonce, { dev = false, tls = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const asList = (/** @type {Record<string, string>} */ headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/**
 * next.config.mjs headers(): the common headers on everything Next serves, HSTS when a proxy
 * says the request came over TLS, and the API's policy under /api (pages get theirs from proxy.ts).
 * Where a route handler sets the same header, Next keeps this value; they are the same.
 */
export function nextConfigHeaderRules() {
  return [
    { source: "/:path*", headers: asList(commonSecurityHeaders) },
    {
      source: "/:path*",
      has: [{ type: "header", key: "x-forwarded-proto", value: "[Hh][Tt][Tt][Pp][Ss](\\s*,.*)?" }],
      headers: [{ key: "Strict-Transport-Security", value: strictTransportSecurity }],
    },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
  ];
}

const apiHeaders = Object.entries({ ...commonSecurityHeaders, "Content-Security-Policy": apiContentSecurityPolicy });
const apiHeadersOverTls = [...apiHeaders, ["Strict-Transport-Security", strictTransportSecurity]];

/**
 * The headers every API response carries, as [name, value] pairs made once (the API's hot path
 * sets them on every response).
 * @param {boolean} tls
 */
export function apiSecurityHeaders(tls) {
  return tls ? apiHeadersOverTls : apiHeaders;
}
