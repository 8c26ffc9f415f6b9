import { describe, expect, it } from "vitest";
import type { ParsedRow } from "../../contract/index.ts";
import type { GeographyRows } from "./references.ts";
import { ValidationReport } from "./report.ts";
import { checkZoneVintages, historicalReason } from "./vintage-rules.ts";

const FILES = {
  geo_municipality: "geo_municipalities.csv",
  geo_sector: "geo_sectors.csv",
  geo_zone_system: "geo_zone_systems.csv",
  geo_zone: "geo_zones.csv",
  geo_zone_member: "geo_zone_members.csv",
};

const municipality = (nis_code: string, vintage: number): ParsedRow => ({ nis_code, vintage });
const system = (system_code: string, vintage: number): ParsedRow => ({ system_code, vintage });
const member = (zone_code: string, nis_code: string, line: number): ParsedRow => ({ zone_code, nis_code, sector_code: null, _line: line, _file: "geo_zone_members.csv" });

/** A 2019 system and a 2025 system, each with one zone; no municipalities of the extract's own. */
function rows(members: ParsedRow[], municipalities: ParsedRow[] = []): GeographyRows {
  return {
    geo_municipality: municipalities,
    geo_sector: [],
    geo_zone_system: [system("elz2019", 2019), system("elz", 2025), system("elz2022", 2022)],
    geo_zone: [
      { zone_code: "OLD", system_code: "elz2019" },
      { zone_code: "NEW", system_code: "elz" },
      { zone_code: "MID", system_code: "elz2022" },
    ],
    geo_zone_member: members,
  };
}

function check(geography: GeographyRows, loadVintage = 2025) {
  const report = new ValidationReport();
  const refused = checkZoneVintages(geography, report, FILES, loadVintage);
  return { report, refused };
}

describe("zone members checked against their system's vintage", () => {
  it("accepts members valid in their system's vintage, on both sides of the 2025 mergers", () => {
    const { report, refused } = check(rows([member("NEW", "44086", 4), member("NEW", "11002", 5), member("OLD", "11002", 6), member("OLD", "21004", 7)]), 2025);
    expect(report.issues).toEqual([]);
    expect(refused.size).toBe(0);
    expect(check(rows([member("OLD", "44012", 2), member("OLD", "44048", 3), member("MID", "44012", 7), member("OLD", "11007", 8)]), 2023).report.issues).toEqual([]);
  });

  it("refuses a member valid in its system's vintage but not in the load's, saying how to load it", () => {
    const { report } = check(rows([member("OLD", "44012", 2)]), 2025);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ rule: "geo.member-vintage", line: 2, column: "nis_code", value: "44012" });
    expect(report.issues[0]!.message).toContain("this extract is checked against vintage 2025 and one load holds one municipal map");
    expect(report.issues[0]!.message).toContain("--vintage 2019");
  });

  it("refuses a 2025 merged municipality in a system of 2019 or 2022, naming file, line and field", () => {
    const bad = member("OLD", "44086", 3);
    const { report, refused } = check(rows([member("OLD", "44012", 2), bad, member("MID", "73110", 4)]), 2023);
    expect(report.issues).toHaveLength(2);
    expect(report.issues[0]).toMatchObject({ severity: "error", rule: "geo.member-vintage", file: "geo_zone_members.csv", line: 3, column: "nis_code", value: "44086" });
    expect(report.issues[0]!.message).toContain("exists only from 1 January 2025");
    expect(report.issues[0]!.message).toContain("44012, 44048");
    expect(report.issues[0]!.message).toContain("zone system elz2019, whose vintage is 2019");
    expect(report.issues[1]).toMatchObject({ line: 4, value: "73110" });
    expect(refused.has(bad)).toBe(true);
  });

  it("refuses a municipality that the 2025 mergers ended in a system of 2025", () => {
    const { report } = check(rows([member("NEW", "44048", 7), member("NEW", "11007", 8)]));
    expect(report.issues.map((i) => [i.rule, i.line, i.value])).toEqual([
      ["geo.member-vintage", 7, "44048"],
      ["geo.member-vintage", 8, "11007"],
    ]);
    expect(report.issues[0]!.message).toContain("merged into 44086 (Nazareth-De Pinte)");
    expect(report.issues[1]!.message).toContain("merged into 11002 (Antwerpen)");
  });

  it("checks members against the extract's own municipalities of the vintage the system uses", () => {
    // Invented codes: 99001 and 99002 merged into 99003 in 2024 in this extract's own history.
    const municipalities = [municipality("99001", 2019), municipality("99002", 2019), municipality("99003", 2024), municipality("99004", 2019), municipality("99004", 2024)];
    const geography = rows([member("OLD", "99003", 2), member("OLD", "99004", 3), member("MID", "99001", 4)], municipalities);
    const { report } = check(geography, 2024);
    expect(report.issues.map((i) => [i.rule, i.line, i.value])).toEqual([["geo.member-vintage", 2, "99003"]]);
    expect(report.issues[0]!.message).toContain("not among the municipalities of vintage 2019 in geo_municipalities.csv");
    // The load's own vintage is left to the reference checks (code.unknown-municipality).
    expect(check(rows([member("MID", "99001", 4)], municipalities), 2019).report.issues).toEqual([]);
  });

  it("says why by Belgium's municipal history", () => {
    expect(historicalReason("44086", 2024)).toMatch(/exists only from 1 January 2025/);
    expect(historicalReason("44086", 2025)).toBeNull();
    expect(historicalReason("44012", 2026)).toMatch(/ended on 31 December 2024/);
    expect(historicalReason("44012", 2019)).toBeNull();
    expect(historicalReason("11002", 2019)).toBeNull();
    expect(historicalReason("11002", 2025)).toBeNull();
  });
});
