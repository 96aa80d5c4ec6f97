// Reading the knowledge base: the license list, one license's models and history, and the
// admins' review queue.
import { toPage } from "@/lib/http/pagination";
import { licenseCatalog } from "./catalog";
import { toLicenseDto } from "./mappers";
import {
  countModelsByLicense, countModelsByStatus, findLicenseById, findLicenseEvents, findLicenses, findModelsUnderLicense,
  findReviewQueue, type LicenseRow,
} from "./queries";
import { applyRestrictions, type LicenseStatus } from "./rules";
import type { LicenseDto, ListLicensesQuery } from "./schema";
import { toEventDto } from "./service";
import { notFound } from "@/lib/http/errors";

const suitabilityRank = { most: 0, good: 1, low: 2, worst: 3 } as const;

export async function listLicenses(query: ListLicensesQuery) {
  const [rows, counts] = await Promise.all([findLicenses(), countModelsByLicense()]);
  const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  let licenses = rows.map((row) => toLicenseDto(row, counts.get(row.id))).filter((license) => {
    if (query.category && license.category !== query.category) return false;
    if (query.suitability && license.suitability !== query.suitability) return false;
    if (query.commercial_use !== undefined && license.terms.commercial_use !== query.commercial_use) return false;
    if (query.policy && (license.policy?.policy ?? "none") !== query.policy) return false;
    const haystack = `${license.id} ${license.name} ${license.aliases.join(" ")} ${license.summary}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const sort = query.sort ?? "id";
  const compare: Record<typeof sort, (a: LicenseDto, b: LicenseDto) => number> = {
    id: (a, b) => a.id.localeCompare(b.id),
    name: (a, b) => a.name.localeCompare(b.name),
    suitability: (a, b) => suitabilityRank[a.suitability] - suitabilityRank[b.suitability] || a.id.localeCompare(b.id),
    models: (a, b) => b.model_counts.total - a.model_counts.total || a.id.localeCompare(b.id),
  };
  licenses = licenses.sort(compare[sort]);
  if (query.order === "desc") licenses.reverse();
  const start = (query.page - 1) * query.page_size;
  return toPage(licenses.slice(start, start + query.page_size), licenses.length, query.page, query.page_size);
}

async function licenseRowOrThrow(id: string): Promise<LicenseRow> {
  const row = await findLicenseById(id.toLowerCase());
  if (!row) throw notFound("License");
  return row;
}

export async function listLicenseModels(id: string, page = 1, pageSize = 50) {
  const row = await licenseRowOrThrow(id);
  const { rows, total } = await findModelsUnderLicense(row, page, pageSize);
  return toPage(rows.map(({ id, name, licenseType, licenseStatus, provider, createdAt, decided }) => ({
    id, name, license_type: licenseType, license_status: licenseStatus, provider, created_at: new Date(createdAt).toISOString(), own_decision: decided,
  })), total, page, pageSize);
}

/** The policy changes of a license, newest first. */
export async function listLicensePolicyHistory(id: string, take = 20) {
  const row = await licenseRowOrThrow(id);
  return (await findLicenseEvents({ licenseType: row.id, kind: "policy_set" }, take)).map(toEventDto);
}

export interface QueueItem {
  id: string;
  name: string;
  description: string;
  provider: string;
  license_type: string | null;
  license_status: LicenseStatus;
  created_at: string;
  own_decision: boolean;
  restrictions: Record<string, unknown>;
  /** The license, with `terms` as the model's restrictions leave them and the terms they changed. */
  license: (Pick<LicenseDto, "id" | "name" | "summary" | "terms" | "policy" | "suitability" | "category"> & { overridden: string[] }) | null;
}

/** The review queue: pending first, oldest first, each model with its license's terms beside it. */
export async function listReviewQueue(filter: { status?: LicenseStatus; q?: string }, page = 1, pageSize = 20) {
  const [{ rows, total }, licenses] = await Promise.all([findReviewQueue(filter, page, pageSize), findLicenses()]);
  const byId = new Map(licenses.map((row) => [row.id, row]));
  const items: QueueItem[] = rows.map((row) => {
    const found = row.licenseId ? byId.get(row.licenseId) : undefined;
    const license = found ? toLicenseDto(found) : null;
    return {
      id: row.id, name: row.name, description: row.description, provider: row.provider, license_type: row.licenseType,
      license_status: row.licenseStatus, created_at: new Date(row.createdAt).toISOString(), own_decision: row.decided,
      restrictions: row.restrictions ?? {},
      license: license && {
        id: license.id, name: license.name, summary: license.summary, suitability: license.suitability,
        category: license.category, policy: license.policy, ...applyRestrictions(license.terms, row.restrictions ?? {}),
      },
    };
  });
  return { ...toPage(items, total, page, pageSize), counts: await countModelsByStatus() };
}

export async function countPendingLicenseReviews(): Promise<number> {
  return (await countModelsByStatus()).pending;
}

/** Ids of every license the repo's knowledge base holds (for forms and checks). */
export const knownLicenseIds = licenseCatalog.map((license) => license.id);
