import type { HandoverFigures } from "@/lib/metrics/queries";
import { formatCount, formatPercent } from "@/lib/ui/format";
import { BarFigure } from "./bar-figure";
import { ChartPanel } from "./chart-panel";
import { rowsHeight, TEAM_COLORS } from "./chart-theme";
import { caption, type View } from "./view";

/** Of the MQLs handed over in the period: how many sales accepted, rejected or has yet to answer, and why it rejects. */
export function RejectionsPanel({ view, handovers }: { view: View; handovers: HandoverFigures }) {
  const { acceptance, reasons, disputes } = handovers;
  return (
    <ChartPanel
      id="reasons"
      title="Acceptance and rejection reasons"
      description="The MQLs handed over in the period, by what sales did with them, and the reasons given for each rejection."
      caption={caption(view, "Rejection reasons")}
      columns={[
        { key: "reason", label: "Reason" },
        { key: "count", label: "Rejections", kind: "count" },
        { key: "share", label: "Share of rejections", kind: "percent" },
      ]}
      rows={reasons.map((reason) => ({ cells: { reason: reason.label, count: reason.count, share: reason.share } }))}
      empty={acceptance.handedOver === 0 ? { title: "No handovers", description: "No MQL was handed over in this period with these filters." } : null}
      aside={
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          {[
            ["Handed over", formatCount(acceptance.handedOver)],
            ["Accepted", `${formatCount(acceptance.accepted)} (${formatPercent(acceptance.acceptanceRate)})`],
            ["Rejected", `${formatCount(acceptance.rejected)} (${formatPercent(acceptance.rejectionRate)})`],
            ["Waiting", `${formatCount(acceptance.pending)} (${formatPercent(acceptance.pendingShare)})`],
          ].map(([term, value]) => (
            <div key={term} className="rounded-md bg-subtle px-3 py-2">
              <dt className="text-xs text-muted">{term}</dt>
              <dd className="font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      }
    >
      {reasons.length === 0 ? (
        <p className="text-sm text-muted">Sales rejected none of these MQLs.</p>
      ) : (
        <BarFigure
          layout="rows"
          kind="count"
          height={rowsHeight(reasons.length)}
          data={reasons.map((reason) => ({ key: reason.code, label: reason.label, value: reason.count, color: TEAM_COLORS.danger }))}
          summary={`Rejection reasons: ${reasons.map((reason) => `${reason.label} ${formatCount(reason.count)}`).join(", ")}.`}
        />
      )}
      <p className="text-xs text-muted">
        Disputes: {formatCount(disputes.disputed)} of {formatCount(acceptance.rejected)} rejections ({formatPercent(disputes.disputeRate)}); {formatCount(disputes.open)} open,{" "}
        {formatCount(disputes.upheld)} upheld, {formatCount(disputes.reassigned)} reassigned.
      </p>
    </ChartPanel>
  );
}
