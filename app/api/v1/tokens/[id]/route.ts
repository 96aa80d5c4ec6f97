import { revokeTokenEndpoint } from "@/lib/auth/endpoints";
import { revokeToken } from "@/lib/auth/service";
import { noContent } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// DELETE /api/v1/tokens/{id}: revoke a token
export const DELETE = route(revokeTokenEndpoint, async ({ params, actor, requestId }) => {
  await revokeToken(params.id, { actor, requestId });
  return noContent();
});
