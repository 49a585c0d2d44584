import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { listCampaignOptions } from "@/lib/leads/queries";
import { LeadForm } from "@/components/leads/lead-form";

export const metadata: Metadata = { title: "Log a lead" };

export default async function NewLeadPage() {
  await requirePermission("lead:create");
  const campaigns = await listCampaignOptions();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Log a lead</h1>
      <p className="text-sm text-muted">New leads enter the funnel as inquiries.</p>
      <LeadForm campaigns={campaigns} />
    </div>
  );
}
