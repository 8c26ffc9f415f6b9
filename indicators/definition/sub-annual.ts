/**
 * `sub-annual: quarter | month`: a definition's values per quarter or month besides its years,
 * for run charts (statistical process control wants 15–20 points; six years give six).
 *
 * Only a crude rate of dated events can be cut by period without changing what it counts: each
 * event falls in the period of its date (service, delivery, admission), so the periods of a year
 * add up to the year's numerator exactly, and the denominator is the year's population in
 * person-years of the period (indicators/compute/periods.ts). A count of persons, a look-back
 * window, a hand-written query or a zone figure has no such split.
 */
import type { CheckedDefinition } from "./schema.ts";
import { statisticOf } from "../statistics/index.ts";

/** The same list as release/format.ts's SUB_ANNUAL_PERIODS (tested equal). */
export const SUB_ANNUAL = ["quarter", "month"] as const;
export type SubAnnual = (typeof SUB_ANNUAL)[number];

type Add = (path: (string | number)[], message: string) => void;

/** Why `sub-annual` cannot be asked for this definition, as problems at their fields. */
export function checkSubAnnual(def: CheckedDefinition, add: Add): void {
  const kind = def["sub-annual"];
  if (kind === undefined) return;
  const refuse = (why: string) =>
    add(["sub-annual"], `\`sub-annual: ${kind}\` is only for a \`crude-rate\` of dated events (\`numerator: { kind: events, count: events }\`), each counted in the ${kind} of its date: ${why}`);
  if (def.sql !== undefined) return refuse("a hand-written `sql` query returns yearly counts, without dates");
  if (def["zone-value"] !== undefined) return refuse("a zone figure is yearly, without dates");
  if (!statisticOf(def.statistic).validation.subAnnual) return refuse(`statistic \`${def.statistic}\` cannot be cut by period`);
  const n = def.numerator;
  if (n?.kind !== "events") return refuse(`a \`${n?.kind ?? "missing"}\` numerator has no event dates to cut by`);
  if (n.count !== "events") return refuse("a person counted once a year has no single date (write `count: events`)");
  if (n["window-years"] > 1) return refuse("a look-back window (`window-years` above 1) spans several years");
}
