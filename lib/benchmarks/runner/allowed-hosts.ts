// Which endpoints the runner may call: only hosts an operator listed in BENCHMARK_ALLOWED_HOSTS
// ("host" for any port, "host:port" for one), over http or https.

export function parseAllowedHosts(setting: string): string[] {
  return setting
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** Null when the URL may be called; otherwise why not, in a sentence for the caller. */
export function refuseUrl(url: string, allowed: string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Not a valid URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "Use an http or https URL";
  if (parsed.username || parsed.password) return "Credentials in the URL are not accepted";
  const host = parsed.hostname.toLowerCase();
  const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
  const hostForm = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  if (allowed.includes(hostForm) || allowed.includes(`${hostForm}:${port}`)) return null;
  if (allowed.length === 0) return "The benchmark runner is not enabled: an operator lists the hosts it may call in BENCHMARK_ALLOWED_HOSTS";
  return `${parsed.host} is not one of the hosts the runner may call (BENCHMARK_ALLOWED_HOSTS)`;
}
