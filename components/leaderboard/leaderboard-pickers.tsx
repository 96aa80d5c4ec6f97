"use client";
// The leaderboard's pickers. Every choice lives in the URL, so a view can be shared and the
// server renders it; each picker offers only what exists under the pickers before it.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Field, Select } from "@/components/ui/field";
import type { Bucket } from "@/lib/leaderboard/bucket";
import type { BucketChoice } from "@/lib/leaderboard/choice";
import { leaderboardMetrics, metricInfo } from "@/lib/leaderboard/metrics";

const workloadLabel = (key: string) => {
  const [input, output] = key.split(":");
  return `${input} in → ${output} out tokens`;
};

export function LeaderboardPickers({ bucket, options, metric, latency }: {
  bucket: Bucket | null;
  options: BucketChoice["options"];
  metric: string;
  latency: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    router.push(`${pathname}?${next}`, { scroll: false });
  };
  const workload = bucket ? `${bucket.input_tokens}:${bucket.output_tokens}` : "";
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6" role="group" aria-label="Bucket and metric">
      <Field id="pick-hardware" label="Hardware">
        <Select id="pick-hardware" value={bucket?.hardware_profile ?? ""} onChange={(e) => set({ hardware_profile: e.target.value })}>
          {options.hardware_profile.map((value) => <option key={value} value={value}>{value}</option>)}
        </Select>
      </Field>
      <Field id="pick-precision" label="Precision">
        <Select id="pick-precision" value={bucket?.precision ?? ""} onChange={(e) => set({ precision: e.target.value })}>
          {options.precision.map((value) => <option key={value} value={value}>{value}</option>)}
        </Select>
      </Field>
      <Field id="pick-workload" label="Workload">
        <Select id="pick-workload" value={workload} onChange={(e) => {
          const [input_tokens, output_tokens] = e.target.value.split(":");
          set({ input_tokens, output_tokens });
        }}>
          {options.workload.map((value) => <option key={value} value={value}>{workloadLabel(value)}</option>)}
        </Select>
      </Field>
      <Field id="pick-concurrency" label="Concurrency">
        <Select id="pick-concurrency" value={bucket ? String(bucket.concurrency) : ""} onChange={(e) => set({ concurrency: e.target.value })}>
          {options.concurrency.map((value) => <option key={value} value={value}>{value} concurrent</option>)}
        </Select>
      </Field>
      <Field id="pick-metric" label="Rank by">
        <Select id="pick-metric" value={metric} onChange={(e) => set({ metric: e.target.value })}>
          {leaderboardMetrics.map((value) => <option key={value} value={value}>{metricInfo[value].label}</option>)}
        </Select>
      </Field>
      <Field id="pick-latency" label="Chart latency">
        <Select id="pick-latency" value={latency} onChange={(e) => set({ latency: e.target.value })}>
          <option value="ttft_p50_ms">TTFT p50</option>
          <option value="ttft_p99_ms">TTFT p99</option>
        </Select>
      </Field>
    </div>
  );
}
