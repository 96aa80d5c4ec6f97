import { jsonReply } from "@/lib/http/reply";
import { route } from "@/lib/http/route";
import { requestScanEndpoint } from "@/lib/scans/endpoints";
import { requestScan } from "@/lib/scans/service";

export const dynamic = "force-dynamic";

// POST /api/v1/models/{id}/scan: queue a scan (202), or return the one already open (200)
export const POST = route(requestScanEndpoint, async ({ params, actor, requestId }) => {
  const { scan, created } = await requestScan(params.id, { actor, requestId });
  return jsonReply(scan, created ? 202 : 200, { Location: `/api/v1/scans/${scan.id}` });
});
