import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvRow, DATA_FILE_CSV } from "../core/csv.ts";
import type { ReferenceGeography } from "./reference.ts";
import { TextFileWriter } from "../core/text-writer.ts";

// The project's one CSV writer, without the spreadsheet formula guard: these are data files.
const row = (values: (string | number | null)[]) => csvRow(values, DATA_FILE_CSV);

/** The geography reference files of the contract, from a Geography. */
export function writeGeographyFiles(dir: string, geo: ReferenceGeography, boundaries: unknown): string[] {
  const files: [string, string, (string | number | null)[][]][] = [
    [
      "geo_municipalities.csv",
      "nis_code,name_fr,name_nl,name_de,name_en,province_code,region_code,language_area,vintage,lat,lon",
      geo.municipalities.map((m) => [m.nisCode, m.nameFr, m.nameNl, m.nameDe, m.nameEn, m.provinceCode, m.regionCode, m.languageArea, geo.vintage, m.lat.toFixed(4), m.lon.toFixed(4)]),
    ],
    ["geo_sectors.csv", "sector_code,nis_code,name_fr,name_nl,vintage", geo.sectors.map((s) => [s.sectorCode, s.nisCode, s.nameFr, s.nameNl, geo.vintage])],
    [
      "geo_zone_systems.csv",
      "system_code,name_fr,name_nl,name_de,name_en,region_code,vintage",
      geo.zoneSystems.map((s) => [s.code, s.nameFr, s.nameNl, s.nameDe, s.nameEn, s.regionCode, geo.vintage]),
    ],
    ["geo_zones.csv", "zone_code,system_code,name_fr,name_nl,name_de,name_en", geo.zones.map((z) => [z.code, z.systemCode, z.nameFr, z.nameNl, z.nameDe, z.nameEn])],
    ["geo_zone_members.csv", "zone_code,nis_code,sector_code", geo.members.map((m) => [m.zoneCode, m.nisCode, m.sectorCode])],
  ];
  for (const [name, header, rows] of files) {
    const w = new TextFileWriter(join(dir, name), header);
    for (const r of rows) w.line(row(r));
    w.close();
  }
  writeFileSync(join(dir, "geo_boundaries.geojson"), `${JSON.stringify(boundaries)}\n`);
  return [...files.map((f) => f[0]), "geo_boundaries.geojson"];
}
