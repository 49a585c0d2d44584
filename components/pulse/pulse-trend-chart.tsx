"use client";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { MonthPoint } from "@/lib/pulse/rules";
import { DASHES, TEAM_COLORS } from "@/components/dashboard/chart-theme";

const LINES = [
  { key: "usefulness", label: "Usefulness of leads", color: TEAM_COLORS.marketing },
  { key: "support", label: "Marketing's support", color: TEAM_COLORS.sales },
] as const;

/** Both questions' monthly averages on the 1-5 scale; months nobody answered leave a gap rather than a false zero. */
export function PulseTrendChart({ points, summary }: { points: MonthPoint[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} className="w-full">
      <LineChart data={points} responsive style={{ width: "100%", height: 280 }} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dfe3ea" vertical={false} />
        <XAxis dataKey="label" fontSize={11} minTickGap={12} />
        <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} fontSize={12} width={32} />
        <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(2) : "—")} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {LINES.map((line, index) => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={line.key}
            name={line.label}
            stroke={line.color}
            strokeWidth={2}
            strokeDasharray={DASHES[index % DASHES.length]}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
