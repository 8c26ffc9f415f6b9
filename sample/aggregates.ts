import type { Geography, Municipality } from "../geography/types.ts";
import type { Random } from "./random.ts";
import type { PopulationCount } from "./simulate.ts";
import { TextFileWriter } from "../core/text-writer.ts";
import { join } from "node:path";

/**
 * Statbel's population structure, one pipe-delimited file per year. Files before 2021 use
 * the older CD_MUNTY_REFNIS header, as Statbel's older files do.
 */
export function writeStatbelPopulation(dir: string, geo: Geography, census: PopulationCount, firstYear: number, lastYear: number): string[] {
  const byNis = new Map(geo.municipalities.map((m) => [m.nisCode, m]));
  const province = new Map(geo.provinces.map((p) => [p.code, p]));
  const region = new Map(geo.regions.map((r) => [r.code, r]));
  const rows = new Map<number, string[]>();
  for (const { year, nisCode: nis, sex, age, count } of census.entries()) {
    const m = byNis.get(nis) as Municipality;
    const p = m.provinceCode ? province.get(m.provinceCode) : undefined;
    const r = region.get(m.regionCode);
    const line = [nis, m.nameNl, m.nameFr, p?.code ?? "", p?.nameNl ?? "", p?.nameFr ?? "", m.regionCode, r?.nameNl ?? "", r?.nameFr ?? "", sex, age, count, year].join("|");
    const list = rows.get(year);
    if (list) list.push(line);
    else rows.set(year, [line]);
  }
  const written: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const name = `TF_SOC_POP_STRUCT_${year}.txt`;
    const refnis = year < 2021 ? "CD_MUNTY_REFNIS" : "CD_REFNIS";
    const w = new TextFileWriter(
      join(dir, name),
      `${refnis}|TX_DESCR_NL|TX_DESCR_FR|CD_PROV_REFNIS|TX_PROV_DESCR_NL|TX_PROV_DESCR_FR|CD_RGN_REFNIS|TX_RGN_DESCR_NL|TX_RGN_DESCR_FR|CD_SEX|CD_AGE|MS_POPULATION|CD_YEAR`,
    );
    for (const line of (rows.get(year) ?? []).sort()) w.line(line);
    w.close();
    written.push(name);
  }
  return written;
}

/** Fiscal income per municipality, with Statbel's `*` where fewer than 20 returns would be shown. */
export function writeStatbelIncome(dir: string, rng: Random, geo: Geography, scale: number, firstYear: number, lastYear: number): void {
  const w = new TextFileWriter(join(dir, "TF_PSNL_INC_TAX_MUNTY.txt"), "CD_YEAR|CD_MUNTY_REFNIS|MS_NBR_NON_ZERO_INC|MS_TOT_NET_TAXABLE_INC|MS_AVG_TOT_NET_TAXABLE_INC|MS_MEDIAN_NET_TAXABLE_INC");
  for (let year = firstYear; year <= lastYear; year++) {
    for (const m of sortedMunicipalities(geo)) {
      const returns = Math.round(m.population * scale * 0.53);
      if (returns < 20) {
        w.line(`${year}|${m.nisCode}|*|*|*|*`);
        continue;
      }
      const average = 29_000 * (1.3 - 0.7 * m.deprivation) * (1 + 0.025 * (year - 2019)) * (1 + rng.normal(0, 0.03));
      const median = average * (0.78 + rng.normal(0, 0.01));
      w.line(`${year}|${m.nisCode}|${returns}|${Math.round(average * returns)}|${Math.round(average)}|${Math.round(median)}`);
    }
  }
  w.close();
}

/**
 * Zone-level aggregates computed elsewhere: PREM survey scores, workforce well-being and
 * GP / case-manager counts (counts scaled with the sample, so that rates per inhabitant hold:
 * see zoneSupply).
 */
export function writeZoneAggregates(dir: string, rng: Random, geo: Geography, scale: number, firstYear: number, lastYear: number, improving: ReadonlySet<string>): void {
  const byNis = new Map(geo.municipalities.map((m) => [m.nisCode, m]));
  const sectorShare = new Map(geo.sectors.map((s) => [s.sectorCode, s.populationShare]));
  const zoneStats = new Map<string, { population: number; deprivation: number }>();
  for (const member of geo.members) {
    const m = byNis.get(member.nisCode) as Municipality;
    const population = m.population * (member.sectorCode ? (sectorShare.get(member.sectorCode) ?? 0) : 1);
    const s = zoneStats.get(member.zoneCode) ?? { population: 0, deprivation: 0 };
    s.population += population;
    s.deprivation += population * m.deprivation;
    zoneStats.set(member.zoneCode, s);
  }
  const prem = new TextFileWriter(join(dir, "zone_prem.csv"), "year,zone_code,survey,respondents,score_mean,score_sd");
  const workforce = new TextFileWriter(join(dir, "zone_workforce.csv"), "year,zone_code,survey,respondents,wellbeing_mean,wellbeing_sd");
  const supply = new TextFileWriter(join(dir, "zone_supply.csv"), "year,zone_code,gp_count,gp_fte,case_manager_count");
  const zones = [...geo.zones].sort((a, b) => a.code.localeCompare(b.code));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const z of zones) {
      const s = zoneStats.get(z.code);
      if (!s || s.population === 0) continue;
      const d = s.deprivation / s.population;
      const action = improving.has(z.code) && year >= 2022 ? 1.5 * (year - 2021) : 0;
      const survey = year === 2022 || year === 2024 ? "P3CEQ" : year === 2023 ? "PaRIS" : null;
      if (survey) prem.line(`${year},${z.code},${survey},${rng.int(120, 320)},${(74 - 9 * d + action + rng.normal(0, 1.5)).toFixed(1)},${(14 + rng.normal(0, 1)).toFixed(1)}`);
      if (year >= 2021)
        workforce.line(`${year},${z.code},be.well.pro,${rng.int(40, 180)},${(63 - 6 * d - (year === 2021 ? 3 : 0) + rng.normal(0, 1.8)).toFixed(1)},${(17 + rng.normal(0, 1)).toFixed(1)}`);
      const { gps, fte, caseManagers } = zoneSupply(rng, s.population * scale, d, year);
      supply.line(`${year},${z.code},${gps},${fte.toFixed(2)},${caseManagers}`);
    }
  }
  prem.close();
  workforce.close();
  supply.close();
}

/**
 * GPs and case managers of a zone with `people` synthetic inhabitants (its real population ×
 * the sample's scale), near Belgian levels: about 9–12 GPs (head count) and 7.5–10 FTE per
 * 10,000 inhabitants, fewer in deprived zones and slowly falling; about 1–1.5 case managers per
 * 10,000, rising. At small scales a zone has a few hundred people and a fraction of a GP:
 * FTE keep that fraction (two decimals), the head count is at least the FTE rounded up (0.3
 * FTE is somebody), and every zone has at least one case manager, so no zone reads "0 GPs".
 */
export function zoneSupply(rng: Random, people: number, deprivation: number, year: number): { gps: number; fte: number; caseManagers: number } {
  const fte = Math.max(0.01, (people / 10_000) * 9.2 * (1.05 - 0.3 * deprivation) * (1 - 0.008 * (year - 2019)) * (1 + rng.normal(0, 0.015)));
  const partTime = 0.8 + rng.normal(0, 0.02);
  const gps = Math.max(Math.ceil(fte), Math.round(fte / partTime));
  const caseManagers = Math.max(1, Math.round((people / 10_000) * 1.1 * (1 + 0.06 * (year - 2019)) * (1 + rng.normal(0, 0.08))));
  return { gps, fte, caseManagers };
}

function sortedMunicipalities(geo: Geography): Municipality[] {
  return [...geo.municipalities].sort((a, b) => a.nisCode.localeCompare(b.nisCode));
}
