import Link from "next/link";
import type { CampaignRow } from "@/lib/campaigns/queries";
import { CHANNEL_LABELS } from "@/lib/campaigns/rules";
import { formatCount, formatDate } from "@/lib/ui/format";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { RatingText } from "./rating-text";

/** Campaigns with their results over their whole life, newest start first. */
export function CampaignsTable({ rows }: { rows: CampaignRow[] }) {
  return (
    <Table aria-label="Campaigns">
      <THead>
        <TR>
          <TH>Campaign</TH>
          <TH>Channel</TH>
          <TH>Dates</TH>
          <TH>Owner</TH>
          <TH numeric>Leads</TH>
          <TH numeric>MQLs</TH>
          <TH numeric>Accepted</TH>
          <TH numeric>Won</TH>
          <TH>Sales&apos; rating</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((campaign) => (
          <TR key={campaign.id}>
            <TD>
              <Link href={`/campaigns/${campaign.id}`} className="font-medium text-brand hover:underline">
                {campaign.name}
              </Link>
            </TD>
            <TD>{CHANNEL_LABELS[campaign.channel]}</TD>
            <TD className="whitespace-nowrap">
              {formatDate(campaign.startsAt)}
              {campaign.endsAt && ` – ${formatDate(campaign.endsAt)}`}
            </TD>
            <TD>{campaign.owner}</TD>
            <TD numeric>{formatCount(campaign.leads)}</TD>
            <TD numeric>{formatCount(campaign.mqls)}</TD>
            <TD numeric>{formatCount(campaign.accepted)}</TD>
            <TD numeric>{formatCount(campaign.won)}</TD>
            <TD>
              <RatingText average={campaign.rating.average} count={campaign.rating.count} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
