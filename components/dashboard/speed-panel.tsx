import type { HandoverFigures } from "@/lib/metrics/queries";
import { formatCount, formatDuration, formatPercent } from "@/lib/ui/format";
import { BarFigure, type BarDatum } from "./bar-figure";
import { ChartPanel } from "./chart-panel";
import { TEAM_COLORS } from "./chart-theme";
import { caption, type View } from "./view";

const BUCKET_COLORS = [TEAM_COLORS.sales, "#3a9a5b", "#6cba87", "#9a5b00", TEAM_COLORS.danger];

/** Speed to lead (handover to the rep's first touch) in buckets, with the median, the 95th percentile and the SLA. */
export function SpeedPanel({ view, handovers, title = "Speed to lead and SLA", description }: { view: View; handovers: HandoverFigures; title?: string; description?: string }) {
  const { speed, sla } = handovers;
  const data: BarDatum[] = speed.buckets.map((bucket, index) => ({ key: bucket.key, label: bucket.label, value: bucket.count, color: BUCKET_COLORS[index]! }));
  return (
    <ChartPanel
      id="speed"
      title={title}
      description={description ?? "Time from the handover to the rep's first touch, for the period's handovers touched so far."}
      caption={caption(view, "Speed to lead")}
      columns={[
        { key: "bucket", label: "Time to first touch" },
        { key: "count", label: "Handovers", kind: "count" },
        { key: "share", label: "Share", kind: "percent" },
      ]}
      rows={speed.buckets.map((bucket) => ({ cells: { bucket: bucket.label, count: bucket.count, share: bucket.share } }))}
      empty={speed.count === 0 && sla.handedOver === 0 ? { title: "No handovers", description: "Nothing was handed over in this period with these filters." } : null}
      aside={
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          {[
            ["Median", formatDuration(speed.medianMs)],
            ["95th percentile", formatDuration(speed.p95Ms)],
            ["SLA compliance", formatPercent(sla.compliance)],
            ["SLA breaches", `${formatCount(sla.breaches)} of ${formatCount(sla.handedOver)}`],
          ].map(([term, value]) => (
            <div key={term} className="rounded-md bg-subtle px-3 py-2">
              <dt className="text-xs text-muted">{term}</dt>
              <dd className="font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      }
    >
      {speed.count === 0 ? (
        <p className="text-sm text-muted">No handover of this period has a first touch yet.</p>
      ) : (
        <BarFigure
          data={data}
          kind="count"
          height={220}
          summary={`Speed to lead over ${formatCount(speed.count)} handovers: median ${formatDuration(speed.medianMs)}, 95th percentile ${formatDuration(speed.p95Ms)}. ${speed.buckets.map((bucket) => `${bucket.label}: ${formatCount(bucket.count)}`).join(", ")}.`}
        />
      )}
    </ChartPanel>
  );
}
