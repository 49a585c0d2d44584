import type { LeadSource } from "@/lib/db/enums";
import { SOURCE_LABELS, STAGE_LABELS } from "@/lib/leads/catalog";
import type { FunnelBreakdownRow, StageCounts } from "@/lib/metrics/breakdowns";
import { figureLeadsHref } from "@/lib/metrics/filter";
import { FUNNEL_PATH, type PathStage } from "@/lib/metrics/rules";
import { formatCount } from "@/lib/ui/format";
import { ChartPanel } from "./chart-panel";
import { STAGE_COLORS } from "./chart-theme";
import { GroupedBarFigure } from "./grouped-bar-figure";
import { LinkHint } from "./link-hint";
import { caption, type View } from "./view";


export type BreakdownRow = FunnelBreakdownRow & { key: string; label: string; patch: { source?: LeadSource; campaign?: string } };

interface Props {
  id: string;
  title: string;
  description: string;
  view: View;
  rows: BreakdownRow[];
  /** The first column's heading: "Source" or "Campaign". */
  dimension: string;
  note?: string;
  /** The stages drawn as bars (the table has all six), and how: campaigns' long names read better as rows. */
  charted?: PathStage[];
  layout?: "columns" | "rows";
}

/** The period's funnel broken down by source or campaign: stage entries per row, each count opening its leads. */
export function FunnelBreakdownPanel({ id, title, description, view, rows, dimension, note, charted = ["INQUIRY", "MQL", "SAL", "OPPORTUNITY"], layout }: Props) {
  const hrefs = (row: BreakdownRow) => Object.fromEntries(FUNNEL_PATH.map((stage) => [stage, figureLeadsHref(view.query, view.period, stage, row.patch)])) as Record<PathStage, string | null>;
  const total = (counts: StageCounts) => FUNNEL_PATH.map((stage) => `${STAGE_LABELS[stage]} ${formatCount(counts[stage])}`).join(", ");
  return (
    <ChartPanel
      id={id}
      title={title}
      description={description}
      caption={caption(view, title)}
      columns={[
        { key: "name", label: dimension },
        ...FUNNEL_PATH.map((stage) => ({ key: stage, label: STAGE_LABELS[stage], kind: "count" as const })),
        { key: "mqlToSal", label: "MQL → SAL", kind: "percent" },
        { key: "pipeline", label: "New pipeline", kind: "money" },
      ]}
      rows={rows.map((row) => ({
        cells: { name: row.label, ...row.entered, mqlToSal: row.mqlToSal, pipeline: row.pipeline },
        links: hrefs(row),
      }))}
      empty={rows.length === 0 ? { title: "No leads entered the funnel", description: "Nothing matches these filters in this period." } : null}
    >
      <GroupedBarFigure
        categories={rows.map((row) => ({ key: row.key, label: row.label, values: row.entered, hrefs: hrefs(row) }))}
        layout={layout}
        series={charted.map((stage) => ({ key: stage, label: STAGE_LABELS[stage], color: STAGE_COLORS[stage] }))}
        kind="count"
        summary={`${title}: ${rows.map((row) => `${row.label}: ${total(row.entered)}`).join("; ")}.`}
      />
      <LinkHint linked={rows.some((row) => Object.values(hrefs(row)).some(Boolean))} />
      {note && <p className="text-xs text-muted">{note}</p>}
    </ChartPanel>
  );
}

export function sourceRows(rows: ({ source: LeadSource } & FunnelBreakdownRow)[]): BreakdownRow[] {
  return rows.map((row) => ({ ...row, key: row.source, label: SOURCE_LABELS[row.source], patch: { source: row.source } }));
}
