// Colours of the lines of a trend chart (one per area, Belgium always black and dashed). They
// are chosen away from the comparison fills (blues for better, oranges and browns for worse,
// purples for higher/lower): a zone's line must not read as a verdict it does not carry (issue
// 17: the orange of the trend lines was the map's "worse"). Each keeps 3:1 contrast on white.
// Tested in series-colours.test.ts. Pure.

export const SERIES_COLOURS = ["#009E73", "#e7298a", "#666666", "#999933", "#882255", "#CC79A7", "#0f766e", "#4d7c0f"] as const;
export const REFERENCE_COLOUR = "#000000";

export function seriesColours(series: readonly string[], reference?: string): string[] {
  let i = 0;
  return series.map((s) => (s === reference ? REFERENCE_COLOUR : SERIES_COLOURS[i++ % SERIES_COLOURS.length]!));
}
