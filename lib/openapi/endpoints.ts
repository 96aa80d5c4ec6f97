// Every endpoint of the API, in one list: the OpenAPI document and the permission tests read it.
import { auditEndpoints } from "@/lib/audit/endpoints";
import { authEndpoints } from "@/lib/auth/endpoints";
import { benchmarkEndpoints } from "@/lib/benchmarks/endpoints";
import { hardwareEndpoints } from "@/lib/hardware/endpoints";
import { huggingFaceEndpoints } from "@/lib/huggingface/endpoints";
import { leaderboardEndpoints } from "@/lib/leaderboard/endpoints";
import { licenseEndpoints } from "@/lib/licenses/endpoints";
import { modelEndpoints } from "@/lib/models/endpoints";
import { requirementsEndpoints } from "@/lib/requirements/endpoints";
import { scanEndpoints } from "@/lib/scans/endpoints";
import { systemEndpoints } from "@/lib/system/endpoints";
import type { Endpoint } from "@/lib/http/endpoint";

export const allEndpoints: Endpoint[] = [...modelEndpoints, ...requirementsEndpoints, ...scanEndpoints, ...huggingFaceEndpoints, ...authEndpoints, ...auditEndpoints, ...licenseEndpoints, ...benchmarkEndpoints, ...hardwareEndpoints, ...leaderboardEndpoints, ...systemEndpoints];
