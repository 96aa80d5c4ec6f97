// Prisma calls for licenses, policies, per-model reviews, detections and the license history.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { LicenseStatus, Policy } from "./rules";

export const licenseSelect = {
  id: true, name: true, link: true, category: true, suitability: true, summary: true, aliases: true,
  commercialUse: true, attribution: true, redistribution: true, modification: true, nonCommercialOnly: true,
  mauLimit: true, namingRequirement: true, acceptableUsePolicy: true, regionRestrictions: true,
  passThroughRestrictions: true, useRestrictions: true, copyleft: true, termNotes: true, notes: true,
  policy: { select: { policy: true, conditions: true, notes: true, setByLabel: true, setAt: true } },
} satisfies Prisma.LicenseSelect;

export type LicenseRow = Prisma.LicenseGetPayload<{ select: typeof licenseSelect }>;
export type PolicyRow = NonNullable<LicenseRow["policy"]>;

/** SQL: the license ids (and aliases) a lower-cased license_type may match, for one license. */
const keysOf = (row: { id: string; aliases: string[] }) => [row.id, ...row.aliases];

export async function findLicenses(client?: DbClient): Promise<LicenseRow[]> {
  return (client ?? (await db())).license.findMany({ select: licenseSelect, orderBy: { id: "asc" } });
}

/** The license a model's license_type names: by id or alias, case-insensitively. */
export async function findLicenseByType(licenseType: string | null | undefined, client?: DbClient): Promise<LicenseRow | null> {
  if (!licenseType) return null;
  const key = licenseType.trim().toLowerCase();
  const prisma = client ?? (await db());
  return (
    (await prisma.license.findUnique({ where: { id: key }, select: licenseSelect })) ??
    (await prisma.license.findFirst({ where: { aliases: { has: key } }, select: licenseSelect }))
  );
}

export async function findLicenseById(id: string, client?: DbClient): Promise<LicenseRow | null> {
  return (client ?? (await db())).license.findUnique({ where: { id }, select: licenseSelect });
}

/** Models per license and status: {license id: {status: count}}, matching ids and aliases. */
export async function countModelsByLicense(): Promise<Map<string, Record<LicenseStatus, number>>> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: string; status: LicenseStatus; count: bigint }[]>(Prisma.sql`
    SELECT l.id, m.license_status::text AS status, count(*) AS count
      FROM models m JOIN licenses l ON lower(m.license_type) = l.id OR lower(m.license_type) = ANY(l.aliases)
     GROUP BY l.id, m.license_status`);
  const counts = new Map<string, Record<LicenseStatus, number>>();
  for (const row of rows) {
    const entry = counts.get(row.id) ?? { pending: 0, approved: 0, approved_with_conditions: 0, rejected: 0 };
    entry[row.status] = Number(row.count);
    counts.set(row.id, entry);
  }
  return counts;
}

/**
 * The catalog's commercial_use filter: the model's license allows commercial use (from the
 * licenses table) unless its own restrictions say otherwise, as applyRestrictions (rules.ts) does.
 */
export function commercialUseSql(): Prisma.Sql {
  return Prisma.sql`(CASE WHEN jsonb_typeof(license_restrictions->'commercial_use') = 'boolean'
      THEN (license_restrictions->>'commercial_use')::boolean
      ELSE lower(license_type) IN (SELECT k FROM licenses l, unnest(array_append(l.aliases, l.id)) k WHERE l.commercial_use)
        AND NOT (coalesce(license_restrictions->>'non_commercial_only', '') = 'true'
              OR coalesce(license_restrictions->>'non_commercial', '') = 'true'
              OR coalesce(license_restrictions->>'research_only', '') = 'true')
    END)`;
}

export async function findModelLicenseState(modelId: string, client?: DbClient) {
  return (client ?? (await db())).model.findUnique({
    where: { id: modelId },
    select: {
      id: true, name: true, licenseType: true, licenseRestrictions: true, licenseStatus: true,
      licenseReview: { select: { licenseType: true, decision: true, conditions: true, notes: true, reviewerLabel: true, decidedAt: true } },
      licenseDetection: { select: { licenseType: true, method: true, confidence: true, candidates: true, detectedAt: true } },
    },
  });
}

export type ModelLicenseState = NonNullable<Awaited<ReturnType<typeof findModelLicenseState>>>;

export async function findLicenseEvents(where: Prisma.LicenseEventWhereInput, take: number, client?: DbClient) {
  return (client ?? (await db())).licenseEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take });
}

export type LicenseEventRow = Awaited<ReturnType<typeof findLicenseEvents>>[number];

export async function insertLicenseEvent(client: DbClient, data: Prisma.LicenseEventUncheckedCreateInput): Promise<void> {
  await client.licenseEvent.create({ data });
}

/**
 * Applies a license's standing policy to every model under it that has no decision of its own
 * (a decision counts only for the license it was made for), and records each change in the
 * history. Returns how many models changed status.
 */
export async function applyPolicyToModels(
  client: DbClient,
  license: { id: string; aliases: string[] },
  change: { status: LicenseStatus; policy: Policy; conditions: string | null; notes: string | null; actorId: string | null; actorLabel: string },
): Promise<number> {
  const rows = await client.$queryRaw<{ count: bigint }[]>(Prisma.sql`
    WITH targets AS (
      SELECT m.id, m.license_status AS before FROM models m
       WHERE lower(m.license_type) = ANY(${keysOf(license)}::text[])
         AND m.license_status <> ${change.status}::"LicenseStatus"
         AND NOT EXISTS (SELECT 1 FROM model_license_reviews r WHERE r.model_id = m.id AND r.license_type IS NOT DISTINCT FROM m.license_type)
       FOR UPDATE OF m
    ), changed AS (
      UPDATE models m SET license_status = ${change.status}::"LicenseStatus" FROM targets t WHERE m.id = t.id
      RETURNING m.id, m.license_type, t.before
    ), events AS (
      INSERT INTO license_events (id, kind, model_id, license_type, status_before, status_after, decision, conditions, notes, actor_id, actor_label)
      SELECT gen_random_uuid(), 'policy_applied', c.id, c.license_type, c.before, ${change.status}::"LicenseStatus",
             ${change.policy}, ${change.conditions}, ${change.notes}, ${change.actorId}::uuid, ${change.actorLabel}
        FROM changed c
      RETURNING 1
    )
    SELECT count(*) AS count FROM events`);
  return Number(rows[0]?.count ?? 0);
}

export interface LicensedModelRow {
  id: string;
  name: string;
  licenseType: string | null;
  licenseStatus: LicenseStatus;
  provider: string;
  createdAt: Date;
  decided: boolean;
}

/** The models under a license (ids and aliases), newest first. */
export async function findModelsUnderLicense(license: { id: string; aliases: string[] }, page: number, pageSize: number) {
  const prisma = await db();
  const rows = await prisma.$queryRaw<(LicensedModelRow & { total: bigint })[]>(Prisma.sql`
    SELECT m.id, m.name, m.license_type AS "licenseType", m.license_status::text AS "licenseStatus",
           m.provider::text AS provider, m.created_at AS "createdAt",
           EXISTS (SELECT 1 FROM model_license_reviews r WHERE r.model_id = m.id AND r.license_type IS NOT DISTINCT FROM m.license_type) AS decided,
           count(*) OVER () AS total
      FROM models m WHERE lower(m.license_type) = ANY(${keysOf(license)}::text[])
     ORDER BY m.name ASC, m.id ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return { rows, total: rows.length ? Number(rows[0].total) : 0 };
}

export interface QueueRow extends LicensedModelRow {
  description: string;
  restrictions: Record<string, unknown>;
  licenseId: string | null;
}

const statusOrder = Prisma.sql`CASE m.license_status WHEN 'pending' THEN 0 WHEN 'approved_with_conditions' THEN 1 WHEN 'rejected' THEN 2 ELSE 3 END`;

/** The review queue: pending first, then the decided ones; oldest first within each. */
export async function findReviewQueue(filter: { status?: LicenseStatus; q?: string }, page: number, pageSize: number) {
  const prisma = await db();
  const conditions = [
    ...(filter.status ? [Prisma.sql`m.license_status = ${filter.status}::"LicenseStatus"`] : []),
    ...(filter.q ? [Prisma.sql`(m.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, "\\$&")}%`} OR m.license_type ILIKE ${filter.q})`] : []),
  ];
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await prisma.$queryRaw<(QueueRow & { total: bigint })[]>(Prisma.sql`
    SELECT m.id, m.name, m.description, m.license_type AS "licenseType", m.license_status::text AS "licenseStatus",
           m.provider::text AS provider, m.created_at AS "createdAt", m.license_restrictions AS restrictions,
           (SELECT l.id FROM licenses l WHERE lower(m.license_type) = l.id OR lower(m.license_type) = ANY(l.aliases) LIMIT 1) AS "licenseId",
           EXISTS (SELECT 1 FROM model_license_reviews r WHERE r.model_id = m.id AND r.license_type IS NOT DISTINCT FROM m.license_type) AS decided,
           count(*) OVER () AS total
      FROM models m ${where}
     ORDER BY ${statusOrder}, m.created_at ASC, m.id ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return { rows, total: rows.length ? Number(rows[0].total) : 0 };
}

export async function countModelsByStatus(): Promise<Record<LicenseStatus, number>> {
  const prisma = await db();
  const groups = await prisma.model.groupBy({ by: ["licenseStatus"], _count: { _all: true } });
  const counts: Record<LicenseStatus, number> = { pending: 0, approved: 0, approved_with_conditions: 0, rejected: 0 };
  for (const group of groups) counts[group.licenseStatus] = group._count._all;
  return counts;
}
