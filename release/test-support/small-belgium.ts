// A small Belgium for the disclosure model's tests (sdc-model, period-model): two regions, one
// province, a zone system over municipalities and the sectors of a split municipality.
import type { Level } from "../format.ts";
import type { ReleaseGeography } from "../geography.ts";

// Belgium = region 02000 (province P1: M1, M2) + region 04000 (B1, no province, split in
// sectors B1_S1, B1_S2); zone system Z: ZA = M1 + B1_S1, ZB = M2 + B1_S2.
const area = (level: Level, code: string, region: string | null, province: string | null = null, system: string | null = null) => ({
  level,
  system_code: system,
  area_code: code,
  name_fr: code,
  name_nl: code,
  name_de: code,
  name_en: code,
  region_code: region,
  province_code: province,
});
export const GEO: ReleaseGeography = {
  areas: [
    area("belgium", "BE", null),
    area("region", "02000", null),
    area("region", "04000", null),
    area("province", "P1", "02000"),
    area("zone", "ZA", "02000", null, "Z"),
    area("zone", "ZB", "02000", null, "Z"),
    area("municipality", "M1", "02000", "P1"),
    area("municipality", "M2", "02000", "P1"),
    area("municipality", "B1", "04000"),
  ],
  systems: [{ system_code: "Z", name_fr: "Z", name_nl: "Z", name_de: "Z", name_en: "Z", region_code: null }],
  members: [
    { system_code: "Z", zone_code: "ZA", nis_code: "M1", sector_code: null },
    { system_code: "Z", zone_code: "ZA", nis_code: "B1", sector_code: "B1_S1" },
    { system_code: "Z", zone_code: "ZB", nis_code: "M2", sector_code: null },
    { system_code: "Z", zone_code: "ZB", nis_code: "B1", sector_code: "B1_S2" },
  ],
  boundaries: [],
};

/** The level of each area code of GEO (the sectors included). */
export const LEVEL: Record<string, string> = {
  BE: "belgium",
  "02000": "region",
  "04000": "region",
  P1: "province",
  M1: "municipality",
  M2: "municipality",
  B1: "municipality",
  B1_S1: "sector",
  B1_S2: "sector",
  ZA: "zone",
  ZB: "zone",
};
