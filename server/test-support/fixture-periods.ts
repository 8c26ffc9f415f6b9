// The fixture's sub-annual values: quarters of premature mortality (a count of events, so the
// quarters' numerators add up to the year's) for the total stratum at every level but
// municipalities, as release/format.ts's `period_cell` holds them. A quarter's value is
// annualised (× 4) so that it reads on the year's scale. Hidden: every quarter of a hidden year
// (the sum would give it away), quarters of 1–4 events, the PERIOD_HIDDEN_CASES, and for each
// year left with one hidden quarter the smallest other (the year minus three would reveal it).
import { PERIOD_CELL_TABLE, type CellRow, type PeriodCellRow } from "../../release/format.ts";
import { SYSTEM } from "./fixture-geography.ts";

/** The indicator with quarters in the fixture. */
export const PERIOD_INDICATOR = "premature-mortality";
export const PERIOD_LEVELS = ["belgium", "region", "province", "zone"];
/** Hidden on purpose (each with its complement), whatever the counts. */
export const PERIOD_HIDDEN_CASES = [{ year: 2023, period_index: 2, level: "zone", system_code: SYSTEM, area_code: "Z01" }] as const;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/** Splits a count into four whole parts near equal, with a little deterministic noise. */
function split(total: number, seed: string): number[] {
  const weights = [0, 1, 2, 3].map((q) => 0.9 + 0.2 * hash(`${seed}|${q}`));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  for (let i = 0, rest = total - parts.reduce((a, b) => a + b, 0); rest > 0; i++, rest--) parts[i % 4]! += 1;
  return parts;
}

/** The quarters of the indicator's yearly total cells (shift: as the cells got it). */
export function periodCells(cells: readonly CellRow[], shift: number): PeriodCellRow[] {
  const rows: PeriodCellRow[] = [];
  const totals = cells.filter((c) => c.indicator_id === PERIOD_INDICATOR && c.stratum === "total" && PERIOD_LEVELS.includes(c.level));
  for (const c of totals) {
    const parts = c.hidden || c.numerator === null ? [null, null, null, null] : split(c.numerator, `${c.level}|${c.area_code}|${c.year}`);
    const quarter = parts.map((n, i): PeriodCellRow => {
      const den = c.denominator;
      const value = n === null || !den ? null : ((4 * n) / den) * 1e5 + shift;
      const se = n === null || !den ? null : ((4 * Math.sqrt(Math.max(n, 1))) / den) * 1e5;
      const forced = PERIOD_HIDDEN_CASES.some((h) => h.year === c.year && h.period_index === i + 1 && h.level === c.level && h.system_code === c.system_code && h.area_code === c.area_code);
      const hidden = c.hidden !== null || (n !== null && n >= 1 && n <= 4) || forced ? "suppressed" : null;
      return {
        indicator_id: c.indicator_id,
        year: c.year,
        period: `${c.year}-Q${i + 1}`,
        period_kind: "quarter",
        period_index: i + 1,
        level: c.level,
        system_code: c.system_code,
        area_code: c.area_code,
        numerator: n,
        denominator: den,
        value,
        lower95: value === null || se === null ? null : Math.max(0, value - 1.96 * se),
        upper95: value === null || se === null ? null : value + 1.96 * se,
        hidden,
        low_count: n === null ? null : n < 10,
      };
    });
    const hidden = quarter.filter((q) => q.hidden);
    if (hidden.length === 1) {
      const complement = quarter.filter((q) => !q.hidden).sort((a, b) => (a.numerator ?? 0) - (b.numerator ?? 0))[0];
      if (complement) complement.hidden = "suppressed";
    }
    for (const q of quarter) if (q.hidden) Object.assign(q, PERIOD_CELL_TABLE.nulls);
    rows.push(...quarter);
  }
  return rows;
}
