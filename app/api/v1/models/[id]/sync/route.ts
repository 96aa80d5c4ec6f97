import { syncModelEndpoint } from "@/lib/huggingface/endpoints";
import { syncModel } from "@/lib/huggingface/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/models/{id}/sync: refresh an imported model from the Hub
export const POST = route(syncModelEndpoint, async ({ params, query, actor, requestId }) => syncModel(params.id, query.revision, { actor, requestId }));
