// Legends of exported charts (report-frame.ts), from the same classes and series the screen's
// legends show: comparison or quintile chips with their icon and words, a hatch for hidden
// cells, a line per area of a trend chart (Belgium dashed). Pure.
import { tk } from "./i18n/index.ts";
import type { Style } from "./legend.ts";
import type { LegendEntry } from "./report-frame.ts";
import type { Lang } from "./route.ts";
import { seriesColours } from "./series-colours.ts";

export function styleEntries(styles: readonly Style[], lang: Lang, hiddenToo = true): LegendEntry[] {
  const entries: LegendEntry[] = styles.map((s) => ({ kind: "chip", label: tk(lang, s.label), fill: s.fill, text: s.text, icon: s.icon }));
  if (hiddenToo) entries.push({ kind: "hatch", label: tk(lang, "hidden.short") });
  return entries;
}

export function seriesEntries(series: readonly string[], reference?: string): LegendEntry[] {
  const colours = seriesColours(series, reference);
  return series.map((s, i) => ({ kind: "line", label: s, colour: colours[i]!, dashed: s === reference }));
}
