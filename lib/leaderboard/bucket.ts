// A bucket: the workload and hardware that make benchmarks comparable (domain.md). Results are
// only ever ranked against others in the same bucket.

export interface Bucket {
  hardware_profile: string;
  precision: string;
  input_tokens: number;
  output_tokens: number;
  concurrency: number;
}

export function bucketKey(bucket: Bucket): string {
  return [bucket.hardware_profile, bucket.precision, bucket.input_tokens, bucket.output_tokens, bucket.concurrency].join("|");
}

export function sameBucket(a: Bucket, b: Bucket): boolean {
  return bucketKey(a) === bucketKey(b);
}

/** "h100-80gb-x1 · bf16 · 1024→256 tokens · 16 concurrent" */
export function describeBucket(bucket: Bucket): string {
  return `${bucket.hardware_profile} · ${bucket.precision} · ${bucket.input_tokens}→${bucket.output_tokens} tokens · ${bucket.concurrency} concurrent`;
}
