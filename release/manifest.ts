/**
 * What the publisher says in a release's manifest: the disclosure rules and the title. The
 * manifest's shape is the release contract's (release/format.ts).
 */
export type { Manifest } from "./format.ts";

export const DISCLOSURE_RULES = [
  "A count of persons (or events) from 1 to minCount − 1, numerator or denominator, is hidden (primary suppression).",
  "For a proportion, a denominator minus numerator from 1 to minCount − 1 is protected too: everyone in a small group sharing the attribute is a disclosure.",
  "Numerators declared `counts: professionals` (GP headcount and FTE, case managers per zone) count staff, not patients: they are exempt from the minimum count and listed in professionalCounts; their denominators are protected as any count of persons.",
  "Every hidden cell says only `suppressed`: whether it was a small count or hidden to protect one is not published.",
  "Zeros are published; an attacker therefore knows every hidden count is at least 1, and the audit uses that bound.",
  "Complementary cells are hidden so that every protected count's feasible interval, given everything published (geography hierarchy, overlapping zone systems, totals and strata, denominators shared between indicators, the previous release's values), is at least protectionWidth wide (linear programming, HiGHS).",
  "Every value derived from a hidden count is hidden: value, limits, comparisons, quintile, trends, equity gaps, ratios of measures.",
  "Municipalities (and their breakdowns) are not published unless asked; they remain unknowns of the audit's model, grouped into atoms (municipalities in the same province and zones).",
  "Denominators shared by several indicators are protected first, all linked populations of a year together; each numerator is then protected with its denominators as the first phase left them.",
];

/** "boussole sample (synthetic data), 2019–2024, published 2 December 2026". */
export function releaseTitle(producer: string | null, synthetic: boolean, years: [number, number] | null, createdAt: string): string {
  const source = `${producer ?? "Boussole"}${synthetic ? " (synthetic data)" : ""}`;
  const period = years ? (years[0] === years[1] ? `${years[0]}` : `${years[0]}–${years[1]}`) : "no data";
  const date = new Date(createdAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `${source}, ${period}, published ${date}`;
}
