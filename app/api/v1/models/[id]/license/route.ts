import { getModelLicenseEndpoint } from "@/lib/licenses/endpoints";
import { getModelLicense } from "@/lib/licenses/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/models/{id}/license: the model's license, review, policy and history
export const GET = route(getModelLicenseEndpoint, async ({ params }) => getModelLicense(params.id));
