import { findCatalogLicense } from "@/lib/licenses/catalog";
import { detectLicense } from "@/lib/licenses/detect";
import { detectLicenseEndpoint } from "@/lib/licenses/endpoints";
import { getLicenseOrThrow } from "@/lib/licenses/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/licenses/detect: which license a card's id, name, link or LICENSE text names
export const POST = route(detectLicenseEndpoint, async ({ body }) => {
  const detection = await detectLicense(body);
  const known = findCatalogLicense(detection.license_type);
  const license = known ? await getLicenseOrThrow(known.id) : null;
  if (!license) return { ...detection, license: null };
  const { policy: _policy, model_counts: _counts, ...facts } = license;
  return { ...detection, license: facts };
});
