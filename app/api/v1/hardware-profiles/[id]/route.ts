import { patchHardwareProfileEndpoint } from "@/lib/hardware/endpoints";
import { patchHardwareProfile } from "@/lib/hardware/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// PATCH /api/v1/hardware-profiles/{id}: change a hardware profile
export const PATCH = route(patchHardwareProfileEndpoint, async ({ params, body, actor, requestId }) =>
  patchHardwareProfile(params.id, body, { actor, requestId }),
);
