import { route } from "@/lib/http/route";
import { getScanEndpoint } from "@/lib/scans/endpoints";
import { getScanOrThrow } from "@/lib/scans/service";

export const dynamic = "force-dynamic";

// GET /api/v1/scans/{id}: a scan with its progress and each file's report
export const GET = route(getScanEndpoint, async ({ params }) => getScanOrThrow(params.id));
