// The client's address as the nearest proxy reports it (the first X-Forwarded-For entry, else
// X-Real-IP), for limits keyed by address; "local" when neither is set.
import type { HeaderReader } from "./request-head";

/** Headers as a reader (Web Headers, a RequestHead's) or as a record (next-auth's authorize() gets one). */
type AnyHeaders = HeaderReader | Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: AnyHeaders): string {
  return headerValue(headers, "x-forwarded-for").split(",")[0].trim() || headerValue(headers, "x-real-ip") || "local";
}

function headerValue(headers: AnyHeaders, name: string): string {
  if (typeof headers?.get === "function") return (headers as HeaderReader).get(name) ?? "";
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
