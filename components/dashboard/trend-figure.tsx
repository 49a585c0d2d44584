"use client";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxis, formatFigure, type FigureKind } from "@/lib/ui/format";
import { DASHES } from "./chart-theme";
import type { Series } from "./grouped-bar-figure";

interface Props {
  /** One point per week: its label and a value per series key. */
  points: { label: string; values: Record<string, number> }[];
  series: Series[];
  kind: FigureKind;
  summary: string;
  height?: number;
}

/** Weekly lines, each with its own colour and dash pattern, so they differ by more than colour. */
export function TrendFigure({ points, series, kind, summary, height = 280 }: Props) {
  const data = points.map((point) => ({ label: point.label, ...Object.fromEntries(series.map((entry) => [`v_${entry.key}`, point.values[entry.key] ?? 0])) }));
  return (
    <div role="img" aria-label={summary} className="w-full">
      <LineChart data={data} responsive style={{ width: "100%", height }} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dfe3ea" vertical={false} />
        <XAxis dataKey="label" fontSize={11} tickFormatter={(label: string) => label.replace(/^\d{4}-/, "")} minTickGap={12} />
        <YAxis tickFormatter={(value: number) => formatAxis(kind, value)} fontSize={12} width={56} />
        <Tooltip formatter={(value) => formatFigure(kind, typeof value === "number" ? value : null)} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {series.map((entry, index) => (
          <Line
            key={entry.key}
            type="monotone"
            dataKey={`v_${entry.key}`}
            name={entry.label}
            stroke={entry.color}
            strokeWidth={2}
            strokeDasharray={DASHES[index % DASHES.length]}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
