// The Security scan section of a model's page: its files, the upload form and the Scan button for
// engineers, the latest scan's live progress and report, and the scan history.
import { can, getPortalActor } from "@/lib/auth/portal";
import { listArtifacts } from "@/lib/scans/artifacts";
import { getScanOrThrow, listScans } from "@/lib/scans/service";
import { ScanPanel } from "./scan-panel";

export async function ModelScansSection({ modelId }: { modelId: string }) {
  const [actor, artifacts, history] = await Promise.all([getPortalActor(), listArtifacts(modelId, 1, 100), listScans(modelId, 1, 10)]);
  const latest = history.data[0] ? await getScanOrThrow(history.data[0].id) : null;
  return <ScanPanel modelId={modelId} mayScan={can(actor, "engineer")} artifacts={artifacts} history={history} latest={latest} />;
}
