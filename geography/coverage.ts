/**
 * The top level of a release is named for what the data covers: "Belgium" only when all three
 * regions are covered; else the covered region ("Flemish Region"), or the regions joined.
 */
import type { Names, RegionCode } from "./types.ts";
import { BELGIUM, REGIONS } from "./facts.ts";

const AND: Names = { nameFr: " et ", nameNl: " en ", nameDe: " und ", nameEn: " and " };

export function coverageNames(covered: Iterable<string>): Names & { belgium: boolean } {
  const regions = REGIONS.filter((r) => [...covered].includes(r.code));
  if (regions.length === 0 || regions.length === REGIONS.length) return { ...pickNames(BELGIUM), belgium: regions.length === REGIONS.length };
  const join = (key: keyof Names) => regions.map((r) => r[key]).join(AND[key]);
  return { nameFr: join("nameFr"), nameNl: join("nameNl"), nameDe: join("nameDe"), nameEn: join("nameEn"), belgium: false };
}

const pickNames = (n: Names): Names => ({ nameFr: n.nameFr, nameNl: n.nameNl, nameDe: n.nameDe, nameEn: n.nameEn });

export type { RegionCode };
