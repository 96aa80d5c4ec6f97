"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { ApiError, formErrors } from "@/lib/client/api";
import { useImportModel } from "@/lib/client/huggingface";
import { formatContext, formatParameters } from "@/lib/format";
import type { ModelDto } from "@/lib/models/schema";

type RowState =
  | { status: "waiting" }
  | { status: "importing" }
  | { status: "done"; model: ModelDto }
  | { status: "failed"; message: string; code: string };

interface Row {
  repoId: string;
  state: RowState;
}

const tones: Record<RowState["status"], BadgeTone> = { waiting: "neutral", importing: "info", done: "good", failed: "bad" };
const labels: Record<RowState["status"], string> = { waiting: "Waiting", importing: "Importing…", done: "Imported", failed: "Failed" };

/** One repo id per line; blank lines, comments and duplicates are dropped. */
export function parseRepoList(text: string): string[] {
  const ids = text.split(/\r?\n/).map((line) => line.replace(/#.*$/, "").trim()).filter(Boolean);
  return [...new Set(ids)];
}

/** Paste one repo id or many; each is imported in turn, with its own progress and result. */
export function ImportForm() {
  const importModel = useImportModel();
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const update = (index: number, state: RowState) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, state } : row)));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ids = parseRepoList(String(form.get("repo_ids") ?? ""));
    const revision = String(form.get("revision") ?? "").trim() || undefined;
    if (ids.length === 0) return setError("Enter at least one Hub repo id, e.g. meta-llama/Llama-3.1-8B-Instruct");
    setError(null);
    setRows(ids.map((repoId) => ({ repoId, state: { status: "waiting" } })));
    setRunning(true);
    for (const [index, repoId] of ids.entries()) {
      update(index, { status: "importing" });
      try {
        const model = await importModel.mutateAsync({ repo_id: repoId, ...(revision ? { revision } : {}) });
        update(index, { status: "done", model });
      } catch (thrown) {
        update(index, { status: "failed", message: formErrors(thrown).message!, code: thrown instanceof ApiError ? thrown.code : "network" });
      }
    }
    setRunning(false);
  }

  const finished = rows.filter((row) => row.state.status === "done" || row.state.status === "failed").length;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {error ? <Alert>{error}</Alert> : null}
        <Field id="repo_ids" label="Hub repo ids" hint="One per line, e.g. Qwen/Qwen2.5-7B-Instruct. Hub URLs work too.">
          <Textarea id="repo_ids" name="repo_ids" rows={5} required spellCheck={false} autoComplete="off" placeholder={"meta-llama/Llama-3.1-8B-Instruct\nmistralai/Mixtral-8x7B-Instruct-v0.1"} />
        </Field>
        <div className="max-w-xs">
          <Field id="revision" label="Revision (optional)" hint="Branch, tag or commit; default main">
            <Input id="revision" name="revision" autoComplete="off" spellCheck={false} />
          </Field>
        </div>
        <Button type="submit" disabled={running}>{running ? `Importing ${Math.min(finished + 1, rows.length)} of ${rows.length}…` : "Import"}</Button>
      </form>
      {rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm" aria-label="Import results">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Repository</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium">Result</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((row) => (
                <tr key={row.repoId} data-repo={row.repoId}>
                  <td className="px-4 py-3 font-mono text-xs break-all">{row.repoId}</td>
                  <td className="px-4 py-3"><Badge tone={tones[row.state.status]}>{labels[row.state.status]}</Badge></td>
                  <td className="px-4 py-3"><RowResult state={row.state} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function RowResult({ state }: { state: RowState }) {
  if (state.status === "failed") return <span role="alert" className="text-red-700 dark:text-red-300">{state.message}</span>;
  if (state.status !== "done") return <span className="text-zinc-500">—</span>;
  const { model } = state;
  return (
    <span>
      <Link href={`/models/${model.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{model.name}</Link>
      <span className="text-zinc-600 dark:text-zinc-400">
        {" · "}{formatParameters(model.parameter_count)} params{model.context_length ? ` · ${formatContext(model.context_length)} context` : ""}{model.license_type ? ` · ${model.license_type}` : ""}
      </span>
    </span>
  );
}
