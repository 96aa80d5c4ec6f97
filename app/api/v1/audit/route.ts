import { listAuditEndpoint } from "@/lib/audit/endpoints";
import { listAuditEvents } from "@/lib/audit/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/audit: the audit log (admin)
export const GET = route(listAuditEndpoint, async ({ query }) => listAuditEvents(query));
