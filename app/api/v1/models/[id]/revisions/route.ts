import { listRevisionsEndpoint } from "@/lib/huggingface/endpoints";
import { listHubRevisions } from "@/lib/huggingface/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/models/{id}/revisions: the model's Hub revisions, newest first
export const GET = route(listRevisionsEndpoint, async ({ params, query }) => listHubRevisions(params.id, query.page, query.page_size));
