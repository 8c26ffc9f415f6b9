// How comparisons, trends and quintiles are shown: a colour chosen to be told apart with any
// colour vision (Okabe–Ito blue and vermillion, greys), always with an icon and words, so colour
// is never the only signal. Text colours meet WCAG AA contrast on their fills. Pure.

export interface Style {
  key: string;
  fill: string;
  text: string;
  icon: string;
  /** Message key of the words for it. */
  label: string;
}

const COMPARISONS: Record<string, Style> = {
  "much-better": { key: "much-better", fill: "#08306b", text: "#ffffff", icon: "▲▲", label: "cmp.much-better" },
  better: { key: "better", fill: "#2166ac", text: "#ffffff", icon: "▲", label: "cmp.better" },
  similar: { key: "similar", fill: "#e0e0e0", text: "#1a1a1a", icon: "●", label: "cmp.similar" },
  worse: { key: "worse", fill: "#b35806", text: "#ffffff", icon: "▼", label: "cmp.worse" },
  "much-worse": { key: "much-worse", fill: "#7f3b08", text: "#ffffff", icon: "▼▼", label: "cmp.much-worse" },
  "much-higher": { key: "much-higher", fill: "#3f007d", text: "#ffffff", icon: "↑↑", label: "cmp.much-higher" },
  higher: { key: "higher", fill: "#6a51a3", text: "#ffffff", icon: "↑", label: "cmp.higher" },
  lower: { key: "lower", fill: "#bcbddc", text: "#1a1a1a", icon: "↓", label: "cmp.lower" },
  "much-lower": { key: "much-lower", fill: "#dadaeb", text: "#1a1a1a", icon: "↓↓", label: "cmp.much-lower" },
  "not-compared": { key: "not-compared", fill: "#ffffff", text: "#1a1a1a", icon: "○", label: "cmp.not-compared" },
};
const HIDDEN: Style = { key: "hidden", fill: "url(#hidden-hatch)", text: "#1a1a1a", icon: "//", label: "hidden.short" };
const NONE: Style = { key: "none", fill: "#f7f7f7", text: "#1a1a1a", icon: "–", label: "cmp.none" };

/** The legend order for significance maps: best to worst, then the polarity-free classes. */
export const SIGNIFICANCE_ORDER = ["much-better", "better", "similar", "worse", "much-worse", "much-higher", "higher", "lower", "much-lower", "not-compared"] as const;

export function comparisonStyle(comparison: string | null | undefined, hidden?: string | null): Style {
  if (hidden) return HIDDEN;
  return (comparison && COMPARISONS[comparison]) || NONE;
}

/** Classes worth a legend entry for a given indicator polarity. */
export function significanceClasses(polarity: string): Style[] {
  const keys =
    polarity === "high-is-good" || polarity === "low-is-good"
      ? ["much-better", "better", "similar", "worse", "much-worse", "not-compared"]
      : ["much-higher", "higher", "similar", "lower", "much-lower", "not-compared"];
  return keys.map((k) => COMPARISONS[k]!);
}

// Sequential blues, light to dark; Q1 = the lowest values whatever the polarity (stated in the legend).
const QUINTILE_FILLS = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b"];
export function quintileStyle(quintile: number | null | undefined, hidden?: string | null): Style {
  if (hidden) return HIDDEN;
  if (!quintile || quintile < 1 || quintile > 5) return NONE;
  return { key: `q${quintile}`, fill: QUINTILE_FILLS[quintile - 1]!, text: quintile >= 4 ? "#ffffff" : "#1a1a1a", icon: `Q${quintile}`, label: `quintile.${quintile}` };
}
export function quintileClasses(): Style[] {
  return [1, 2, 3, 4, 5].map((q) => quintileStyle(q));
}

const TRENDS: Record<string, { icon: string; label: string; tone: "good" | "bad" | "neutral" }> = {
  "getting-better": { icon: "↗", label: "trend.getting-better", tone: "good" },
  "getting-worse": { icon: "↘", label: "trend.getting-worse", tone: "bad" },
  increasing: { icon: "↑", label: "trend.increasing", tone: "neutral" },
  decreasing: { icon: "↓", label: "trend.decreasing", tone: "neutral" },
  "no-significant-change": { icon: "→", label: "trend.no-significant-change", tone: "neutral" },
  "cannot-be-calculated": { icon: "·", label: "trend.cannot-be-calculated", tone: "neutral" },
};
/** The arrow follows the values (slope sign); the words and tone say whether that is good. */
export function trendStyle(trend: string | null | undefined, slope?: number | null): { icon: string; label: string; tone: "good" | "bad" | "neutral" } {
  const style = (trend && TRENDS[trend]) || { icon: "·", label: "trend.none", tone: "neutral" as const };
  if ((trend === "getting-better" || trend === "getting-worse") && slope !== null && slope !== undefined && slope !== 0) return { ...style, icon: slope > 0 ? "↑" : "↓" };
  return style;
}
