"use client";
// Run a benchmark: the workload to send, the endpoint to send it to; then live progress.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { precisions } from "@/lib/benchmarks/schema";
import { formErrors } from "@/lib/client/api";
import { useStartRun } from "@/lib/client/benchmarks";
import { ModelPicker } from "./model-picker";
import { RunProgress } from "./run-progress";

type Profile = { id: string; name: string };

const numbers = ["concurrency", "num_requests", "input_tokens", "output_tokens"] as const;

export function RunForm({ model, profiles, allowedHosts }: { model: { id: string; name: string } | null; profiles: Profile[]; allowedHosts: string[] }) {
  const [modelId, setModelId] = useState(model?.id ?? "");
  const [runId, setRunId] = useState<string | null>(null);
  const start = useStartRun();
  const failure = formErrors(start.error);
  const fieldError = (name: string) => failure.fields[name];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body: Record<string, string | number | boolean | null> = {
      model_id: modelId,
      hardware_profile: text("hardware_profile"),
      endpoint_url: text("endpoint_url"),
      engine: text("engine"),
      precision: text("precision"),
      ignore_eos: form.get("ignore_eos") === "on",
      ...Object.fromEntries(numbers.map((name) => [name, Number(text(name))])),
    };
    if (text("served_model")) body.served_model = text("served_model");
    if (text("engine_version")) body.engine_version = text("engine_version");
    if (text("api_key")) body.api_key = text("api_key");
    start.mutate(body, { onSuccess: (run) => setRunId(run.id) });
  };

  return (
    <div className="space-y-6">
      {allowedHosts.length === 0 ? (
        <Alert tone="info">The runner is not enabled on this server: an operator lists the hosts it may call in BENCHMARK_ALLOWED_HOSTS.</Alert>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">The runner may call: {allowedHosts.join(", ")}.</p>
      )}
      <form onSubmit={submit} className="space-y-5" aria-label="Run a benchmark">
        {model ? (
          <p className="text-sm">Model: <span className="font-medium">{model.name}</span></p>
        ) : (
          <ModelPicker value={modelId} onChange={setModelId} error={fieldError("model_id")} />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="endpoint_url" label="Chat completions endpoint" hint="OpenAI-compatible and streaming, e.g. http://vllm.internal:8000/v1/chat/completions" error={fieldError("endpoint_url")}>
            <Input id="endpoint_url" name="endpoint_url" type="url" required placeholder="http://host:8000/v1/chat/completions" />
          </Field>
          <Field id="api_key" label="API key (optional)" hint="Sent to the endpoint only, as a bearer token; never shown again" error={fieldError("api_key")}>
            <Input id="api_key" name="api_key" type="password" autoComplete="off" spellCheck={false} />
          </Field>
          <Field id="served_model" label="Served model name" hint="The `model` each request names; the model's name when empty" error={fieldError("served_model")}>
            <Input id="served_model" name="served_model" />
          </Field>
          <Field id="hardware_profile" label="Hardware it runs on" error={fieldError("hardware_profile")}>
            <Select id="hardware_profile" name="hardware_profile" required defaultValue="">
              <option value="" disabled>Choose a hardware profile</option>
              {profiles.map((profile) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
            </Select>
          </Field>
          <Field id="precision" label="Precision" error={fieldError("precision")}>
            <Select id="precision" name="precision" defaultValue="bf16">{precisions.map((p) => <option key={p} value={p}>{p}</option>)}</Select>
          </Field>
          <Field id="engine" label="Engine" error={fieldError("engine")}><Input id="engine" name="engine" defaultValue="vllm" required /></Field>
          <Field id="engine_version" label="Engine version" error={fieldError("engine_version")}><Input id="engine_version" name="engine_version" /></Field>
        </div>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Field id="concurrency" label="Concurrency" error={fieldError("concurrency")}><Input id="concurrency" name="concurrency" type="number" min={1} max={256} defaultValue={8} /></Field>
          <Field id="num_requests" label="Requests" error={fieldError("num_requests")}><Input id="num_requests" name="num_requests" type="number" min={1} max={10000} defaultValue={64} /></Field>
          <Field id="input_tokens" label="Input tokens" error={fieldError("input_tokens")}><Input id="input_tokens" name="input_tokens" type="number" min={1} defaultValue={1024} /></Field>
          <Field id="output_tokens" label="Output tokens" error={fieldError("output_tokens")}><Input id="output_tokens" name="output_tokens" type="number" min={1} defaultValue={256} /></Field>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="ignore_eos" defaultChecked /> Ask the server to generate exactly the requested length (vLLM and SGLang ignore_eos)
        </label>
        {failure.message ? <Alert>{failure.message}</Alert> : null}
        <Button type="submit" disabled={start.isPending || (runId !== null && !start.isError)}>{start.isPending ? "Queueing…" : "Run benchmark"}</Button>
      </form>
      {runId ? <RunProgress runId={runId} /> : null}
    </div>
  );
}
