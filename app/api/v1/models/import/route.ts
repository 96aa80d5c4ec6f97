import { importModelEndpoint } from "@/lib/huggingface/endpoints";
import { importModel } from "@/lib/huggingface/service";
import { created, jsonReply } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/models/import: import a model from the Hugging Face Hub (200 when it was imported before)
export const POST = route(importModelEndpoint, async ({ body, actor, requestId }) => {
  const { model, created: isNew } = await importModel(body, { actor, requestId });
  return isNew ? created(model, `/api/v1/models/${model.id}`) : jsonReply(model, 200);
});
