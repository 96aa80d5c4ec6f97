// Numbers as people read them in the portal.
export function formatParameters(billions: number | null): string {
  if (billions === null) return "—";
  if (billions < 1) return `${Math.round(billions * 1000)}M`;
  return `${Number(billions.toFixed(billions < 10 ? 2 : 1))}B`;
}

export function formatContext(tokens: number | null): string {
  if (tokens === null) return "—";
  if (tokens >= 1024 * 1024 && tokens % (1024 * 1024) === 0) return `${tokens / (1024 * 1024)}M`;
  if (tokens >= 1024 && tokens % 1024 === 0) return `${tokens / 1024}K`;
  return tokens.toLocaleString("en-US");
}

export function formatInteger(value: number | null): string {
  return value === null ? "—" : value.toLocaleString("en-US");
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
