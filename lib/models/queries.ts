// The queries on models, through Prisma or (one hot read) the driver; nothing else touches the models table.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, directQuery } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { commercialUseSql } from "@/lib/licenses/queries";
import { findGpuType } from "@/lib/hardware/gpus";
import type { ListModelsQuery } from "./schema";

export const modelSelect = {
  id: true, name: true, description: true, provider: true, architecture: true, family: true,
  parameterCount: true, parametersExact: true, contextLength: true, licenseType: true,
  licenseRestrictions: true, licenseStatus: true, requirements: true, config: true, task: true,
  tags: true, source: true, scanStatus: true, createdAt: true, updatedAt: true,
} satisfies Prisma.ModelSelect;

export type ModelRow = Prisma.ModelGetPayload<{ select: typeof modelSelect }>;

// The same columns for raw SQL, aliased to the Prisma field names so one mapper serves both.
const modelColumns = Prisma.sql`id, name, description, provider::text AS provider, architecture,
  family, parameter_count AS "parameterCount", parameters_exact AS "parametersExact",
  context_length AS "contextLength", license_type AS "licenseType",
  license_restrictions AS "licenseRestrictions", license_status::text AS "licenseStatus",
  requirements, config, task, tags, source, scan_status::text AS "scanStatus",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const sortColumns: Record<Exclude<ListModelsQuery["sort"], undefined | "relevance">, Prisma.Sql> = {
  name: Prisma.sql`name`,
  parameter_count: Prisma.sql`parameter_count`,
  context_length: Prisma.sql`context_length`,
  created_at: Prisma.sql`created_at`,
  updated_at: Prisma.sql`updated_at`,
};

/** Words of a search, each matched as a prefix ("mistr" finds Mistral) or as an English stem. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
}

function tsQuery(words: string[]): Prisma.Sql {
  const parts = words.map(
    (word) => Prisma.sql`(to_tsquery('simple', ${word + ":*"}) || plainto_tsquery('english', ${word}))`,
  );
  return Prisma.join(parts, " && ");
}

export function listWhere(query: ListModelsQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const words = searchWords(query.q);
  if (words.length) conditions.push(Prisma.sql`search_vector @@ (${tsQuery(words)})`);
  if (query.provider) conditions.push(Prisma.sql`provider = ${query.provider}::"Provider"`);
  if (query.architecture) conditions.push(Prisma.sql`architecture = ${query.architecture}`);
  if (query.license_type) conditions.push(Prisma.sql`license_type = ${query.license_type}`);
  if (query.license_status) conditions.push(Prisma.sql`license_status = ${query.license_status}::"LicenseStatus"`);
  if (query.scan_status) conditions.push(Prisma.sql`scan_status = ${query.scan_status}::"ScanStatus"`);
  if (query.task) conditions.push(Prisma.sql`task = ${query.task}`);
  if (query.min_params !== undefined) conditions.push(Prisma.sql`parameter_count >= ${query.min_params}`);
  if (query.max_params !== undefined) conditions.push(Prisma.sql`parameter_count <= ${query.max_params}`);
  if (query.min_context !== undefined) conditions.push(Prisma.sql`context_length >= ${query.min_context}`);
  if (query.commercial_use !== undefined) {
    // From the license knowledge base, with the model's own restrictions overriding it.
    const allowed = commercialUseSql();
    conditions.push(query.commercial_use ? allowed : Prisma.sql`NOT coalesce(${allowed}, false)`);
  }
  if (query.fits_on !== undefined) {
    // min_gpu_memory_gb already leaves the engine's 10% headroom; requirements may be edited by
    // hand, so only a JSON number counts.
    const memoryGb = findGpuType(query.fits_on)?.memoryGb ?? 0;
    conditions.push(Prisma.sql`(CASE WHEN jsonb_typeof(requirements->'min_gpu_memory_gb') = 'number'
      THEN (requirements->>'min_gpu_memory_gb')::float8 END) <= ${memoryGb}`);
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** What a list is ordered by, most significant first; the id last makes every order total. */
function sortKeys(query: ListModelsQuery): { expr: Prisma.Sql; direction: Prisma.Sql }[] {
  const words = searchWords(query.q);
  const sort = query.sort ?? (words.length ? "relevance" : "name");
  const id = { expr: Prisma.sql`id`, direction: Prisma.sql`ASC` };
  if (sort === "relevance") {
    const name = { expr: Prisma.sql`name`, direction: Prisma.sql`ASC` };
    if (!words.length) return [name, id];
    const direction = query.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
    return [{ expr: Prisma.sql`ts_rank(search_vector, ${tsQuery(words)})`, direction }, name, id];
  }
  const order = query.order ?? (sort === "name" ? "asc" : "desc");
  const direction = order === "asc" ? Prisma.sql`ASC NULLS LAST` : Prisma.sql`DESC NULLS LAST`;
  return [{ expr: sortColumns[sort], direction }, id];
}

/**
 * One statement: the page's rows, each carrying the total of the filtered set. The matches are
 * collected as narrow rows (id and sort keys) that are counted and sorted in memory, and only the
 * page's rows are read whole: sorting every match's full row spilled to disk at 100,000 models.
 */
export function listModelsSql(query: ListModelsQuery): Prisma.Sql {
  const offset = (query.page - 1) * query.page_size;
  const keys = sortKeys(query);
  const keyColumns = Prisma.join(keys.map((key, i) => Prisma.sql`${key.expr} AS ${Prisma.raw(`k${i}`)}`));
  const orderBy = (table: string) =>
    Prisma.join(keys.map((key, i) => Prisma.sql`${Prisma.raw(`${table}.k${i}`)} ${key.direction}`));
  return Prisma.sql`WITH matches AS MATERIALIZED (SELECT ${keyColumns} FROM models ${listWhere(query)}),
    page AS (SELECT * FROM matches ORDER BY ${orderBy("matches")} LIMIT ${query.page_size} OFFSET ${offset})
    SELECT ${modelColumns}, (SELECT count(*) FROM matches) AS "total"
    FROM page JOIN models ON models.id = page.${Prisma.raw(`k${keys.length - 1}`)} ORDER BY ${orderBy("page")}`;
}

export async function findModels(query: ListModelsQuery): Promise<{ rows: ModelRow[]; total: number }> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<(ModelRow & { total: bigint })[]>(listModelsSql(query));
  if (rows.length) return { rows, total: Number(rows[0].total) };
  if (query.page === 1) return { rows, total: 0 };
  const [count] = await prisma.$queryRaw<{ total: bigint }[]>(
    Prisma.sql`SELECT count(*) AS total FROM models ${listWhere(query)}`,
  );
  return { rows, total: Number(count.total) };
}

/** The model imported from a Hub repository (repo ids are case-insensitive on the Hub). */
export async function findModelBySourceRepo(repoId: string, client?: DbClient): Promise<ModelRow | null> {
  const rows = await (client ?? (await db())).$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id FROM models WHERE provider = 'huggingface' AND lower(source->>'repo_id') = lower(${repoId}) LIMIT 1`,
  );
  return rows.length ? findModelById(rows[0].id, client) : null;
}

/** The statement that reads one model (the benchmark's baseline runs it too). */
export function modelByIdSql(id: string): Prisma.Sql {
  return Prisma.sql`SELECT ${modelColumns} FROM models WHERE id = ${id}::uuid`;
}

/** One model; outside a transaction straight through the driver (the API's most frequent read). */
export async function findModelById(id: string, client?: DbClient): Promise<ModelRow | null> {
  const sql = modelByIdSql(id);
  const [row] = client ? await client.$queryRaw<ModelRow[]>(sql) : await directQuery<ModelRow>(sql);
  return row ?? null;
}

export async function insertModel(client: DbClient, data: Prisma.ModelCreateInput): Promise<ModelRow> {
  return client.model.create({ data, select: modelSelect });
}

export async function updateModelById(client: DbClient, id: string, data: Prisma.ModelUpdateInput): Promise<ModelRow> {
  return client.model.update({ where: { id }, data, select: modelSelect });
}

export async function deleteModelById(client: DbClient, id: string): Promise<void> {
  await client.model.delete({ where: { id } });
}

export async function countModels(): Promise<{ total: number; byProvider: Record<string, number>; families: number }> {
  const prisma = await db();
  const [total, groups, families] = await Promise.all([
    prisma.model.count(),
    prisma.model.groupBy({ by: ["provider"], _count: { _all: true } }),
    prisma.model.findMany({ where: { family: { not: null } }, distinct: ["family"], select: { family: true } }),
  ]);
  return {
    total,
    byProvider: Object.fromEntries(groups.map((g) => [g.provider, g._count._all])),
    families: families.length,
  };
}

/** The distinct values the catalog's filter menus offer. */
export async function findFacetValues(): Promise<{ architectures: string[]; licenseTypes: string[]; tasks: string[] }> {
  const prisma = await db();
  const distinct = async (field: "architecture" | "licenseType" | "task") =>
    (await prisma.model.findMany({ where: { [field]: { not: null } }, distinct: [field], select: { [field]: true }, orderBy: { [field]: "asc" } }))
      .map((row) => (row as unknown as Record<string, string | null>)[field])
      .filter((value): value is string => value !== null);
  const [architectures, licenseTypes, tasks] = await Promise.all([distinct("architecture"), distinct("licenseType"), distinct("task")]);
  return { architectures, licenseTypes, tasks };
}
