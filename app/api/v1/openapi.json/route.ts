import { buildOpenApiDocument } from "@/lib/openapi/document";
import { openapiEndpoint } from "@/lib/system/endpoints";
import { route } from "@/lib/http/route";

// GET /api/v1/openapi.json: the OpenAPI document
export const GET = route(openapiEndpoint, async () => buildOpenApiDocument());
