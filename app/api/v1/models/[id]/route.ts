import {
  deleteModelEndpoint, getModelEndpoint, patchModelEndpoint, replaceModelEndpoint,
} from "@/lib/models/endpoints";
import { deleteModel, getModelOrThrow, patchModel, replaceModel } from "@/lib/models/service";
import { noContent } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/models/{id}: one model
export const GET = route(getModelEndpoint, async ({ params }) => getModelOrThrow(params.id));

// PUT /api/v1/models/{id}: replace the editable metadata
export const PUT = route(replaceModelEndpoint, async ({ params, body, actor, requestId }) => replaceModel(params.id, body, { actor, requestId }));

// PATCH /api/v1/models/{id}: change some fields
export const PATCH = route(patchModelEndpoint, async ({ params, body, actor, requestId }) => patchModel(params.id, body, { actor, requestId }));

// DELETE /api/v1/models/{id}: remove a model
export const DELETE = route(deleteModelEndpoint, async ({ params, actor, requestId }) => {
  await deleteModel(params.id, { actor, requestId });
  return noContent();
});
