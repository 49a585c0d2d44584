import Link from "next/link";
import type { CampaignRejections } from "@/lib/metrics/breakdowns";
import { dashboardHref } from "@/lib/metrics/filter";
import { formatCount, formatPercent } from "@/lib/ui/format";
import { BarFigure } from "./bar-figure";
import { ChartPanel } from "./chart-panel";
import { rowsHeight, TEAM_COLORS } from "./chart-theme";
import { caption, type View } from "./view";

/** The campaigns whose MQLs sales turns down most often, with the reason it gives most. */
export function CampaignRejectionsPanel({ view, rows }: { view: View; rows: CampaignRejections[] }) {
  return (
    <ChartPanel
      id="campaign-rejections"
      title="Campaigns sales rejects most"
      description="Rejected handovers per campaign over the period's handovers, most first."
      caption={caption(view, "Campaigns sales rejects most")}
      columns={[
        { key: "campaign", label: "Campaign" },
        { key: "handedOver", label: "Handed over", kind: "count" },
        { key: "rejected", label: "Rejected", kind: "count" },
        { key: "rejectionRate", label: "Rejection rate", kind: "percent" },
        { key: "topReason", label: "Most given reason" },
      ]}
      rows={rows.map((row) => ({
        cells: { campaign: row.name, handedOver: row.handedOver, rejected: row.rejected, rejectionRate: row.rejectionRate, topReason: row.topReason ?? "—" },
      }))}
      empty={rows.length === 0 ? { title: "No rejections", description: "Sales rejected no MQL in this period with these filters." } : null}
      aside={
        rows.length > 0 && (
          <p className="text-sm">
            Review a campaign:{" "}
            {rows.slice(0, 3).map((row, index) => (
              <span key={row.campaignId}>
                {index > 0 && " · "}
                <Link href={dashboardHref("/pipeline-review", view.query, { campaign: row.campaignId })} className="text-brand hover:underline">
                  {row.name}
                </Link>
              </span>
            ))}
          </p>
        )
      }
    >
      <BarFigure
        layout="rows"
        kind="count"
        height={rowsHeight(rows.length)}
        data={rows.map((row) => ({ key: row.campaignId, label: row.name, value: row.rejected, color: TEAM_COLORS.danger }))}
        summary={`Rejections by campaign: ${rows.map((row) => `${row.name} ${formatCount(row.rejected)} of ${formatCount(row.handedOver)} (${formatPercent(row.rejectionRate)})`).join("; ")}.`}
      />
    </ChartPanel>
  );
}
