// Catalog list answers, reused while the catalog is unchanged. Every statement that writes models
// or licenses bumps catalog_version in the writer's own transaction (a trigger), so an answer read
// at version v is right for as long as v is current, in this process and in every other one
// (workers, other servers). A search over 100,000 models costs tens of milliseconds; reading the
// version costs one primary-key lookup.
import { directQuery } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { processWide } from "@/lib/process-wide";

type Entry = { version: bigint; answer: Promise<unknown> };
const answers = processWide("catalog list answers", () => new Map<string, Entry>());

const versionSql = Prisma.sql`SELECT version FROM catalog_version WHERE id = 1`;

async function currentVersion(): Promise<bigint> {
  const [row] = await directQuery<{ version: bigint }>(versionSql);
  return row?.version ?? -1n;
}

/** `read()`'s answer for `key`, from the cache when the catalog has not changed since it was read. */
export async function cachedCatalogAnswer<T>(key: string, read: () => Promise<T>): Promise<T> {
  if (env.CATALOG_CACHE_SIZE === 0) return read();
  // The version is read before the answer, so an answer is never older than the version it is
  // kept under (it may be newer, which only costs a re-read).
  const version = await currentVersion();
  const cached = answers.get(key);
  if (cached && cached.version === version) return cached.answer as Promise<T>;
  const answer = read();
  // Concurrent requests for the same answer share one read; a failed read is not kept.
  answers.delete(key);
  answers.set(key, { version, answer });
  answer.catch(() => answers.get(key)?.answer === answer && answers.delete(key));
  // Maps keep insertion order: the first key is the least recently read.
  if (answers.size > env.CATALOG_CACHE_SIZE) answers.delete(answers.keys().next().value!);
  return answer;
}
