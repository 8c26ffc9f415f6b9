// The check of a PDCA cycle as an XmR chart: the zone's yearly values, the baseline's mean and
// process limits, the target, and the start of the actions. Points that belong to a signal are
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
}

const MEANING_FILL = { improvement: "#0072B2", concern: "#D55E00", neither: "#6a51a3" } as const;

export function signalOf(check: CheckIndicator, year: number): "improvement" | "concern" | "neither" | null {
  const s = check.signals.filter((x) => x.years.includes(year));
  if (!s.length) return null;
  return s.some((x) => x.meaning === "concern") ? "concern" : s.some((x) => x.meaning === "improvement") ? "improvement" : "neither";
}

export function xmrChart(o: XmrOptions): SVGSVGElement {
  const { check } = o;
  const points = check.series.map((p) => ({ year: p.year, value: p.hidden ? null : p.value, signal: signalOf(check, p.year) }));
  const c = check.chart;
  const years = points.map((p) => p.year);
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
    x: { domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5], label: null, tickFormat: (y: number) => String(y), ticks: years },
    y: { grid: true, nice: true, label: null, tickFormat: o.format },
    color: { type: "identity" },
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    marks: [
      c ? Plot.rectX([c.baseline], { x1: (b: { from: number }) => b.from - 0.5, x2: (b: { to: number }) => b.to + 0.5, fill: "#eef3f8" }) : null,
      ...lines.map((l) => Plot.ruleY([l.y], { stroke: "#404040", strokeDasharray: l.dash ?? undefined })),
      Plot.text(lines, { y: "y", text: "label", frameAnchor: "right", dx: 86, textAnchor: "end", fill: "#404040" }),
      target !== null ? Plot.ruleY([target], { stroke: "#000000", strokeDasharray: "2,3", strokeWidth: 1.5 }) : null,
      target !== null ? Plot.text([target], { y: (t: number) => t, text: () => o.labels.target, frameAnchor: "right", dx: 86, textAnchor: "end", fontWeight: "bold" }) : null,
      o.actionsStart !== null ? Plot.ruleX([o.actionsStart - 0.5], { stroke: "#000000", strokeWidth: 1.5 }) : null,
      o.actionsStart !== null ? Plot.text([o.actionsStart - 0.5], { x: (x: number) => x, text: () => o.labels.actions, frameAnchor: "top", dy: -4, dx: 4, textAnchor: "start" }) : null,
      Plot.lineY(points, { x: "year", y: "value", stroke: "#595959", strokeWidth: 1.5 }),
      Plot.dot(points, {
        x: "year",
        y: "value",
        r: (p: { signal: string | null }) => (p.signal ? 6 : 4),
        fill: (p: { signal: keyof typeof MEANING_FILL | null }) => (p.signal ? MEANING_FILL[p.signal] : "#595959"),
        stroke: "#ffffff",
        title: (p: { year: number; value: number | null; signal: string | null }) => `${p.year}: ${p.value === null ? "–" : o.format(p.value)}${p.signal === "improvement" ? ` (${o.labels.improvement})` : p.signal === "concern" ? ` (${o.labels.concern})` : ""}`,
      }),
    ],
  }) as SVGSVGElement;
}
