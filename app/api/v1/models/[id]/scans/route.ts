import { route } from "@/lib/http/route";
import { listScansEndpoint } from "@/lib/scans/endpoints";
import { listScans } from "@/lib/scans/service";

export const dynamic = "force-dynamic";

// GET /api/v1/models/{id}/scans: the model's scan history, newest first
export const GET = route(listScansEndpoint, async ({ params, query }) => listScans(params.id, query.page, query.page_size));
