import { clearModelLicenseReviewEndpoint, reviewModelLicenseEndpoint } from "@/lib/licenses/endpoints";
import { clearModelLicenseReview, reviewModelLicense } from "@/lib/licenses/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/models/{id}/license/review: an admin's decision for this model
export const POST = route(reviewModelLicenseEndpoint, async ({ params, body, actor, requestId }) =>
  reviewModelLicense(params.id, body, { actor, requestId }));

// DELETE /api/v1/models/{id}/license/review: withdraw the model's own decision
export const DELETE = route(clearModelLicenseReviewEndpoint, async ({ params, actor, requestId }) =>
  clearModelLicenseReview(params.id, { actor, requestId }));
