import { modelHistoryEndpoint } from "@/lib/audit/endpoints";
import { listResourceHistory } from "@/lib/audit/service";
import { getModelOrThrow } from "@/lib/models/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/models/{id}/history: the model's own audit events
export const GET = route(modelHistoryEndpoint, async ({ params, query }) => {
  const model = await getModelOrThrow(params.id);
  return listResourceHistory("model", model.id, query.page, query.page_size);
});
