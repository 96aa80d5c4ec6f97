// The hardware profile endpoints: what the route handlers and the OpenAPI document are built from.
import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { profileIdSchema } from "@/lib/benchmarks/schema";
import {
  hardwareProfileInputSchema,
  hardwareProfilePageSchema,
  hardwareProfilePatchSchema,
  hardwareProfileSchema,
  listHardwareProfilesQuerySchema,
} from "./schema";

export const listHardwareProfilesEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/hardware-profiles", tag: "Benchmarks", role: "viewer",
  summary: "List hardware profiles: GPU type and count, memory per GPU, interconnect, hourly price",
  query: listHardwareProfilesQuerySchema,
  success: { status: 200, description: "A page of hardware profiles", schema: hardwareProfilePageSchema },
});

export const createHardwareProfileEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/hardware-profiles", tag: "Benchmarks", role: "admin",
  summary: "Add a hardware profile (its id is made from the name when absent)",
  body: hardwareProfileInputSchema,
  success: { status: 201, description: "The profile; Location names it", schema: hardwareProfileSchema },
  errors: [409],
});

export const patchHardwareProfileEndpoint = defineEndpoint({
  method: "PATCH", path: "/api/v1/hardware-profiles/{id}", tag: "Benchmarks", role: "admin",
  summary: "Change a hardware profile (its price, say)",
  params: z.object({ id: profileIdSchema }),
  body: hardwareProfilePatchSchema,
  success: { status: 200, description: "The profile", schema: hardwareProfileSchema },
  errors: [404, 409],
});

export const hardwareEndpoints = [listHardwareProfilesEndpoint, createHardwareProfileEndpoint, patchHardwareProfileEndpoint];
