import { setLicensePolicyEndpoint } from "@/lib/licenses/endpoints";
import { setLicensePolicy } from "@/lib/licenses/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// PUT /api/v1/licenses/{id}/policy: the standing policy for every model under the license
export const PUT = route(setLicensePolicyEndpoint, async ({ params, body, actor, requestId }) =>
  setLicensePolicy(params.id, body, { actor, requestId }));
