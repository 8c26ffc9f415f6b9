// Yearly (or quarterly, monthly) values of a few areas as lines with their 95% interval bands;
// Belgium dashed in black. A hidden year or period breaks the line (no value is drawn or
// estimated for it).
import * as Plot from "@observablehq/plot";
import { seriesColours } from "../lib/series-colours.ts";

export interface TrendPoint {
  series: string;
  year: number;
  /** Sub-annual points: "2024-Q1" or "2024-03", the x position instead of the year. */
  period?: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  hidden: boolean;
}

export interface TrendOptions {
  points: TrendPoint[];
  series: string[];
  reference?: string;
  width: number;
  height?: number;
  format: (v: number) => string;
  ariaLabel: string;
  ariaDescription: string;
  /** Small multiples: one panel per series, wrapped in rows of `columns`. */
  facet?: { columns: number };
  /** Sub-annual points: the label of a period on the axis ("T1 2024"); the first of each year is labelled. */
  periodLabel?: (period: string) => string;
}

const xOf = (p: TrendPoint): string | number => p.period ?? p.year;

export function trendLines(o: TrendOptions): SVGSVGElement {
  const colours = seriesColours(o.series, o.reference);
  const domain = [...new Set(o.points.map(xOf))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const periodic = o.points.some((p) => p.period !== undefined);
  // A tick per year: on quarters and months, the year's first period.
  const ticks = periodic ? domain.filter((x) => /-(Q1|01)$/.test(String(x))) : domain;
  const tickFormat = (x: string | number) => (periodic && o.periodLabel ? o.periodLabel(String(x)) : String(x));
  const withValue = o.points.map((p) => ({ ...p, value: p.hidden ? null : p.value, lower: p.hidden ? null : p.lower, upper: p.hidden ? null : p.upper }));
  const index = new Map(o.series.map((s, i) => [s, i]));
  const columns = o.facet?.columns ?? 1;
  const facet = o.facet ? { fx: (p: TrendPoint) => (index.get(p.series) ?? 0) % columns, fy: (p: TrendPoint) => Math.floor((index.get(p.series) ?? 0) / columns) } : {};
  const rows = o.facet ? Math.ceil(o.series.length / columns) : 1;
  const panels = o.facet ? o.series.map((s, i) => ({ series: s, fx: i % columns, fy: Math.floor(i / columns) })) : [];
  return Plot.plot({
    width: o.width,
    height: o.height ?? (o.facet ? rows * 180 + 40 : 340),
    marginLeft: 56,
    marginTop: o.facet ? 24 : 20,
    x: { domain, ticks, label: null, tickFormat, type: "point", inset: 12 },
    y: { grid: true, nice: true, label: null, tickFormat: o.format },
    fx: o.facet ? { axis: null } : undefined,
    fy: o.facet ? { axis: null } : undefined,
    color: { domain: o.series, range: colours },
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    marks: [
      Plot.areaY(withValue, { x: xOf, y1: "lower", y2: "upper", fill: "series", fillOpacity: 0.14, z: "series", ...facet }),
      // strokeDasharray is a constant in Plot, not a channel: the reference is its own dashed mark.
      Plot.lineY(withValue, { x: xOf, y: "value", stroke: "series", strokeWidth: 2, z: "series", filter: (p: TrendPoint) => p.series !== o.reference, ...facet }),
      Plot.lineY(withValue, { x: xOf, y: "value", stroke: "series", strokeWidth: 2, z: "series", filter: (p: TrendPoint) => p.series === o.reference, strokeDasharray: "5,3", ...facet }),
      Plot.dot(withValue, {
        x: xOf,
        y: "value",
        fill: "series",
        r: periodic ? 2 : 3,
        title: (p: TrendPoint) => `${p.series} ${tickFormat(xOf(p))}: ${p.value === null ? "–" : o.format(p.value)}`,
        ...facet,
      }),
      o.facet ? Plot.text(panels, { fx: "fx", fy: "fy", text: "series", frameAnchor: "top-left", dy: -18, fontWeight: "bold" }) : null,
      o.facet ? Plot.frame({ stroke: "#d9d9d9" }) : null,
    ],
  }) as SVGSVGElement;
}
