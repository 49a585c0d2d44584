import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listOwnerOptions } from "@/lib/campaigns/queries";
import { CampaignForm } from "@/components/campaigns/campaign-form";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const user = await requirePermission("campaign:manage");
  const owners = await listOwnerOptions();
  return (
    <div className="space-y-4">
      <Link href="/campaigns" className="text-sm text-brand hover:underline">
        ← All campaigns
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">New campaign</h1>
      <p className="text-sm text-muted">Leads logged with this campaign are attributed to it, and its page shows what they became.</p>
      <CampaignForm
        owners={owners}
        defaults={{ name: "", channel: "", startsAt: "", endsAt: "", budget: "", ownerId: user.id, goal: "", targetMqls: "" }}
      />
    </div>
  );
}
