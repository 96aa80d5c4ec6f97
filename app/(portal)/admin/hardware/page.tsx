import type { Metadata } from "next";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { CreateProfileForm, ProfileList } from "@/components/hardware/profile-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/portal";
import { listAllHardwareProfiles } from "@/lib/hardware/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Hardware profiles" };

export default async function HardwarePage() {
  const actor = await requireSignedIn("/admin/hardware");
  if (!can(actor, "admin")) return <NotAllowed title="Only admins can edit hardware profiles" />;
  const profiles = await listAllHardwareProfiles();
  return (
    <>
      <PageHeader
        title="Hardware profiles"
        description="The machines benchmarks are compared on. The hourly price of the whole machine sets cost per million output tokens on the leaderboard; the defaults are indicative on-demand list prices, so set your own."
      />
      <div className="space-y-6">
        <Card title="Add a profile"><CreateProfileForm /></Card>
        <Card title={`${profiles.length} profiles`}><ProfileList profiles={profiles} /></Card>
      </div>
    </>
  );
}
