import { jsonReply } from "@/lib/http/reply";
import { route } from "@/lib/http/route";
import { listArtifacts, uploadArtifacts } from "@/lib/scans/artifacts";
import { listArtifactsEndpoint, uploadArtifactsEndpoint } from "@/lib/scans/endpoints";

export const dynamic = "force-dynamic";

// GET /api/v1/models/{id}/artifacts: the model's files
export const GET = route(listArtifactsEndpoint, async ({ params, query }) => listArtifacts(params.id, query.page, query.page_size));

// POST /api/v1/models/{id}/artifacts: upload files (multipart), streamed to storage
export const POST = route(uploadArtifactsEndpoint, async ({ params, request, actor, requestId }) => {
  const data = await uploadArtifacts(params.id, request, { actor, requestId });
  return jsonReply({ data }, 201, { Location: `/api/v1/models/${params.id}/artifacts` });
});
