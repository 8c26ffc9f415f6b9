/**
 * A zone system's membership holds for the system's vintage (`geo_zone_systems.vintage`: the
 * year from which it is valid, until the municipal map changes). Each member's municipality
 * must be valid in that vintage:
 *
 * - by Belgium's municipal history: the mergers of 1 January 2025 (`geography/mergers.ts`). A
 *   code those mergers created (44086 Nazareth-De Pinte) is valid from 2025 only; a code they
 *   ended (44012 De Pinte, 44048 Nazareth) is valid up to 2024 only. This holds whatever
 *   municipalities the extract brings, so a 2019 ELZ table cannot be put on 2025 codes, nor the
 *   reverse, even when the shipped reference stands in for geo_municipalities;
 * - by the extract's own municipalities: when geo_municipalities holds a vintage at or before the
 *   system's that is not the load's vintage (which the reference checks already cover), the
 *   member must be a municipality of the latest such vintage;
 * - by the load's vintage: one load holds one municipal map, so a member valid in its system's
 *   vintage but ended or not yet made in the load's vintage is refused too, saying which.
 *
 * A member refused here is not reported again as an unknown municipality: the caller skips it.
 */
import type { ParsedRow } from "../../contract/index.ts";
import { MERGERS_2025 } from "../../geography/mergers.ts";
import type { GeographyRows } from "./references.ts";
import type { ValidationReport } from "./report.ts";

export const MERGER_YEAR = 2025;
const CREATED = new Map(MERGERS_2025.filter((m) => !m.from.includes(m.nisCode)).map((m) => [m.nisCode, m]));
const ENDED = new Map(MERGERS_2025.flatMap((m) => m.from.filter((c) => c !== m.nisCode).map((c) => [c, m] as const)));

const lineOf = (row: ParsedRow) => row._line as number | undefined;
const fileOf = (row: ParsedRow, fallback: string) => (row._file as string | undefined) ?? fallback;

/** Why a municipality code is not valid in a vintage by Belgium's municipal history, or null. */
export function historicalReason(nis: string, vintage: number): string | null {
  const created = CREATED.get(nis);
  if (created && vintage < MERGER_YEAR) return `municipality ${nis} (${created.nameNl}) exists only from 1 January ${MERGER_YEAR}, made by merging ${created.from.join(", ")}`;
  const ended = ENDED.get(nis);
  if (ended && vintage >= MERGER_YEAR) return `municipality ${nis} ended on 31 December ${MERGER_YEAR - 1}, merged into ${ended.nisCode} (${ended.nameNl})`;
  return null;
}

/**
 * Reports (rule `geo.member-vintage`) every zone member whose municipality is not valid in its
 * system's vintage; returns the rows reported. `loadVintage` is the vintage the extract is
 * checked against.
 */
export function checkZoneVintages(rows: GeographyRows, report: ValidationReport, files: Record<keyof GeographyRows, string>, loadVintage: number): Set<ParsedRow> {
  const refused = new Set<ParsedRow>();
  const vintageOfSystem = new Map<string, number>();
  for (const s of rows.geo_zone_system) if (typeof s.vintage === "number") vintageOfSystem.set(String(s.system_code), s.vintage);
  const systemOfZone = new Map(rows.geo_zone.map((z) => [String(z.zone_code), String(z.system_code)]));
  const byVintage = new Map<number, Set<string>>();
  for (const m of rows.geo_municipality) {
    if (typeof m.vintage !== "number") continue;
    const set = byVintage.get(m.vintage) ?? new Set<string>();
    set.add(String(m.nis_code));
    byVintage.set(m.vintage, set);
  }
  const vintages = [...byVintage.keys()].sort((a, b) => a - b);
  /** The extract's municipal vintage that a system of this vintage uses: the latest at or before it. */
  const municipalVintage = (vintage: number) => vintages.filter((v) => v <= vintage).pop();

  for (const member of rows.geo_zone_member) {
    const system = systemOfZone.get(String(member.zone_code));
    const vintage = system === undefined ? undefined : vintageOfSystem.get(system);
    if (system === undefined || vintage === undefined || member.nis_code === null || member.nis_code === undefined) continue;
    const nis = String(member.nis_code);
    const where = `zone ${String(member.zone_code)} of zone system ${system}, whose vintage is ${vintage} (geo_zone_systems)`;
    const own = municipalVintage(vintage);
    const history = historicalReason(nis, vintage);
    const atLoad = historicalReason(nis, loadVintage);
    let message: string | null = null;
    if (history !== null) message = `${history}: it cannot be a member of ${where}`;
    else if (own !== undefined && own !== loadVintage && !byVintage.get(own)?.has(nis)) {
      message = `municipality ${nis} is not among the municipalities of vintage ${own} in ${files.geo_municipality || "geo_municipalities"}: it cannot be a member of ${where}`;
    } else if (atLoad !== null) {
      // Valid in the system's vintage, not in the one the extract is loaded with: one load holds one municipal map.
      message = `${atLoad}: valid in vintage ${vintage} of zone system ${system} (zone ${String(member.zone_code)}), but this extract is checked against vintage ${loadVintage} and one load holds one municipal map; supply the system's membership of ${loadVintage}, or load with --vintage ${vintage}`;
    }
    if (message === null) continue;
    refused.add(member);
    report.error("geo.member-vintage", fileOf(member, files.geo_zone_member), message, {
      line: lineOf(member),
      column: "nis_code",
      value: nis,
    });
  }
  return refused;
}
