/**
 * The registry of statistics: one spec per statistic (spec.ts), in the order the schema lists
 * them (their order in messages: "goes with statistic `proportion`, `crude-rate` or …").
 * Adding a statistic: its file beside these, and its spec in `SPECS`.
 */
import { crudeRate } from "./crude-rate.ts";
import { directlyStandardisedRate } from "./directly-standardised-rate.ts";
import { indirectlyStandardisedRatio } from "./indirectly-standardised-ratio.ts";
import { meanPerPerson } from "./mean-per-person.ts";
import { proportion } from "./proportion.ts";
import { ratioOfMeasures } from "./ratio-of-measures.ts";
import type { StatisticSpec } from "./spec.ts";
import { zoneMean } from "./zone-mean.ts";

export type { Block, Contrast, ContrastSide, Limits, StatisticSpec } from "./spec.ts";
export { BLOCKS } from "./spec.ts";

const SPECS = [proportion, crudeRate, directlyStandardisedRate, indirectlyStandardisedRatio, meanPerPerson, ratioOfMeasures, zoneMean] as const;

/** The statistics' names, as a tuple of literals for the schema's enum. */
type Names<T extends readonly unknown[]> = { readonly [K in keyof T]: T[K] extends { name: infer N } ? N : never };
export const STATISTICS = SPECS.map((s) => s.name) as unknown as Names<typeof SPECS>;
export type Statistic = (typeof STATISTICS)[number];

const BY_NAME = new Map<string, StatisticSpec>(SPECS.map((s) => [s.name, s]));

/** The spec of a statistic; throws for a name that is not one (the schema lets none through). */
export function statisticOf(name: string): StatisticSpec {
  const spec = BY_NAME.get(name);
  if (!spec) throw new RangeError(`unknown statistic ${name}`);
  return spec;
}

/** The statistics whose spec says `test`, in the registry's order. */
export function statisticsWhere(test: (spec: StatisticSpec) => boolean): Statistic[] {
  return SPECS.filter(test).map((s) => s.name);
}
