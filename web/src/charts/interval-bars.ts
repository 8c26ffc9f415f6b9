// Horizontal bars with 95% intervals, one per row (zones ranked, areas compared, breakdown
// groups), a reference line (Belgium, or the area's total), and hidden rows labelled as such
// rather than drawn: a hidden value is never estimated.
import * as Plot from "@observablehq/plot";

export interface IntervalRow {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  fill: string;
  hidden: boolean;
}

export interface IntervalBarsOptions {
  rows: IntervalRow[];
  width: number;
  reference?: { value: number; label: string } | null;
  hiddenText: string;
  format: (v: number) => string;
  ariaLabel: string;
  ariaDescription: string;
  /** Keep the given order (breakdowns) instead of ranking by value. */
  keepOrder?: boolean;
}

export function intervalBars(o: IntervalBarsOptions): SVGSVGElement {
  const shown = o.rows.filter((r) => !r.hidden && r.value !== null);
  const order = o.keepOrder
    ? o.rows.map((r) => r.label)
    : [...shown]
        .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
        .map((r) => r.label)
        .concat(o.rows.filter((r) => r.hidden || r.value === null).map((r) => r.label));
  const longest = Math.max(...o.rows.map((r) => r.label.length), 4);
  const marginLeft = Math.min(260, 20 + longest * 7);
  const max = Math.max(...shown.map((r) => r.upper ?? r.value ?? 0), o.reference?.value ?? 0, 0);
  const blank = o.rows.filter((r) => r.hidden || r.value === null);
  return Plot.plot({
    width: o.width,
    height: 40 + o.rows.length * 22,
    marginLeft,
    marginRight: 24,
    x: { grid: true, nice: true, domain: [0, max * 1.05 || 1], label: null, tickFormat: o.format },
    y: { domain: order, label: null, tickSize: 0 },
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    color: { type: "identity" },
    marks: [
      Plot.barX(shown, { y: "label", x: "value", fill: "fill", stroke: "#595959", strokeWidth: 0.5, title: (r: IntervalRow) => `${r.label}: ${o.format(r.value!)}` }),
      Plot.ruleY(
        shown.filter((r) => r.lower !== null && r.upper !== null),
        { y: "label", x1: "lower", x2: "upper", stroke: "#1a1a1a", strokeWidth: 1.5 },
      ),
      Plot.tickX(
        shown.filter((r) => r.lower !== null),
        { y: "label", x: "lower", stroke: "#1a1a1a" },
      ),
      Plot.tickX(
        shown.filter((r) => r.upper !== null),
        { y: "label", x: "upper", stroke: "#1a1a1a" },
      ),
      Plot.text(blank, { y: "label", x: 0, text: () => o.hiddenText, textAnchor: "start", dx: 4, fill: "#4d4d4d" }),
      o.reference ? Plot.ruleX([o.reference.value], { stroke: "#000000", strokeDasharray: "4,3", strokeWidth: 1.5 }) : null,
      o.reference ? Plot.text([o.reference], { x: "value", text: "label", frameAnchor: "top", dy: -12, fill: "#000000" }) : null,
    ],
  }) as SVGSVGElement;
}
