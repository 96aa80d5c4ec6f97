import {
  createModelEndpoint, listModelsEndpoint,
} from "@/lib/models/endpoints";
import { createModel, listModels } from "@/lib/models/service";
import { created } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/models: list models
export const GET = route(listModelsEndpoint, async ({ query }) => listModels(query));

// POST /api/v1/models: register a model
export const POST = route(createModelEndpoint, async ({ body, actor, requestId }) => {
  const model = await createModel(body, { actor, requestId });
  return created(model, `/api/v1/models/${model.id}`);
});
