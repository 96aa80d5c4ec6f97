// Every endpoint of the API, in one list: the OpenAPI document and the permission tests read it.
import { auditEndpoints } from "@/lib/audit/endpoints";
import { authEndpoints } from "@/lib/auth/endpoints";
import { modelEndpoints } from "@/lib/models/endpoints";
import { systemEndpoints } from "@/lib/system/endpoints";
import type { Endpoint } from "@/lib/http/endpoint";

export const allEndpoints: Endpoint[] = [...modelEndpoints, ...authEndpoints, ...auditEndpoints, ...systemEndpoints];
