import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getCampaign } from "@/lib/campaigns/queries";
import { listCampaignFeedback, myFeedback, ratingSummary } from "@/lib/campaigns/feedback-queries";
import { campaignResults } from "@/lib/campaigns/results";
import { CHANNEL_LABELS, refuseCampaignEdit, resultsCard } from "@/lib/campaigns/rules";
import { formatCount, formatDate, formatMoney } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { CampaignResultsPanel } from "@/components/campaigns/campaign-results";
import { RatingForm } from "@/components/campaigns/rating-form";
import { RatingsPanel } from "@/components/campaigns/ratings-panel";
import { ResultsCardPreview } from "@/components/campaigns/results-card-preview";
import { ShareResultsButton } from "@/components/campaigns/share-results-button";
import { ThreadSection } from "@/components/messaging/thread-section";
import { WebFormPanel } from "@/components/campaigns/web-form-panel";
import { readEnv } from "@/lib/env";
import { webFormOfCampaign } from "@/lib/web-forms/queries";
import { formEndpoint, webFormSnippet } from "@/lib/web-forms/rules";
import { WEB_FORM_FIELDS } from "@/lib/web-forms/schemas";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("campaign:read");
  const campaign = await getCampaign(user, (await params).id);
  if (!campaign) notFound();
  const [view, summary, entries, mine] = await Promise.all([
    campaignResults(campaign),
    ratingSummary(campaign.id),
    listCampaignFeedback(user, campaign.id),
    myFeedback(user, campaign.id),
  ]);
  const mayEdit = can(user.role, "campaign:manage") && refuseCampaignEdit(user, { ownerId: campaign.owner.id }) === null;
  // Marketing sees the campaign's web form; its marketer and the marketing manager change it.
  const webForm = can(user.role, "campaign:manage") ? await webFormOfCampaign(campaign.id) : null;
  const endpoint = webForm ? formEndpoint(await publicOrigin(), webForm.token) : null;
  // What the page previews and the share dialog shows; sharing computes it again on the server (lib/campaigns/share.ts).
  const card = resultsCard({ ...view.results, rating: { count: summary.count, average: summary.average } });
  const facts: [string, React.ReactNode][] = [
    ["Channel", CHANNEL_LABELS[campaign.channel]],
    ["Dates", `${formatDate(campaign.startsAt)}${campaign.endsAt ? ` – ${formatDate(campaign.endsAt)}` : " (no end date)"}`],
    ["Owner", `${campaign.owner.name}${campaign.owner.active ? "" : " (left)"}`],
    ["Budget", campaign.budget === null ? "Not set" : formatMoney(campaign.budget)],
    ["Target", campaign.targetMqls === null ? "Not set" : `${formatCount(campaign.targetMqls)} MQLs`],
  ];

  return (
    <div className="space-y-4">
      <Link href="/campaigns" className="text-sm text-brand hover:underline">
        ← All campaigns
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{campaign.name}</h1>
        <Badge tone="brand">{CHANNEL_LABELS[campaign.channel]}</Badge>
        {mayEdit && (
          <Button asChild variant="secondary" className="ml-auto">
            <Link href={`/campaigns/${campaign.id}/edit`}>Edit campaign</Link>
          </Button>
        )}
      </div>
      <Card aria-labelledby="about-title">
        <CardHeader>
          <CardTitle id="about-title">About</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-muted">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="text-sm">
            <span className="text-muted">Goal: </span>
            {campaign.goal ?? <span className="text-muted">Not written down</span>}
          </p>
        </CardBody>
      </Card>
      <CampaignResultsPanel campaignId={campaign.id} view={view} />
      <div className="grid gap-4 lg:grid-cols-2">
        <RatingsPanel summary={summary} entries={entries}>
          {mine &&
            (mine.mayRate ? (
              <RatingForm campaignId={campaign.id} current={mine.current} />
            ) : (
              <p className="text-sm text-muted">You can rate this campaign once one of its leads has been handed to you.</p>
            ))}
        </RatingsPanel>
        <ResultsCardPreview markdown={card} action={mayEdit && <ShareResultsButton campaignId={campaign.id} markdown={card} />} />
      </div>
      {can(user.role, "campaign:manage") && (
        <WebFormPanel
          campaignId={campaign.id}
          form={webForm && { enabled: webForm.enabled, origins: webForm.origins, thankYouUrl: webForm.thankYouUrl, createdAt: webForm.createdAt, rotatedAt: webForm.rotatedAt, version: webForm.version }}
          endpoint={endpoint}
          snippet={endpoint && webFormSnippet(endpoint, WEB_FORM_FIELDS)}
          mayEdit={mayEdit}
        />
      )}
      <ThreadSection user={user} subject={{ subjectType: "CAMPAIGN", subjectId: campaign.id }} title="Discussion" description="Sales and marketing talk about this campaign here." />
    </div>
  );
}

/** Where websites reach this Tandem: the configured address users open, else the one this request came to. */
async function publicOrigin(): Promise<string> {
  const configured = readEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost:3000"}`;
}
