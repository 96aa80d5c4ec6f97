// The leaderboard refresh: one aggregate over every benchmark keeps, per bucket and model, the
// best value of each ranked metric, written as a new generation of leaderboard_entries, which
// replaces the last in the same transaction (readers see the old leaderboard until it commits,
// never a half-built one). Which result holds each best (the earlier on a tie) is looked
// up when a bucket is read (queries.ts), among that bucket's few thousand rows, so the refresh
// itself is that single aggregate and its writes.
import type { DbClient } from "@/lib/db/client";

// Serialises refreshes (a scheduled one and an admin's) on every database and process.
const REFRESH_LOCK_KEY = 840_721_050;

// Each ranked metric's column, the same name in benchmarks and leaderboard_entries. Per-GPU
// throughput and cost per token rank like output throughput within a bucket (one machine, one
// price), so they need no columns of their own.
export const bestColumns: { column: string; best: "max" | "min" }[] = [
  { column: "output_throughput_tps", best: "max" },
  { column: "request_throughput_rps", best: "max" },
  { column: "ttft_p50_ms", best: "min" },
  { column: "ttft_p99_ms", best: "min" },
  { column: "tpot_p50_ms", best: "min" },
  { column: "itl_p50_ms", best: "min" },
  { column: "e2e_p99_ms", best: "min" },
];

const bucketColumns = "hardware_profile_id, precision, input_tokens, output_tokens, concurrency";

/**
 * The single aggregate that computes the leaderboard's contents: the floor of a refresh's work,
 * which bench:leaderboard times on its own.
 */
export function floorSql(): string {
  const aggregates = bestColumns.map(({ column, best }) => `${best}(${column})`);
  return `SELECT ${bucketColumns}, model_id, ${aggregates.join(", ")} FROM benchmarks GROUP BY ${bucketColumns}, model_id`;
}

const entryColumns = `generation, ${bucketColumns}, model_id, ${bestColumns.map((b) => b.column).join(", ")}`;

/** The generation readers use: the newest (an index lookup on the key's first column). */
export const currentGenerationSql = "(SELECT max(generation) FROM leaderboard_entries)";

/**
 * Rebuilds the leaderboard inside `tx`; returns how many entries and buckets it now holds. The new
 * generation is written to a fresh table, indexed once it is full, and put in the old one's place:
 * filling an indexed table and deleting the old generation from it cost as much again as the
 * aggregate itself. Readers keep the old table until the swap; one that asks during the swap's
 * last milliseconds waits for the commit and then reads the new table.
 */
export async function rebuildLeaderboard(tx: DbClient): Promise<{ entries: number; buckets: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`;
  // The aggregate keeps a state per (bucket, model): let it stay in memory rather than spill.
  await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
  const [{ next }] = await tx.$queryRawUnsafe<{ next: number }[]>(`SELECT coalesce(max(generation), 0) + 1 AS next FROM leaderboard_entries`);
  await tx.$executeRawUnsafe(`CREATE UNLOGGED TABLE leaderboard_entries_next (LIKE leaderboard_entries INCLUDING DEFAULTS)`);
  const entries = await tx.$executeRawUnsafe(
    `INSERT INTO leaderboard_entries_next (${entryColumns}) SELECT $1::int, best.* FROM (${floorSql()}) best`,
    next,
  );
  // The same key as the migration's (prisma/schema/benchmarks.prisma), under its final name below.
  await tx.$executeRawUnsafe(`ALTER TABLE leaderboard_entries_next ADD CONSTRAINT leaderboard_entries_next_pkey
    PRIMARY KEY (generation, ${bucketColumns}, model_id)`);
  await tx.$executeRawUnsafe(`DROP TABLE leaderboard_entries`);
  await tx.$executeRawUnsafe(`ALTER TABLE leaderboard_entries_next RENAME TO leaderboard_entries`);
  await tx.$executeRawUnsafe(`ALTER INDEX leaderboard_entries_next_pkey RENAME TO leaderboard_entries_pkey`);
  await tx.$executeRawUnsafe(`DELETE FROM leaderboard_buckets`);
  const buckets = await tx.$executeRawUnsafe(
    `INSERT INTO leaderboard_buckets (${bucketColumns}, models)
       SELECT ${bucketColumns}, count(*) FROM leaderboard_entries GROUP BY ${bucketColumns}`,
  );
  return { entries, buckets };
}

export async function recordRefresh(
  tx: DbClient,
  refresh: { trigger: "schedule" | "manual" | "startup"; startedAt: Date; entries: number; buckets: number },
): Promise<Date> {
  const finishedAt = new Date();
  await tx.leaderboardRefresh.create({
    data: {
      trigger: refresh.trigger,
      startedAt: refresh.startedAt,
      finishedAt,
      durationMs: finishedAt.getTime() - refresh.startedAt.getTime(),
      entries: refresh.entries,
      buckets: refresh.buckets,
    },
  });
  return finishedAt;
}

