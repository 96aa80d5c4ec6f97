// Which bucket the leaderboard page shows for the pickers in its URL, and which choices each
// picker offers: a bucket is picked field by field (hardware, precision, workload, concurrency),
// each picker offering only what exists under the choices above it. A wanted value that does not
// exist there gives way to the fullest bucket's, and the page says so.
import type { Bucket } from "./bucket";

export interface BucketSummary extends Bucket {
  models: number;
}

export interface BucketChoice {
  bucket: Bucket | null;
  /** The fields asked for in the URL that had to give way. */
  relaxed: (keyof Bucket)[];
  options: { hardware_profile: string[]; precision: string[]; workload: string[]; concurrency: number[] };
}

export const workloadKey = (bucket: Pick<Bucket, "input_tokens" | "output_tokens">) => `${bucket.input_tokens}:${bucket.output_tokens}`;

export function parseWorkload(value: string | undefined): Pick<Bucket, "input_tokens" | "output_tokens"> | null {
  const match = /^(\d+):(\d+)$/.exec(value ?? "");
  return match ? { input_tokens: Number(match[1]), output_tokens: Number(match[2]) } : null;
}

const distinct = <T,>(values: T[]) => [...new Set(values)];

/** `buckets` fullest first (as the leaderboard lists them). */
export function chooseBucket(buckets: BucketSummary[], wanted: Partial<Bucket>): BucketChoice {
  const relaxed: (keyof Bucket)[] = [];
  let candidates = buckets;
  const narrow = <V,>(read: (b: BucketSummary) => V, want: V | undefined, fields: (keyof Bucket)[]) => {
    const values = distinct(candidates.map(read));
    const chosen = want !== undefined && values.includes(want) ? want : values[0];
    if (want !== undefined && chosen !== want) relaxed.push(...fields);
    candidates = candidates.filter((b) => read(b) === chosen);
    return values;
  };
  const wantedWorkload = wanted.input_tokens && wanted.output_tokens ? workloadKey(wanted as Bucket) : undefined;
  const options = {
    hardware_profile: narrow((b) => b.hardware_profile, wanted.hardware_profile, ["hardware_profile"]),
    precision: narrow((b) => b.precision, wanted.precision, ["precision"]),
    workload: narrow((b) => workloadKey(b), wantedWorkload, ["input_tokens", "output_tokens"]),
    concurrency: narrow((b) => b.concurrency, wanted.concurrency, ["concurrency"]).sort((x, y) => x - y),
  };
  const [first] = candidates;
  const bucket = first
    ? { hardware_profile: first.hardware_profile, precision: first.precision, input_tokens: first.input_tokens, output_tokens: first.output_tokens, concurrency: first.concurrency }
    : null;
  return { bucket, relaxed, options: { ...options, hardware_profile: options.hardware_profile.sort(), precision: options.precision.sort() } };
}
