// zod schemas for hardware profiles: the machine shapes benchmarks are compared on.
import { z } from "zod";
import { profileIdSchema } from "@/lib/benchmarks/schema";
import { pageOf, pageParams } from "@/lib/http/pagination";
import { gpuTypes } from "./gpus";

export const interconnects = ["pcie", "nvlink", "infinity_fabric", "ethernet", "infiniband"] as const;

const gpuTypeIds = gpuTypes.map((gpu) => gpu.id) as [string, ...string[]];

const profileFields = {
  name: z.string().trim().min(1, "Name is required").max(100),
  gpu_type: z.enum(gpuTypeIds, { message: `One of the GPU types: ${gpuTypeIds.join(", ")}` }),
  gpu_count: z.number().int().min(1).max(1024),
  gpu_memory_gb: z.number().positive().max(10_000).nullish().transform((v) => v ?? null).meta({ description: "Defaults to the card's memory from the GPU catalog" }),
  interconnect: z.enum(interconnects).nullish().transform((v) => v ?? null),
  hourly_price_usd: z.number().finite().min(0, "A price is not negative").max(100_000).nullish().transform((v) => v ?? null)
    .meta({ description: "What an hour of the whole machine costs, in US dollars" }),
};

export const hardwareProfileInputSchema = z
  .strictObject({ id: profileIdSchema.optional().meta({ description: "Made from the name when absent" }), ...profileFields })
  .meta({ id: "HardwareProfileInput" });

export const hardwareProfilePatchSchema = z
  .strictObject(Object.fromEntries(Object.entries(profileFields).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof typeof profileFields]: z.ZodOptional<(typeof profileFields)[K]>;
  })
  .refine((value) => Object.keys(value).length > 0, "Send at least one field to change")
  .meta({ id: "HardwareProfilePatch" });

export type HardwareProfileInput = z.output<typeof hardwareProfileInputSchema>;
export type HardwareProfilePatch = z.output<typeof hardwareProfilePatchSchema>;

export const hardwareProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    gpu_type: z.string(),
    gpu_count: z.number().int(),
    gpu_memory_gb: z.number(),
    interconnect: z.string().nullable(),
    hourly_price_usd: z.number().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "HardwareProfile" });

export type HardwareProfileDto = z.infer<typeof hardwareProfileSchema>;

export const hardwareProfilePageSchema = pageOf(hardwareProfileSchema, "HardwareProfilePage");

export const listHardwareProfilesQuerySchema = z.strictObject({
  ...pageParams,
  sort: z.enum(["gpu_type", "name", "hourly_price_usd"]).optional(),
  gpu_type: z.enum(gpuTypeIds).optional(),
});

export type ListHardwareProfilesQuery = z.output<typeof listHardwareProfilesQuerySchema>;

/** "8× NVIDIA H100 80GB" -> "8-nvidia-h100-80gb": an id made from a name. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
  return slug || "profile";
}
