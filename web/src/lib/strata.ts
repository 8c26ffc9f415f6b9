// Stratum values as the dashboard shows them, in the reader's language, and in reading order. Pure.
// Age bands are the definition's own (`0-11`, `12-17`, `85+`) or the default five: any band the
// release holds is shown as "12–17 years" / "85+ ans", and bands are ordered by age (as text,
// "12-17" would come before "5-11").
import { t, tk } from "./i18n/index.ts";
import type { Breakdown, Lang } from "./route.ts";

/** The youngest age of a band label, or undefined if the value is not a band. */
export function bandStart(value: string): number | undefined {
  const m = /^(\d+)(?:-\d+|\+)$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

export function stratumText(lang: Lang, breakdown: Breakdown, value: string): string {
  if (breakdown === "age-band") return bandStart(value) === undefined ? value : t(lang, "stratum.age", { band: value.replace("-", "–") });
  return tk(lang, `stratum.${value}`);
}

/** Cells of one breakdown in reading order: age bands by age; the other breakdowns as given. */
export function inStratumOrder<C extends { stratum_value: string }>(breakdown: Breakdown, cells: readonly C[]): C[] {
  if (breakdown !== "age-band") return [...cells];
  return [...cells].sort((a, b) => (bandStart(a.stratum_value) ?? Infinity) - (bandStart(b.stratum_value) ?? Infinity));
}
