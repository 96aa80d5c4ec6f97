// The client's address as the nearest proxy reports it (the first X-Forwarded-For entry, else
// X-Real-IP), for limits keyed by address; "local" when neither is set.
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : ([] as (string | undefined)[]).concat(headers?.[name]).at(0)) ?? "";
  return get("x-forwarded-for").split(",")[0].trim() || get("x-real-ip") || "local";
}
