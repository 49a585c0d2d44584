"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatAxis, formatFigure, type FigureKind } from "@/lib/ui/format";

export interface BarDatum {
  /** Stable key, also the bar's `data-bar` attribute. */
  key: string;
  label: string;
  value: number;
  color: string;
  /** A second line under the label (columns only), e.g. the conversion into this stage. */
  note?: string;
  /** The leads behind the bar: clicking it opens them. */
  href?: string | null;
}

export interface BarFigureProps {
  data: BarDatum[];
  kind: FigureKind;
  /** What the chart shows, in one sentence: the chart is an image to assistive technology; the data table says the rest. */
  summary: string;
  /** "columns": categories along the bottom; "rows": one horizontal bar per category (long labels). */
  layout?: "columns" | "rows";
  height?: number;
  /** A line to compare against, e.g. the 45 % best-in-class share. */
  reference?: { value: number; label: string };
  /** The value axis' upper end (e.g. 1 for shares); automatic when omitted. */
  max?: number;
}

function BarShape(props: BarShapeProps) {
  const datum = props.payload as BarDatum;
  return (
    <g data-bar={datum.key} style={{ cursor: datum.href ? "pointer" : undefined }}>
      <Rectangle {...props} fill={datum.color} />
    </g>
  );
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: string; index: number };
}

/** The category's name, with its note on a second line. */
function categoryTick({ x = 0, y = 0, payload }: TickProps, data: readonly BarDatum[]) {
  const datum = data[payload?.index ?? 0];
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fontSize={12} fill="#1f2937">
      <tspan x={Number(x)} dy="0.9em">
        {payload?.value}
      </tspan>
      {datum?.note && (
        <tspan x={Number(x)} dy="1.3em" fill="#5b6472" fontSize={11}>
          {datum.note}
        </tspan>
      )}
    </text>
  );
}

/** Bar charts read at a glance: a value on every bar, short axes, clickable bars that open the leads behind them. */
export function BarFigure({ data, kind, summary, layout = "columns", height = 260, reference, max }: BarFigureProps) {
  const router = useRouter();
  const rows = layout === "rows";
  const format = (value: unknown) => formatFigure(kind, typeof value === "number" ? value : null);
  const hasNotes = data.some((datum) => datum.note);

  return (
    <div role="img" aria-label={summary} className="w-full">
      <BarChart
        data={data}
        layout={rows ? "vertical" : "horizontal"}
        responsive
        style={{ width: "100%", height }}
        accessibilityLayer={false}
        margin={rows ? { top: reference ? 20 : 4, right: 56, bottom: 4, left: 4 } : { top: 20, right: 8, bottom: hasNotes ? 16 : 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#dfe3ea" vertical={rows} horizontal={!rows} />
        {rows ? (
          <>
            <XAxis type="number" domain={[0, max ?? "auto"]} tickFormatter={(value: number) => formatAxis(kind, value)} fontSize={12} />
            <YAxis type="category" dataKey="label" width={200} fontSize={12} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" interval={0} tick={(props: TickProps) => categoryTick(props, data)} height={hasNotes ? 44 : 30} />
            <YAxis domain={[0, max ?? "auto"]} tickFormatter={(value: number) => formatAxis(kind, value)} fontSize={12} width={56} />
          </>
        )}
        <Tooltip formatter={(value) => format(value)} cursor={{ fill: "#f1f3f6" }} />
        {reference &&
          (rows ? (
            <ReferenceLine x={reference.value} stroke="#9a5b00" strokeDasharray="5 3" label={{ value: reference.label, position: "top", fontSize: 11, fill: "#9a5b00" }} />
          ) : (
            <ReferenceLine y={reference.value} stroke="#9a5b00" strokeDasharray="5 3" label={{ value: reference.label, position: "insideTopRight", fontSize: 11, fill: "#9a5b00" }} />
          ))}
        <Bar
          dataKey="value"
          name="Value"
          isAnimationActive={false}
          shape={BarShape}
          maxBarSize={rows ? 28 : 72}
          onClick={(item) => {
            const href = (item.payload as BarDatum | undefined)?.href;
            if (href) router.push(href);
          }}
        >
          <LabelList dataKey="value" position={rows ? "right" : "top"} formatter={format} fontSize={12} fill="#1f2937" />
        </Bar>
      </BarChart>
    </div>
  );
}
