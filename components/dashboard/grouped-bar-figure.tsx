"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatAxis, formatFigure, type FigureKind } from "@/lib/ui/format";

export interface GroupedCategory {
  key: string;
  label: string;
  values: Record<string, number>;
  /** The leads behind each series' bar, by series key. */
  hrefs?: Record<string, string | null>;
}

export interface Series {
  key: string;
  label: string;
  color: string;
}

interface Props {
  categories: GroupedCategory[];
  series: Series[];
  kind: FigureKind;
  summary: string;
  /** "columns": categories along the bottom; "rows": one group of horizontal bars per category (long names). */
  layout?: "columns" | "rows";
}

type Datum = { key: string; label: string; hrefs: Record<string, string | null> } & Record<string, unknown>;

function shapeFor(series: Series) {
  return function SeriesBar(props: BarShapeProps) {
    const datum = props.payload as Datum;
    const href = datum.hrefs[series.key];
    return (
      <g data-bar={`${datum.key}:${series.key}`} style={{ cursor: href ? "pointer" : undefined }}>
        <Rectangle {...props} fill={series.color} />
      </g>
    );
  };
}

/** Several series side by side per category (e.g. inquiries, MQLs and SALs per source); each bar opens its leads. */
export function GroupedBarFigure({ categories, series, kind, summary, layout = "columns" }: Props) {
  const rows = layout === "rows";
  const height = rows ? Math.max(160, categories.length * (series.length * 12 + 16) + 60) : 300;
  const router = useRouter();
  const data: Datum[] = categories.map((category) => ({
    key: category.key,
    label: category.label,
    hrefs: category.hrefs ?? {},
    ...Object.fromEntries(series.map((entry) => [`v_${entry.key}`, category.values[entry.key] ?? 0])),
  }));
  return (
    <div role="img" aria-label={summary} className="w-full">
      <BarChart
        data={data}
        layout={rows ? "vertical" : "horizontal"}
        responsive
        style={{ width: "100%", height }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
        barGap={1}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#dfe3ea" vertical={rows} horizontal={!rows} />
        {rows ? (
          <>
            <XAxis type="number" tickFormatter={(value: number) => formatAxis(kind, value)} fontSize={12} />
            <YAxis type="category" dataKey="label" width={220} fontSize={12} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" interval={0} fontSize={11} />
            <YAxis tickFormatter={(value: number) => formatAxis(kind, value)} fontSize={12} width={56} />
          </>
        )}
        <Tooltip formatter={(value) => formatFigure(kind, typeof value === "number" ? value : null)} cursor={{ fill: "#f1f3f6" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {series.map((entry) => (
          <Bar
            key={entry.key}
            dataKey={`v_${entry.key}`}
            name={entry.label}
            fill={entry.color}
            isAnimationActive={false}
            shape={shapeFor(entry)}
            maxBarSize={rows ? 12 : 28}
            onClick={(item) => {
              const href = (item.payload as Datum | undefined)?.hrefs[entry.key];
              if (href) router.push(href);
            }}
          />
        ))}
      </BarChart>
    </div>
  );
}
