// One scan's report: per file, its verdict, which scanners covered it, each finding, what the
// format scanners read, and for pickles the imports coloured by safety.
import { cn } from "@/components/ui/cn";
import type { ScanFileDto } from "@/lib/scans/schema";
import { formatBytes, safetyStyles, SeverityBadge, VerdictBadge } from "./scan-badges";

function Summary({ summary }: { summary: Record<string, unknown> }) {
  const where = typeof summary.member === "string" ? ` (${summary.member})` : "";
  const n = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en-US") : String(value ?? "—"));
  switch (summary.scanner) {
    case "safetensors": {
      const dtypes = Object.keys((summary.dtypes ?? {}) as Record<string, unknown>).join(", ") || "—";
      return <li>safetensors{where}: {n(summary.tensors)} tensors, {n(summary.parameters)} parameters ({dtypes})</li>;
    }
    case "gguf":
      return (
        <li>
          GGUF{where}: {String(summary.architecture ?? "unknown architecture")}, {n(summary.parameters)} parameters, context {n(summary.context_length)},
          quantization {String(summary.quantization ?? "—")}{summary.license ? `, license ${String(summary.license)}` : ""}
        </li>
      );
    case "pickle":
      return <li>pickle{where}: {n(summary.pickles)} pickle{summary.pickles === 1 ? "" : "s"}, {n(summary.opcodes)} opcodes{summary.legacy_torch ? ", legacy torch file" : ""}{Number(summary.joblib_arrays) ? `, ${n(summary.joblib_arrays)} joblib arrays` : ""}</li>;
    case "archive":
      return <li>{String(summary.kind)} archive{where}{summary.members !== undefined ? `: ${n(summary.members)} members` : ""}</li>;
    default:
      return null;
  }
}

export function FileReport({ file }: { file: ScanFileDto }) {
  const verdict = file.status === "done" ? file.verdict : null;
  return (
    <li className="py-3 first:pt-0 last:pb-0" data-testid="scan-file">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <span className="font-mono text-sm break-all">{file.path}</span>
          <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">
            {file.format} · {formatBytes(file.size)}{file.source === "huggingface" ? " · Hub" : ""}
            {file.sha256 ? <> · <span title={file.sha256} className="font-mono">sha256 {file.sha256.slice(0, 12)}…</span></> : null}
          </span>
        </div>
        {file.status === "done" ? <VerdictBadge verdict={verdict} /> : <span className="text-xs text-zinc-500">{file.status === "scanning" ? `scanning… ${formatBytes(file.bytes_done)}` : "waiting"}</span>}
      </div>
      {file.scanners.length ? (
        <ul aria-label="Scanners" className="mt-2 flex flex-wrap gap-1.5">
          {file.scanners.map((s) => (
            <li key={s.scanner} title={s.reason} className={cn("rounded border px-1.5 py-0.5 text-xs", s.covered ? "border-zinc-200 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300" : "border-amber-400 text-amber-800 dark:text-amber-300")}>
              {s.covered ? "✓" : "not covered:"} {s.scanner}{s.covered ? "" : ` (${s.reason})`}
            </li>
          ))}
        </ul>
      ) : null}
      {file.findings.length ? (
        <ul aria-label="Findings" className="mt-2 space-y-1">
          {file.findings.map((f, i) => (
            <li key={i} className="flex items-start gap-2 text-sm">
              <SeverityBadge severity={f.severity} />
              <span>
                {f.message}
                <code className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{f.rule}</code>
                {typeof f.detail.member === "string" ? <span className="ml-1 text-xs text-zinc-500">in {f.detail.member}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {file.imports.length ? (
        <div className="mt-2">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Pickle imports</p>
          <ul aria-label="Pickle imports" className="mt-1 flex flex-wrap gap-1.5">
            {file.imports.map((imp, i) => (
              <li key={i} data-safety={imp.safety} title={`${imp.safety}${imp.severity ? ` (${imp.severity})` : ""}${imp.called ? ", called" : ""}${imp.where ? ` in ${imp.where}` : ""}`}
                className={cn("rounded border px-1.5 py-0.5 font-mono text-xs", safetyStyles[imp.safety])}>
                {imp.module}.{imp.name}{imp.called ? "()" : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {file.summaries.length ? (
        <ul className="mt-2 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {file.summaries.map((s, i) => <Summary key={i} summary={s} />)}
        </ul>
      ) : null}
    </li>
  );
}
