// The check of a PDCA cycle as an XmR chart: the zone's yearly (or quarterly, monthly) values,
// the baseline's mean and process limits, the target, and the start of the actions. Points are
// placed by position, labelled by year or period, so quarters and years share one drawing. Points that belong to a signal are
// drawn larger and coloured by what they mean (improvement / concern), and named in their title.
import * as Plot from "@observablehq/plot";
import type { CheckIndicator } from "../lib/pdca.ts";

export interface XmrOptions {
  check: CheckIndicator;
  actionsStart: number | null;
  width: number;
  format: (v: number) => string;
  ariaLabel: string;
  ariaDescription: string;
  labels: { mean: string; limits: string; target: string; actions: string; improvement: string; concern: string };
  /** A period's label ("T1 2024"), for sub-annual checks. */
  periodLabel?: (period: string) => string;
}

const MEANING_FILL = { improvement: "#0072B2", concern: "#D55E00", neither: "#6a51a3" } as const;

/** A point's signal: matched by period on sub-annual checks, else by year. */
export function signalOf(check: CheckIndicator, point: { year: number; period?: string }): "improvement" | "concern" | "neither" | null {
  const s = check.signals.filter((x) => (point.period !== undefined ? (x.periods ?? []).includes(point.period) : x.years.includes(point.year)));
  if (!s.length) return null;
  return s.some((x) => x.meaning === "concern") ? "concern" : s.some((x) => x.meaning === "improvement") ? "improvement" : "neither";
}

export function xmrChart(o: XmrOptions): SVGSVGElement {
  const { check } = o;
  const label = (p: { year: number; period?: string }) => (p.period !== undefined ? (o.periodLabel?.(p.period) ?? p.period) : String(p.year));
  const points = check.series.map((p, x) => ({ x, year: p.year, label: label(p), value: p.hidden ? null : p.value, signal: signalOf(check, p) }));
  const c = check.chart;
  const periodic = check.series.some((p) => p.period !== undefined);
  // A tick per year: on quarters and months, the year's first point.
  const ticks = points.filter((p, i) => !periodic || points[i - 1]?.year !== p.year).map((p) => p.x);
  const inBaseline = (c?.points ?? []).flatMap((p, i) => (p.baseline ? [i] : []));
  const actionsAt = o.actionsStart === null ? -1 : points.findIndex((p) => p.year >= (o.actionsStart as number));
  const lines: { y: number; label: string; dash: string | null }[] = [];
  if (c) {
    lines.push({ y: c.mean, label: o.labels.mean, dash: null }, { y: c.upperLimit, label: o.labels.limits, dash: "6,4" }, { y: c.lowerLimit, label: o.labels.limits, dash: "6,4" });
  }
  const target = check.target?.value ?? null;
  return Plot.plot({
    width: o.width,
    height: 320,
    marginLeft: 60,
    marginRight: 90,
    x: { domain: [-0.5, points.length - 0.5], label: null, tickFormat: (x: number) => points[x]?.label ?? "", ticks },
    y: { grid: true, nice: true, label: null, tickFormat: o.format },
    color: { type: "identity" },
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    marks: [
      inBaseline.length ? Plot.rectX([0], { x1: () => (inBaseline[0] as number) - 0.5, x2: () => (inBaseline.at(-1) as number) + 0.5, fill: "#eef3f8" }) : null,
      ...lines.map((l) => Plot.ruleY([l.y], { stroke: "#404040", strokeDasharray: l.dash ?? undefined })),
      Plot.text(lines, { y: "y", text: "label", frameAnchor: "right", dx: 86, textAnchor: "end", fill: "#404040" }),
      target !== null ? Plot.ruleY([target], { stroke: "#000000", strokeDasharray: "2,3", strokeWidth: 1.5 }) : null,
      target !== null ? Plot.text([target], { y: (t: number) => t, text: () => o.labels.target, frameAnchor: "right", dx: 86, textAnchor: "end", fontWeight: "bold" }) : null,
      actionsAt >= 0 ? Plot.ruleX([actionsAt - 0.5], { stroke: "#000000", strokeWidth: 1.5 }) : null,
      actionsAt >= 0 ? Plot.text([actionsAt - 0.5], { x: (x: number) => x, text: () => o.labels.actions, frameAnchor: "top", dy: -4, dx: 4, textAnchor: "start" }) : null,
      Plot.lineY(points, { x: "x", y: "value", stroke: "#595959", strokeWidth: 1.5 }),
      Plot.dot(points, {
        x: "x",
        y: "value",
        r: (p: { signal: string | null }) => (p.signal ? (periodic ? 5 : 6) : periodic ? 3 : 4),
        fill: (p: { signal: keyof typeof MEANING_FILL | null }) => (p.signal ? MEANING_FILL[p.signal] : "#595959"),
        stroke: "#ffffff",
        title: (p: { label: string; value: number | null; signal: string | null }) =>
          `${p.label}: ${p.value === null ? "–" : o.format(p.value)}${p.signal === "improvement" ? ` (${o.labels.improvement})` : p.signal === "concern" ? ` (${o.labels.concern})` : ""}`,
      }),
    ],
  }) as SVGSVGElement;
}
