import { createHardwareProfileEndpoint, listHardwareProfilesEndpoint } from "@/lib/hardware/endpoints";
import { createHardwareProfile, listHardwareProfiles } from "@/lib/hardware/service";
import { created } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/hardware-profiles: list hardware profiles
export const GET = route(listHardwareProfilesEndpoint, async ({ query }) => listHardwareProfiles(query));

// POST /api/v1/hardware-profiles: add a hardware profile
export const POST = route(createHardwareProfileEndpoint, async ({ body, actor, requestId }) => {
  const profile = await createHardwareProfile(body, { actor, requestId });
  return created(profile, `/api/v1/hardware-profiles/${profile.id}`);
});
