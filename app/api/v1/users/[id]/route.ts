import { patchUserEndpoint } from "@/lib/auth/endpoints";
import { updateUser } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// PATCH /api/v1/users/{id}: role, name, password, disabled (admin)
export const PATCH = route(patchUserEndpoint, async ({ params, body, actor, requestId }) => updateUser(params.id, body, { actor, requestId }));
