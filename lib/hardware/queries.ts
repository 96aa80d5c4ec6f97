// Prisma calls for hardware profiles; nothing else touches the hardware_profiles table.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { ListHardwareProfilesQuery } from "./schema";

export const profileSelect = {
  id: true, name: true, gpuType: true, gpuCount: true, gpuMemoryGb: true, interconnect: true,
  hourlyPriceUsd: true, createdAt: true, updatedAt: true,
} satisfies Prisma.HardwareProfileSelect;

export type ProfileRow = Prisma.HardwareProfileGetPayload<{ select: typeof profileSelect }>;

const orderBy = (query: ListHardwareProfilesQuery): Prisma.HardwareProfileOrderByWithRelationInput[] => {
  const order = query.order ?? "asc";
  switch (query.sort) {
    case "name": return [{ name: order }];
    case "hourly_price_usd": return [{ hourlyPriceUsd: { sort: order, nulls: "last" } }, { id: "asc" }];
    default: return [{ gpuType: order }, { gpuCount: "asc" }, { id: "asc" }];
  }
};

export async function findProfiles(query: ListHardwareProfilesQuery): Promise<{ rows: ProfileRow[]; total: number }> {
  const prisma = await db();
  const where: Prisma.HardwareProfileWhereInput = query.gpu_type ? { gpuType: query.gpu_type } : {};
  const [rows, total] = await Promise.all([
    prisma.hardwareProfile.findMany({ where, select: profileSelect, orderBy: orderBy(query), skip: (query.page - 1) * query.page_size, take: query.page_size }),
    prisma.hardwareProfile.count({ where }),
  ]);
  return { rows, total };
}

export async function findAllProfiles(): Promise<ProfileRow[]> {
  return (await db()).hardwareProfile.findMany({ select: profileSelect, orderBy: [{ gpuType: "asc" }, { gpuCount: "asc" }, { id: "asc" }] });
}

export async function findProfileById(id: string, client?: DbClient): Promise<ProfileRow | null> {
  return (client ?? (await db())).hardwareProfile.findUnique({ where: { id }, select: profileSelect });
}

export async function insertProfile(client: DbClient, data: Prisma.HardwareProfileCreateInput): Promise<ProfileRow> {
  return client.hardwareProfile.create({ data, select: profileSelect });
}

export async function updateProfileById(client: DbClient, id: string, data: Prisma.HardwareProfileUpdateInput): Promise<ProfileRow> {
  return client.hardwareProfile.update({ where: { id }, data, select: profileSelect });
}
