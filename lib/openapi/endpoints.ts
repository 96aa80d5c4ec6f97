// Every endpoint of the API, in one list: the OpenAPI document and the route tests read it.
import { modelEndpoints } from "@/lib/models/endpoints";
import { systemEndpoints } from "@/lib/system/endpoints";
import type { Endpoint } from "@/lib/http/endpoint";

export const allEndpoints: Endpoint[] = [...modelEndpoints, ...systemEndpoints];
