/**
 * Sub-annual periods in the disclosure model (release/sdc-model.ts). A definition's period
 * counts are cells of the table of its yearly numerator, under a stratum of their own,
 * `period:<id>:quarter` (or `:month`) with values 1–4 (1–12), so that the model's machinery
 * states what an attacker knows, in the same problem as the year:
 * - in every area, atom and sector group, the periods add up to the year: total = Σ periods,
 *   as any breakdown does; an atom's periods are latent parts x(atom, p) ≥ 0 whose sum is the
 *   atom's yearly count, itself a latent part of the yearly problem;
 * - within each period, the geography: Belgium = Σ regions, zone = Σ its atoms and sectors, …;
 * - municipal (and sector) periods are never published: latent cells, whatever the options.
 * The stratum names the definition: two definitions counting the same events share the yearly
 * table but each keeps its own periods (equal yearly counts per person need not fall on the
 * same dates).
 */
import type { SubAnnual } from "../indicators/definition/sub-annual.ts";
import { periodCount, type PeriodCell } from "../indicators/compute/periods.ts";

const PREFIX = "period:";

export const periodStratum = (indicatorId: string, kind: SubAnnual): string => `${PREFIX}${indicatorId}:${kind}`;
export const isPeriodStratum = (stratum: string): boolean => stratum.startsWith(PREFIX);

/** The values of a period stratum: "1" … "4" or "1" … "12". */
export function periodStratumValues(stratum: string): string[] {
  const kind = stratum.slice(stratum.lastIndexOf(":") + 1) as SubAnnual;
  return Array.from({ length: periodCount(kind) }, (_, i) => String(i + 1));
}

/** Levels whose period cells a release publishes (periods are totals: no municipality, no sector). */
export const PERIOD_LEVELS: ReadonlySet<string> = new Set(["belgium", "region", "province", "zone"]);

/** A period cell where the model puts it: its area, stratum and value. */
export const periodModelCell = (c: PeriodCell) => ({ ...c, stratum: periodStratum(c.indicator_id, c.period_kind), stratum_value: String(c.period_index) });
