import Link from "next/link";
import { campaignRatingOverview } from "@/lib/campaigns/feedback-queries";
import { formatDate } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { RatingText } from "./rating-text";

/**
 * For the marketing pipeline review: how sales rates the campaigns' leads, most recently rated campaigns first, and
 * the latest comments. Loads its own data, so the page only places it. Ratings are not tied to the review's period
 * or filters: they are about a campaign as a whole.
 */
export async function CampaignRatingsPanel() {
  const { campaigns, comments } = await campaignRatingOverview();
  return (
    <Card aria-labelledby="campaign-ratings-title">
      <CardHeader>
        <CardTitle id="campaign-ratings-title">Sales&apos; ratings of campaigns</CardTitle>
        <Link href="/campaigns" className="text-sm text-brand hover:underline">
          All campaigns
        </Link>
      </CardHeader>
      <CardBody>
        {campaigns.length === 0 ? (
          <p className="text-sm text-muted">No rep has rated a campaign yet.</p>
        ) : (
          <div className="grid gap-5 lg:grid-cols-2">
            <ul className="space-y-2" aria-label="Average ratings">
              {campaigns.map((campaign) => (
                <li key={campaign.id} className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <Link href={`/campaigns/${campaign.id}`} className="text-brand hover:underline">
                    {campaign.name}
                  </Link>
                  <RatingText average={campaign.average} count={campaign.count} />
                </li>
              ))}
            </ul>
            <ul className="space-y-3" aria-label="Latest comments">
              {comments.map((comment) => (
                <li key={comment.id} className="text-sm">
                  <p className="text-muted">
                    {comment.rep} · {comment.rating} / 5 ·{" "}
                    <Link href={`/campaigns/${comment.campaignId}`} className="text-brand hover:underline">
                      {comment.campaign}
                    </Link>{" "}
                    · {formatDate(comment.updatedAt)}
                  </p>
                  <p className="line-clamp-3">{comment.comment}</p>
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
