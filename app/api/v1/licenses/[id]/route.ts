import { getLicenseEndpoint } from "@/lib/licenses/endpoints";
import { getLicenseOrThrow } from "@/lib/licenses/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/licenses/{id}: one license
export const GET = route(getLicenseEndpoint, async ({ params }) => getLicenseOrThrow(params.id));
