// The header values' own rules: the nonce is one Next accepts, the page policy never lets inline
// scripts run, and next.config.mjs's HSTS condition agrees with the API's.
import { describe, expect, it } from "vitest";
import { cameOverTls, newNonce, nextConfigHeaderRules, pageContentSecurityPolicy } from "./security-headers.mjs";

// Next takes the nonce from script-src only when it matches this (get-script-nonce-from-header).
const NEXT_NONCE = /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/;

describe("the page policy", () => {
  it("carries a fresh nonce Next can read, in script-src", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    const nonce = newNonce();
    const scriptSrc = pageContentSecurityPolicy(nonce).split("; ").find((d) => d.startsWith("script-src "))!;
    const source = scriptSrc.split(" ").find((s) => s.startsWith("'nonce-"))!;
    expect(NEXT_NONCE.exec(source)?.[1]).toBe(nonce);
  });

  it("never allows inline or evaluated scripts in production, and keeps the nonce out of style-src", () => {
    const directives = pageContentSecurityPolicy(newNonce()).split("; ");
    const scriptSrc = directives.find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    // With a nonce in style-src, browsers would drop its 'unsafe-inline' (style attributes).
    expect(directives.find((d) => d.startsWith("style-src "))).not.toContain("nonce-");
    for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(directives).toContain(directive);
    }
    expect(directives).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy("n", { tls: true }).split("; ")).toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
  });
});

describe("TLS detection", () => {
  const hstsRule = nextConfigHeaderRules().find((rule) => rule.headers.some((h) => h.key === "Strict-Transport-Security"))!;
  const nextSaysTls = (proto: string) => new RegExp(`^${hstsRule.has![0].value}$`).test(proto);

  it.each([
    ["https", true], ["HTTPS", true], ["https, http", true], ["http", false], ["http, https", false], ["httpsx", false],
  ])("X-Forwarded-Proto %s: %s, in route() and in next.config.mjs alike", (proto, tls) => {
    expect(cameOverTls(proto, "http://localhost/")).toBe(tls);
    expect(nextSaysTls(proto)).toBe(tls);
  });

  it("without the header, the URL's scheme decides", () => {
    expect(cameOverTls(null, "https://registry.example/api/v1/models")).toBe(true);
    expect(cameOverTls(null, "http://registry.example/api/v1/models")).toBe(false);
  });
});
