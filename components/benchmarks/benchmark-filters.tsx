import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { benchmarkSources, precisions } from "@/lib/benchmarks/schema";

type Values = Record<string, string | undefined>;

/** The benchmark list's filters: a plain GET form, so every view is a shareable URL. */
export function BenchmarkFilters({ values, profiles }: { values: Values; profiles: string[] }) {
  const options = (list: readonly string[]) => [<option key="" value="">Any</option>, ...list.map((v) => <option key={v} value={v}>{v.replaceAll("_", " ")}</option>)];
  return (
    <form method="get" action="/benchmarks" aria-label="Filter benchmarks" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      {values.model_id ? <input type="hidden" name="model_id" value={values.model_id} /> : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8">
        <Field id="hardware_profile" label="Hardware">
          <Select id="hardware_profile" name="hardware_profile" defaultValue={values.hardware_profile ?? ""}>{options(profiles)}</Select>
        </Field>
        <Field id="precision" label="Precision">
          <Select id="precision" name="precision" defaultValue={values.precision ?? ""}>{options(precisions)}</Select>
        </Field>
        <Field id="engine" label="Engine"><Input id="engine" name="engine" defaultValue={values.engine} placeholder="vllm" /></Field>
        <Field id="input_tokens" label="Input tokens"><Input id="input_tokens" name="input_tokens" type="number" min={1} defaultValue={values.input_tokens} /></Field>
        <Field id="output_tokens" label="Output tokens"><Input id="output_tokens" name="output_tokens" type="number" min={1} defaultValue={values.output_tokens} /></Field>
        <Field id="concurrency" label="Concurrency"><Input id="concurrency" name="concurrency" type="number" min={1} defaultValue={values.concurrency} /></Field>
        <Field id="source" label="Source">
          <Select id="source" name="source" defaultValue={values.source ?? ""}>{options(benchmarkSources)}</Select>
        </Field>
        <Field id="demo" label="Demo data">
          <Select id="demo" name="demo" defaultValue={values.demo ?? ""}>
            <option value="">Any</option>
            <option value="false">Measurements only</option>
            <option value="true">Demo only</option>
          </Select>
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <ButtonLink href="/benchmarks" variant="ghost">Clear</ButtonLink>
      </div>
    </form>
  );
}
