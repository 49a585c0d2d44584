import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getCampaign, listOwnerOptions } from "@/lib/campaigns/queries";
import { refuseCampaignEdit } from "@/lib/campaigns/rules";
import { Alert } from "@/components/ui/alert";
import { CampaignForm } from "@/components/campaigns/campaign-form";

export const metadata: Metadata = { title: "Edit campaign" };

const dateField = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("campaign:manage");
  const campaign = await getCampaign(user, (await params).id);
  if (!campaign) notFound();
  const refusal = refuseCampaignEdit(user, { ownerId: campaign.owner.id });
  const owners = refusal ? [] : await listOwnerOptions(campaign.owner.id);
  return (
    <div className="space-y-4">
      <Link href={`/campaigns/${campaign.id}`} className="text-sm text-brand hover:underline">
        ← {campaign.name}
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Edit campaign</h1>
      {refusal ? (
        <Alert tone="info">{refusal}</Alert>
      ) : (
        <CampaignForm
          owners={owners}
          editing={{ id: campaign.id, version: campaign.version }}
          defaults={{
            name: campaign.name,
            channel: campaign.channel,
            startsAt: dateField(campaign.startsAt),
            endsAt: dateField(campaign.endsAt),
            budget: campaign.budget === null ? "" : String(campaign.budget),
            ownerId: campaign.owner.id,
            goal: campaign.goal ?? "",
            targetMqls: campaign.targetMqls === null ? "" : String(campaign.targetMqls),
          }}
        />
      )}
    </div>
  );
}
