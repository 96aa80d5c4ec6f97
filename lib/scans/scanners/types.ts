// What every scanner reports. Plain types: no Next.js, no Prisma.

export const severities = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof severities)[number];

export const scannerNames = ["clamav", "pickle", "safetensors", "gguf", "archive", "integrity"] as const;
export type ScannerName = (typeof scannerNames)[number];

export interface Finding {
  scanner: ScannerName;
  severity: Severity;
  /** A stable id of the rule that fired, e.g. "pickle.dangerous_import". */
  rule: string;
  message: string;
  detail: Record<string, unknown>;
}

/** Whether a scanner read all of a file it applies to; `reason` says why not. */
export interface Coverage {
  scanner: ScannerName;
  covered: boolean;
  reason?: string;
}

export type ImportSafety = "innocuous" | "suspicious" | "dangerous";

export interface PickleImport {
  module: string;
  name: string;
  safety: ImportSafety;
  severity: Severity | null;
  /** How many times the pickle stream imports it. */
  count: number;
  /** Whether REDUCE / NEWOBJ / OBJ / INST / BUILD was applied to what it imported. */
  called: boolean;
  /** Where in the file: the archive member, if any. */
  where?: string;
}

const rank: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export function severityRank(severity: Severity | null | undefined): number {
  return severity ? rank[severity] : 0;
}

export function maxSeverity(values: Iterable<Severity | null | undefined>): Severity | null {
  let best: Severity | null = null;
  for (const value of values) if (severityRank(value) > severityRank(best)) best = value ?? null;
  return best;
}

/** The result of one format scanner over one byte stream. */
export interface ScannerResult {
  scanner: ScannerName;
  covered: boolean;
  reason?: string;
  findings: Finding[];
  imports?: PickleImport[];
  summary?: Record<string, unknown>;
}

export function finding(
  scanner: ScannerName,
  severity: Severity,
  rule: string,
  message: string,
  detail: Record<string, unknown> = {},
): Finding {
  return { scanner, severity, rule, message, detail };
}
