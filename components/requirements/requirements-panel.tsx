"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Facts } from "@/components/ui/facts";
import { Field, Select } from "@/components/ui/field";
import { useRequirements } from "@/lib/client/huggingface";
import { formatContext, formatInteger } from "@/lib/format";
import { kvCacheDtypes, precisions } from "@/lib/requirements/calculator";
import type { RequirementsDto } from "@/lib/requirements/schema";

const CONCURRENCY = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const DEFAULT_CONTEXT = 8192;

function cardsLabel(cards: number | null): string {
  if (cards === null) return "—";
  return cards === 1 ? "1 GPU" : `${cards} GPUs`;
}

function cellTone(cards: number | null): string {
  if (cards === 1) return "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300";
  if (cards !== null && cards <= 8) return "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300";
  return "bg-zinc-50 text-zinc-500 dark:bg-zinc-800/50 dark:text-zinc-400";
}

/**
 * What serving the model takes: precision, KV cache and concurrency controls, the memory
 * breakdown at the chosen context, and a table of GPU types against context lengths (4K to the
 * model's maximum) showing how many cards each needs.
 */
export function RequirementsPanel({ modelId, maxContext }: { modelId: string; maxContext: number | null }) {
  const [precision, setPrecision] = useState<string>("bf16");
  const [kvCacheDtype, setKvCacheDtype] = useState<string>("bf16");
  const [concurrency, setConcurrency] = useState(1);
  const [context, setContext] = useState(Math.min(DEFAULT_CONTEXT, maxContext ?? DEFAULT_CONTEXT));
  const query = useRequirements(modelId, { precision, kv_cache_dtype: kvCacheDtype, concurrency, context_length: context });
  const data = query.data;

  return (
    <div className="space-y-5" aria-busy={query.isFetching}>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field id="req-precision" label="Precision">
          <Select id="req-precision" value={precision} onChange={(e) => setPrecision(e.target.value)}>
            {precisions.map((p) => <option key={p} value={p}>{p}</option>)}
          </Select>
        </Field>
        <Field id="req-context" label="Context (breakdown)">
          <Select id="req-context" value={context} onChange={(e) => setContext(Number(e.target.value))}>
            {(data?.context_grid.map((row) => row.context_length) ?? [context]).map((tokens) => (
              <option key={tokens} value={tokens}>{formatContext(tokens)} tokens</option>
            ))}
          </Select>
        </Field>
        <Field id="req-concurrency" label="Concurrent sequences">
          <Select id="req-concurrency" value={concurrency} onChange={(e) => setConcurrency(Number(e.target.value))}>
            {CONCURRENCY.map((n) => <option key={n} value={n}>{n}</option>)}
          </Select>
        </Field>
        <Field id="req-kv" label="KV cache">
          <Select id="req-kv" value={kvCacheDtype} onChange={(e) => setKvCacheDtype(e.target.value)}>
            {kvCacheDtypes.map((d) => <option key={d} value={d}>{d}</option>)}
          </Select>
        </Field>
      </div>
      {query.error ? <Alert>{query.error.message}</Alert> : null}
      {!data ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{query.isPending ? "Working out the requirements…" : null}</p>
      ) : data.memory === null ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{data.notes.join(" ")}</p>
      ) : (
        <>
          <Breakdown data={data} />
          <FitTable data={data} />
          {data.notes.length ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{data.notes.join(" ")}</p> : null}
        </>
      )}
    </div>
  );
}

function Breakdown({ data }: { data: RequirementsDto }) {
  const memory = data.memory!;
  const source = data.parameters_source === "exact" ? "exact" : data.parameters_source === "estimated" ? "estimated" : "as registered";
  return (
    <Facts
      items={[
        ["Parameters", `${formatInteger(data.parameters)} (${source})`],
        [`Weights (${data.precision})`, `${memory.weights_gb} GB`],
        ["KV cache per token", data.kv_cache_bytes_per_token ? `${formatInteger(data.kv_cache_bytes_per_token)} bytes (${data.kv_cache_dtype})` : "—"],
        [`KV cache (${formatContext(data.context_length)} × ${data.concurrency})`, memory.kv_cache_gb === null ? "—" : `${memory.kv_cache_gb} GB`],
        ["Total with 1 GB overhead", `${memory.total_gb} GB`],
        ["Smallest single GPU", `${memory.min_gpu_memory_gb} GB`],
      ]}
    />
  );
}

function FitTable({ data }: { data: RequirementsDto }) {
  const contexts = data.context_grid.map((row) => row.context_length);
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-3 text-left text-xs text-zinc-500 dark:text-zinc-400">
          GPUs needed (tensor parallel) at {data.precision}, {data.concurrency} concurrent sequence{data.concurrency === 1 ? "" : "s"}; a card is used to {Math.round(data.gpu_memory_utilization * 100)}%.
        </caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">GPU</th>
            {contexts.map((tokens) => <th key={tokens} scope="col" className="px-3 py-2 text-center font-medium">{formatContext(tokens)}</th>)}
            <th scope="col" className="px-4 py-2 text-right font-medium">Longest context, 1 GPU</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {data.hardware.map((gpu) => (
            <tr key={gpu.gpu_type}>
              <th scope="row" className="px-4 py-2 font-medium whitespace-nowrap">{gpu.name}</th>
              {data.context_grid.map((row) => {
                const cards = row.cards_needed[gpu.gpu_type] ?? null;
                return (
                  <td key={row.context_length} className="px-1 py-1 text-center">
                    <span className={cn("block rounded px-2 py-1 text-xs font-medium tabular-nums whitespace-nowrap", cellTone(cards))}>{cardsLabel(cards)}</span>
                  </td>
                );
              })}
              <td className="px-4 py-2 text-right tabular-nums">
                {gpu.max_context_one_card === null ? "—" : gpu.max_context_one_card === 0 ? "does not fit" : `${formatInteger(gpu.max_context_one_card)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
