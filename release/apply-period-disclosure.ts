/**
 * What a release publishes of each sub-annual period cell (period-model.ts), once disclosure
 * control has decided. Pure. A period cell is published at Belgium, region, province and zone
 * level only, and hidden as a whole (every number NULL, reason `suppressed`) when
 * - its numerator's model cell is hidden (primary: 1 to minCount − 1 events; or complementary), or
 * - the denominator of its area's yearly cell is hidden: a period's person-years are the year's
 *   population × a known fraction of days, so publishing them would give the hidden population.
 */
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import type { PeriodCell } from "../indicators/compute/periods.ts";
import { PERIOD_CELL_TABLE, type PeriodCellRow } from "./format.ts";
import { PERIOD_LEVELS } from "./period-model.ts";
import type { CellCounts } from "./sdc-model.ts";

export type PublishedPeriodCell = PeriodCellRow;
/** Why a published period cell is hidden, for the manifest's aggregates only. */
export type PeriodHiding = "primary" | "complementary" | "derived" | null;

const yearKey = (c: Pick<IndicatorCell, "indicator_id" | "year" | "level" | "system_code" | "area_code">) => `${c.indicator_id}|${c.year}|${c.level}|${c.system_code ?? ""}|${c.area_code}`;

export function applyPeriodDisclosure(
  periods: readonly PeriodCell[],
  periodCounts: readonly (string | undefined)[],
  cells: readonly IndicatorCell[],
  counts: readonly CellCounts[],
  hidden: ReadonlyMap<string, "primary" | "complementary">,
): { cells: PublishedPeriodCell[]; hiding: { indicator_id: string; hiding: PeriodHiding }[] } {
  const yearDenominator = new Map<string, string | undefined>();
  cells.forEach((c, i) => {
    if (c.stratum === "total") yearDenominator.set(yearKey(c), counts[i]!.denominator);
  });
  const out: PublishedPeriodCell[] = [];
  const hiding: { indicator_id: string; hiding: PeriodHiding }[] = [];
  periods.forEach((p, i) => {
    if (!PERIOD_LEVELS.has(p.level)) return;
    const numerator = periodCounts[i];
    if (numerator === undefined) throw new Error(`period cell ${p.indicator_id} ${p.period} ${p.level} ${p.area_code} has no count in the disclosure model`);
    if (!yearDenominator.has(yearKey(p))) throw new Error(`period cell ${p.indicator_id} ${p.period} ${p.level} ${p.area_code} has no yearly cell`);
    const den = yearDenominator.get(yearKey(p));
    const kind: PeriodHiding = hidden.get(numerator) ?? (den !== undefined && hidden.has(den) ? "derived" : null);
    hiding.push({ indicator_id: p.indicator_id, hiding: kind });
    const keys = {
      indicator_id: p.indicator_id,
      year: p.year,
      period: p.period,
      period_kind: p.period_kind,
      period_index: p.period_index,
      level: p.level,
      system_code: p.system_code,
      area_code: p.area_code,
    };
    out.push(
      kind === null
        ? { ...keys, numerator: p.numerator, denominator: p.denominator, value: p.value, lower95: finite(p.lower95), upper95: finite(p.upper95), hidden: null, low_count: p.low_count }
        : { ...keys, ...PERIOD_CELL_TABLE.nulls, hidden: "suppressed" },
    );
  });
  return { cells: out, hiding };
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
