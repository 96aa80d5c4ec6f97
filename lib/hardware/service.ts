// The rules for hardware profiles: ids from names, memory from the GPU catalog, and the output
// mapping. Admins create and edit them; everyone reads them.
import { audited, type WriteContext } from "@/lib/audit/service";
import { AppError, notFound } from "@/lib/http/errors";
import { toPage } from "@/lib/http/pagination";
import { findGpuType } from "./gpus";
import { findAllProfiles, findProfileById, findProfiles, insertProfile, updateProfileById, type ProfileRow } from "./queries";
import {
  slugFromName,
  type HardwareProfileDto,
  type HardwareProfileInput,
  type HardwareProfilePatch,
  type ListHardwareProfilesQuery,
} from "./schema";

export function toProfileDto(row: ProfileRow): HardwareProfileDto {
  return {
    id: row.id,
    name: row.name,
    gpu_type: row.gpuType,
    gpu_count: row.gpuCount,
    gpu_memory_gb: row.gpuMemoryGb,
    interconnect: row.interconnect,
    hourly_price_usd: row.hourlyPriceUsd,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function listHardwareProfiles(query: ListHardwareProfilesQuery) {
  const { rows, total } = await findProfiles(query);
  return toPage(rows.map(toProfileDto), total, query.page, query.page_size);
}

export async function listAllHardwareProfiles(): Promise<HardwareProfileDto[]> {
  return (await findAllProfiles()).map(toProfileDto);
}

export async function getHardwareProfileOrThrow(id: string): Promise<HardwareProfileDto> {
  const row = await findProfileById(id);
  if (!row) throw notFound("Hardware profile");
  return toProfileDto(row);
}

/** Memory per card: as given, else the catalog's figure for the card. */
function memoryOf(gpuType: string, given: number | null): number {
  return given ?? findGpuType(gpuType)!.memoryGb;
}

export async function createHardwareProfile(input: HardwareProfileInput, context: WriteContext): Promise<HardwareProfileDto> {
  const id = input.id ?? slugFromName(input.name);
  return withConflict(id, input.name, () =>
    audited(context, async (tx) => {
      const profile = toProfileDto(await insertProfile(tx, {
        id,
        name: input.name,
        gpuType: input.gpu_type,
        gpuCount: input.gpu_count,
        gpuMemoryGb: memoryOf(input.gpu_type, input.gpu_memory_gb),
        interconnect: input.interconnect,
        hourlyPriceUsd: input.hourly_price_usd,
      }));
      return { result: profile, action: "hardware_profile.created", resourceType: "hardware_profile", resourceId: id, after: profile };
    }),
  );
}

export async function patchHardwareProfile(id: string, patch: HardwareProfilePatch, context: WriteContext): Promise<HardwareProfileDto> {
  const current = await getHardwareProfileOrThrow(id);
  // A new card type without a memory figure takes the new card's memory, not the old one's.
  // Memory sent as null goes back to the catalog's figure for the card.
  const gpuType = patch.gpu_type ?? current.gpu_type;
  const gpuMemory =
    patch.gpu_memory_gb ??
    ("gpu_memory_gb" in patch || gpuType !== current.gpu_type ? memoryOf(gpuType, null) : undefined);
  return withConflict(id, patch.name ?? current.name, () =>
    audited(context, async (tx) => {
      const before = toProfileDto((await findProfileById(id, tx))!);
      const after = toProfileDto(await updateProfileById(tx, id, {
        name: patch.name,
        gpuType: patch.gpu_type,
        gpuCount: patch.gpu_count,
        gpuMemoryGb: gpuMemory,
        ...("interconnect" in patch ? { interconnect: patch.interconnect } : {}),
        ...("hourly_price_usd" in patch ? { hourlyPriceUsd: patch.hourly_price_usd } : {}),
      }));
      return { result: after, action: "hardware_profile.updated", resourceType: "hardware_profile", resourceId: id, before, after };
    }),
  );
}

async function withConflict<T>(id: string, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A hardware profile with the id "${id}" or the name "${name}" already exists`, {
        fields: { id: ["Taken, or made from a name that is taken"], name: ["Each profile has its own name"] },
      });
    }
    throw error;
  }
}
