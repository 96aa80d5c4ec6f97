"use client";
// The model page's Security section, live: files and upload (with a progress bar), the Scan
// button, the scan's progress polled every second until its verdict, its report, and the history.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { isOpen, useArtifacts, useRequestScan, useScan, useScanHistory, useUpload, type UploadProgress } from "@/lib/client/scans";
import { formatDate } from "@/lib/format";
import type { ArtifactDto, ScanDto, ScanSummaryDto } from "@/lib/scans/schema";
import { formatBytes, ScanStatusBadge, VerdictBadge } from "./scan-badges";
import { FileReport } from "./scan-report";

type Page<T> = { data: T[]; total: number; page: number; page_size: number; total_pages: number };

function Bar({ value, total, label }: { value: number; total: number; label: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((value / total) * 100)) : 0;
  return (
    <div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function UploadForm({ modelId }: { modelId: string }) {
  const upload = useUpload(modelId);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen.length) return;
        setProgress({ loaded: 0, total: chosen.reduce((sum, f) => sum + f.size, 0) });
        upload.mutate({ files: chosen, onProgress: setProgress }, {
          onSuccess: () => {
            setChosen([]);
            if (input.current) input.current.value = "";
          },
        });
      }}
    >
      <label htmlFor="artifact-files" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">Upload files</label>
      <div className="flex flex-wrap items-center gap-2">
        <input id="artifact-files" ref={input} type="file" multiple onChange={(e) => setChosen(Array.from(e.target.files ?? []))}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-zinc-700 dark:file:bg-zinc-900" />
        <Button type="submit" variant="secondary" disabled={!chosen.length || upload.isPending}>{upload.isPending ? "Uploading…" : "Upload"}</Button>
      </div>
      {progress && upload.isPending ? (
        <div className="space-y-1" aria-live="polite">
          <Bar value={progress.loaded} total={progress.total} label="Upload progress" />
          <p className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{formatBytes(progress.loaded)} of {formatBytes(progress.total)} sent</p>
        </div>
      ) : null}
      {upload.isSuccess ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">Uploaded {upload.data.map((a) => a.path).join(", ")}.</p> : null}
      {upload.error ? <Alert>{upload.error.message}</Alert> : null}
    </form>
  );
}

function Files({ artifacts }: { artifacts: ArtifactDto[] }) {
  if (!artifacts.length) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No files yet: upload the model&apos;s files, or import it from the Hub, to scan them.</p>;
  return (
    <ul aria-label="Files" className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {artifacts.map((a) => (
        <li key={a.id} className="flex flex-wrap justify-between gap-2 py-1.5">
          <span className="font-mono break-all">{a.path}</span>
          <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{a.format} · {formatBytes(a.size)} · {a.source === "huggingface" ? "Hub" : "uploaded"}</span>
        </li>
      ))}
    </ul>
  );
}

function Progress({ scan }: { scan: ScanDto }) {
  const { progress } = scan;
  return (
    <div className="space-y-1" aria-live="polite" data-testid="scan-progress">
      <Bar value={progress.bytes_done} total={progress.bytes_total} label="Scan progress" />
      <p className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        {scan.status === "queued" ? "Queued" : "Scanning"}: {progress.files_done} of {progress.files_total} files, {formatBytes(progress.bytes_done)} of {formatBytes(progress.bytes_total)}
      </p>
      {scan.error ? <p className="text-xs text-amber-700 dark:text-amber-400">{scan.error}</p> : null}
    </div>
  );
}

function History({ scans, selected, onSelect }: { scans: ScanSummaryDto[]; selected: string | null; onSelect: (id: string) => void }) {
  if (!scans.length) return null;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">Scan history</h3>
      <ol aria-label="Scan history" className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {scans.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
            <button type="button" onClick={() => onSelect(s.id)} className={`text-left hover:underline ${s.id === selected ? "font-semibold" : ""}`}>
              {formatDate(s.created_at)}
            </button>
            <span className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
              {s.progress.files_total} files · {s.requested_by}
              <ScanStatusBadge status={s.status} />
              {s.status === "completed" ? <VerdictBadge verdict={s.verdict} /> : null}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ScanPanel({ modelId, mayScan, artifacts, history, latest }: {
  modelId: string; mayScan: boolean; artifacts: Page<ArtifactDto>; history: Page<ScanSummaryDto>; latest: ScanDto | null;
}) {
  const router = useRouter();
  const files = useArtifacts(modelId, artifacts);
  const scans = useScanHistory(modelId, history);
  const [selected, setSelected] = useState<string | null>(latest?.id ?? null);
  const scan = useScan(selected, latest ?? undefined);
  const request = useRequestScan(modelId);
  const current = scan.data;
  const open = isOpen(current);

  // When the watched scan settles, refresh the history and the server-rendered badges.
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) {
      void scans.refetch();
      router.refresh();
    }
    wasOpen.current = open;
  }, [open, router, scans]);

  return (
    <Card
      title="Security scan"
      actions={mayScan ? (
        <Button
          disabled={request.isPending || open || !(files.data?.total ?? 0)}
          onClick={() => request.mutate(undefined, { onSuccess: (s) => { setSelected(s.id); router.refresh(); } })}
        >
          {open ? "Scanning…" : request.isPending ? "Queuing…" : "Scan"}
        </Button>
      ) : undefined}
    >
      <div className="space-y-5">
        {request.error ? <Alert>{request.error.message}</Alert> : null}
        <Files artifacts={files.data?.data ?? []} />
        {mayScan ? <UploadForm modelId={modelId} /> : null}
        {current ? (
          <section aria-label="Scan report" className="space-y-3 border-t border-zinc-100 pt-4 dark:border-zinc-800">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold">
                Scan of {formatDate(current.created_at)}
              </h3>
              <span className="flex items-center gap-2" data-testid="scan-verdict">
                <ScanStatusBadge status={current.status} />
                {current.status === "completed" ? <VerdictBadge verdict={current.verdict} /> : null}
              </span>
            </div>
            {open ? <Progress scan={current} /> : null}
            {current.status === "failed" ? <Alert>The scan failed: {current.error}</Alert> : null}
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {current.files.map((f) => <FileReport key={f.path} file={f} />)}
            </ul>
          </section>
        ) : null}
        <History scans={scans.data?.data ?? []} selected={selected} onSelect={setSelected} />
      </div>
    </Card>
  );
}
