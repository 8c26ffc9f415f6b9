/**
 * What the public gets from a release, and what the attacker reports. Nothing here comes
 * from the publisher's code: these shapes follow docs/release-format.md only.
 */

/** Where a published cell stands: indicator, year, area and stratum. */
export interface CellAddress {
  indicatorId: string;
  year: number;
  level: string;
  systemCode: string | null;
  areaCode: string;
  stratum: string;
  stratumValue: string;
}

export interface PublicCell extends CellAddress {
  numerator: number | null;
  denominator: number | null;
  /** NULL when published; else the public reason (`small-count`, `complementary`, `derived`, `suppressed`, …). */
  hidden: string | null;
}

/** A sub-annual value (`period_cell`): a quarter or month of a year, total stratum, never a municipality. */
export interface PublicPeriodCell {
  indicatorId: string;
  year: number;
  /** `quarter` or `month`. */
  periodKind: string;
  /** 1–4 or 1–12. */
  periodIndex: number;
  level: string;
  systemCode: string | null;
  areaCode: string;
  numerator: number | null;
  /** Person-years: the year's population × days of the period / days of the year (docs/release-format.md). */
  denominator: number | null;
  hidden: string | null;
}

export interface PublicIndicator {
  id: string;
  statistic: string;
}

export interface PublicArea {
  level: string;
  systemCode: string | null;
  areaCode: string;
  regionCode: string | null;
  provinceCode: string | null;
}

export interface PublicZoneMember {
  systemCode: string;
  zoneCode: string;
  nisCode: string;
  sectorCode: string | null;
}

export interface PublicRelease {
  cells: PublicCell[];
  indicators: PublicIndicator[];
  areas: PublicArea[];
  zoneMembers: PublicZoneMember[];
  /** `period_cell` (releases before it have none). */
  periodCells?: PublicPeriodCell[];
  /** From the manifest when public; defaults 5 and 5. */
  minCount?: number;
  protectionWidth?: number;
}

export type CountKind = "numerator" | "denominator" | "den-num";

/** A hidden count whose feasible interval is narrower than the protection width. */
export interface Leak extends CellAddress {
  kind: CountKind;
  min: number;
  max: number;
}

/** A relation the attacker found among published series by itself. */
export interface Discovered {
  kind: "equal" | "sum" | "strata";
  /** Series keys: `indicator|n or d|stratum|value`; for a sum, the first is the total. */
  series: string[];
  checkedCells: number;
}

export interface AttackReport {
  leaks: Leak[];
  /** Hidden counts attacked (numerators, denominators, den − num). */
  hiddenCounts: number;
  /** Narrowest interval over the hidden counts attacked that could be small (null when none). */
  narrowestInterval: number | null;
  protectionWidth: number;
  relations: Discovered[];
  components: number;
  lpSolves: number;
  /** Components whose constraints contradict each other (a wrongly discovered relation); skipped. */
  inconsistentComponents: number;
  seconds: number;
}

export const cellKey = (level: string, systemCode: string | null, areaCode: string): string => `${level}|${systemCode ?? ""}|${areaCode}`;
