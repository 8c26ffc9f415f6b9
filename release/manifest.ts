/** The manifest of a release (docs/release-format.md). */
export interface Manifest {
  format: "boussole-release/1";
  releaseId: string;
  createdAt: string;
  synthetic: boolean;
  producer: string | null;
  years: [number, number] | null;
  /** Human-readable title beside the id: source, years, publication date (English; the dashboard words its own in each language). */
  title?: string;
  batches: { batchId: string; producer: string | null; synthetic: boolean; finishedAt: string | null }[];
  indicators: { id: string; version: number }[];
  /**
   * Definitions, or years of a definition (year non-null), left without cells and why: not
   * computable, or no source data that year (missing data is not published as zeros).
   * Absent from releases written before it existed.
   */
  notComputed?: { id: string; year: number | null; reason: string }[];
  disclosure: {
    minCount: number;
    protectionWidth: number;
    publishZeros: boolean;
    municipalities: boolean;
    municipalityStrata: boolean;
    previousRelease: string | null;
    rules: string[];
    /** Indicators whose numerator counts professionals (staff), exempt from the minimum count. */
    professionalCounts: string[];
  };
  audit: {
    passed: boolean;
    problems: number;
    cellsPublished: number;
    hiddenSmallCount: number;
    hiddenComplementary: number;
    hiddenDerived: number;
    /** Hidden cells (primary, secondary, derived) over all released cells, 0–1. */
    hiddenShare: number;
    hiddenByIndicator: { id: string; cells: number; primary: number; secondary: number; derived: number; share: number }[];
    narrowestInterval: number | null;
    lpSolves: number;
    seconds: number;
  };
}

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
