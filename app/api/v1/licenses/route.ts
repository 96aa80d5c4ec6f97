import { listLicensesEndpoint } from "@/lib/licenses/endpoints";
import { listLicenses } from "@/lib/licenses/listing";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/licenses: the knowledge base, with each license's policy and model counts
export const GET = route(listLicensesEndpoint, async ({ query }) => listLicenses(query));
