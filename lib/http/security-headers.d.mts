// Types for security-headers.mjs (plain JavaScript so that next.config.mjs can import it).

export declare const commonSecurityHeaders: Readonly<Record<string, string>>;
export declare const apiContentSecurityPolicy: string;
export declare const strictTransportSecurity: string;
export declare function cameOverTls(forwardedProto: string | null | undefined, url: string): boolean;
export declare function pageContentSecurityPolicy(nonce: string, options?: { dev?: boolean; tls?: boolean }): string;
export declare function newNonce(): string;
export declare function nextConfigHeaderRules(): {
  source: string;
  has?: { type: "header"; key: string; value: string }[];
  headers: { key: string; value: string }[];
}[];
export declare function apiSecurityHeaders(tls: boolean): readonly (readonly [string, string])[];
