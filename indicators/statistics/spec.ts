/**
 * What differs between statistics, in one object per statistic (one file each, beside this
 * one; `index.ts` lists them). The shared code (the schema's rules, the compiler, the cell
 * statistics, contrasts, the words of `describe`, disclosure control) asks the statistic's spec
 * instead of comparing its name: adding a statistic is adding a file here and listing it.
 *
 * Imports are types only, but for the pure functions of `stats/`: the schema reads the list of
 * statistics from here, so nothing here may import the schema, the compiler or the release at
 * run time, nor a type built from the schema's enum (a definition, a cell with its statistic).
 */
import type { Language } from "../../core/languages.ts";
import type { NUMERATOR_KINDS, Stratum, Unit, ZoneValue } from "../definition/schema.ts";
import type { Cell } from "../compute/statistics.ts";
import type { Estimate } from "../stats/index.ts";

/** The blocks a definition's numbers come from. */
export const BLOCKS = ["population", "numerator", "zone-value", "ratio-of"] as const;
export type Block = (typeof BLOCKS)[number];

/** A cell's value with its limits at 95% (`a`) and 99.8% (`b`). */
export interface Limits {
  value: number;
  a: Estimate;
  b: Estimate;
  /** DSR only: fewer than 10 events; null for the others. */
  low_count: boolean | null;
}

/** What of a definition its rules and limits may read besides the counts. */
export interface DefinitionFacts {
  readonly unit: Unit;
  readonly "zone-value"?: ZoneValue;
}

/**
 * Where the engine gets the statistic's cells from:
 * - `counts`: a numerator and a denominator per cell (and Σx² for a mean), `limits` gives the
 *   value and limits (compute/statistics.ts);
 * - `esp-bands`: events and person-years by ESP 2013 band, standardised directly (`dsrCell`);
 * - `expected`: the same bands by sex, observed / expected over all areas at once
 *   (compute/indirect-standardisation.ts);
 * - `measures`: the cells of two other indicators, one over the other (compute/derive.ts).
 */
export type CellSource = { from: "counts"; limits: (cell: Cell, def: DefinitionFacts, multiplier: number) => Limits } | { from: "esp-bands" } | { from: "expected" } | { from: "measures" };

/** A cell to contrast (compute/contrast.ts). */
export interface ContrastSide {
  unit: Unit;
  numerator: number;
  denominator: number;
  value: number;
  lower95: number;
  upper95: number;
}
export interface Contrast {
  ratio: Estimate;
  difference: Estimate;
}

export interface StatisticSpec<N extends string = string> {
  readonly name: N;
  /** How `describe` names it, with its interval method (definition/describe.ts). */
  readonly words: Readonly<Record<Language, string>>;

  /** What a definition of it must hold (definition/rules.ts, computable.ts). */
  readonly validation: {
    /** The units it may be given in. */
    readonly units: readonly Unit[];
    /** The numerator kinds it can be computed from. */
    readonly numeratorKinds: readonly (typeof NUMERATOR_KINDS)[number][];
    /** The blocks its numbers come from; the other blocks are refused. */
    readonly blocks: (def: Pick<DefinitionFacts, "zone-value">) => readonly Block[];
    /** A zone figure or a ratio of indicators: no breakdown by sex, age band or BIM. */
    readonly zoneLevel: boolean;
    /** Computable from a hand-written query's counts by residence unit (compute/compile-sql.ts). */
    readonly fromQuery: boolean;
    /** With an `events` numerator: what it must count, and the refusal otherwise. */
    readonly eventCount?: { readonly count: "persons" | "events"; readonly refusal: string };
    /** With an `events` numerator: the unit it must have, and the refusal otherwise. */
    readonly eventsUnit?: { readonly unit: Unit; readonly refusal: string };
    /** The only strata it can be broken down by (also the default), and the refusal of another. */
    readonly strata?: { readonly only: readonly Stratum[]; readonly refusal: (stratum: Stratum) => string };
    /** Standardised on the 5-year ESP bands: the refusal of an age range that does not follow them. */
    readonly espAgeRange?: string;
    /** Why it has no use for a definition's own `age-bands`, when it has none. */
    readonly ageBandsRefusal?: string;
    /** Its numerator can be cut by period (`sub-annual`): a count of dated events over a yearly population. */
    readonly subAnnual?: true;
  };
  /** Computed with the rates of a standard (`standard: belgium | region`). */
  readonly standard: boolean;

  /** What the compiler needs (compute/compile.ts, compile-zone.ts). */
  readonly compile: {
    /** Counted from persons in the one person-based query (person_year and the event tables). */
    readonly personBased: boolean;
    /** From a zone table: the zone's mean of a survey, or its figure per inhabitant. */
    readonly zoneFigure?: "mean" | "per-population";
    /** The strata the query groups it by, from those its definition asks for (default: those). */
    readonly groupedBy?: (strata: readonly Stratum[]) => Stratum[];
    /** Its cells carry Σx² (column `s<i>`) for the limits of a mean. */
    readonly sumOfSquares: boolean;
  };
  readonly cells: CellSource;
  /**
   * The contrast of two of its cells of the same unit from their counts (compute/contrast.ts), or
   * undefined to take it from their intervals; absent: always from the intervals.
   */
  readonly contrast?: (a: ContrastSide, b: ContrastSide, multiplier: number) => Contrast | undefined;

  /** Which of its counts a release publishes, hence protects (release/sdc-model.ts). */
  readonly disclosure: {
    /** Its denominator: insured persons, a survey's respondents (its own), or none published. */
    readonly denominator: "persons" | "respondents" | "none";
    /** Its numerator is a count of persons or events (not an amount, not a mean). */
    readonly numerator: boolean;
    /**
     * Its numerator counts persons of its denominator, so den − num is a count of persons too:
     * a latent cell of the model (and a hand-written query's rows are checked for num ≤ den).
     */
    readonly rest: boolean;
  };
}

/** Person-based statistics take population and numerator. */
export const PERSON_BLOCKS: readonly Block[] = ["population", "numerator"];
export const RATES: readonly Unit[] = ["per-1000", "per-10000", "per-100000"];

/** A value without limits (one person's mean, a census figure). */
export function withoutLimits(value: number): Limits {
  const none = { value, lower: NaN, upper: NaN };
  return { value, a: none, b: none, low_count: null };
}
