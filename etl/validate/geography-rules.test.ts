import { describe, expect, it } from "vitest";
import type { ParsedRow } from "../../contract/index.ts";
import { checkGeography } from "./geography-rules.ts";
import type { GeographyRows } from "./references.ts";
import { ValidationReport } from "./report.ts";

const FILES = {
  geo_municipality: "geo_municipalities.csv",
  geo_sector: "geo_sectors.csv",
  geo_zone_system: "geo_zone_systems.csv",
  geo_zone: "geo_zones.csv",
  geo_zone_member: "geo_zone_members.csv",
};

const zone = (zone_code: string, system_code: string, line: number): ParsedRow => ({ zone_code, system_code, _line: line });
const member = (zone_code: string, nis_code: string, sector_code: string | null, line: number): ParsedRow => ({ zone_code, nis_code, sector_code, _line: line });
const sector = (sector_code: string, nis_code: string): ParsedRow => ({ sector_code, nis_code, vintage: 2025 });

/** Bruxelles (21004) split between two bassins; an ELZ-like system keeps it whole. */
function base(): GeographyRows {
  return {
    geo_municipality: [],
    geo_sector: [sector("21004_S01", "21004"), sector("21004_S02", "21004"), sector("21004_S03", "21004"), sector("21001_S01", "21001")],
    geo_zone_system: [],
    geo_zone: [zone("NORD", "bassin", 2), zone("SUD", "bassin", 3), zone("E1", "elz", 4)],
    geo_zone_member: [
      member("NORD", "21003", null, 2),
      member("NORD", "21004", "21004_S01", 3),
      member("NORD", "21004", "21004_S02", 4),
      member("SUD", "21004", "21004_S03", 5),
      member("SUD", "21001", null, 6),
      member("E1", "21004", null, 7),
      member("E1", "21003", null, 8),
    ],
  };
}

function check(rows: GeographyRows) {
  const report = new ValidationReport();
  checkGeography(rows, report, FILES);
  return report;
}

describe("checkGeography", () => {
  it("accepts a consistent geography (the same municipality may sit in several systems)", () => {
    expect(check(base()).issues).toEqual([]);
  });

  it("refuses a municipality in two zones of one system, pointing at the second row", () => {
    const rows = base();
    rows.geo_zone_member.push(member("SUD", "21003", null, 9));
    const report = check(rows);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ rule: "geo.overlapping-zones", file: "geo_zone_members.csv", line: 9, column: "nis_code", value: "21003" });
    expect(report.issues[0]!.message).toContain("zones NORD and SUD");
    expect(report.issues[0]!.message).toContain("bassin");
  });

  it("refuses a sector in two zones of one system", () => {
    const rows = base();
    rows.geo_zone_member.push(member("SUD", "21004", "21004_S02", 9));
    const report = check(rows);
    expect(report.issues.map((i) => i.rule)).toEqual(["geo.overlapping-zones"]);
    expect(report.issues[0]).toMatchObject({ line: 9, column: "sector_code", value: "21004_S02" });
  });

  it("reports a zone without members, on its line of the zone file", () => {
    const rows = base();
    rows.geo_zone.push(zone("EST", "bassin", 5));
    const report = check(rows);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ rule: "geo.empty-zone", file: "geo_zones.csv", line: 5, column: "zone_code", value: "EST" });
  });

  it("refuses a municipality both whole and by sector in one system", () => {
    const rows = base();
    // 21004 is split in "bassin"; adding it whole to a third bassin zone.
    rows.geo_zone.push(zone("OUEST", "bassin", 5));
    rows.geo_zone_member.push(member("OUEST", "21004", null, 9));
    const report = check(rows);
    expect(report.issues.map((i) => i.rule)).toEqual(["geo.split-and-whole"]);
    expect(report.issues[0]).toMatchObject({ file: "geo_zone_members.csv", column: "nis_code", value: "21004" });
    expect(report.issues[0]!.message).toContain("bassin");
  });

  it("refuses a split municipality whose sectors are not all placed, naming the missing ones", () => {
    const rows = base();
    rows.geo_sector.push(sector("21004_S04", "21004"), sector("21004_S05", "21004"));
    const report = check(rows);
    expect(report.issues.map((i) => i.rule)).toEqual(["geo.incomplete-split"]);
    expect(report.issues[0]).toMatchObject({ column: "sector_code", value: "21004" });
    expect(report.issues[0]!.message).toContain("21004_S04, 21004_S05");
    expect(report.issues[0]!.message).not.toContain("21004_S01");
  });

  it("a sector placed in another system does not complete the split", () => {
    const rows = base();
    rows.geo_zone_member = rows.geo_zone_member.filter((m) => m.sector_code !== "21004_S03");
    rows.geo_zone.push(zone("X", "other", 5));
    rows.geo_zone_member.push(member("X", "21004", "21004_S03", 9));
    const report = check(rows);
    const messages = report.issues.map((i) => `${i.rule}|${i.message}`).sort();
    // Each system is checked on its own: in "other", 21004 is split too and lacks S01 and S02.
    expect(messages).toEqual([
      "geo.incomplete-split|municipality 21004 is split in system bassin, but sector(s) 21004_S03 are in no zone",
      "geo.incomplete-split|municipality 21004 is split in system other, but sector(s) 21004_S01, 21004_S02 are in no zone",
    ]);
  });

  it("skips members of unknown zones (the reference check reports them)", () => {
    const rows = base();
    rows.geo_zone_member.push(member("NOWHERE", "21003", null, 9), member("NOWHERE", "21003", null, 10));
    expect(check(rows).issues).toEqual([]);
  });

  it("reports each problem once per unit, several problems together", () => {
    const rows = base();
    rows.geo_zone.push(zone("EMPTY", "elz", 5));
    rows.geo_zone_member.push(member("E1", "21001", null, 9), member("NORD", "21001", null, 10));
    const report = check(rows);
    expect(report.issues.map((i) => `${i.rule}:${i.value}`).sort()).toEqual(["geo.empty-zone:EMPTY", "geo.overlapping-zones:21001"]);
  });
});

describe("regional zone systems", () => {
  const brussels = (nis: string, name: string, line: number): ParsedRow => ({ nis_code: nis, name_fr: name, region_code: "04000", vintage: 2025, _line: line });
  function withBassins(): GeographyRows {
    const rows = base();
    rows.geo_zone_system = [
      { system_code: "bassin", region_code: "04000" },
      { system_code: "elz", region_code: null },
    ];
    rows.geo_municipality = [brussels("21001", "Anderlecht", 2), brussels("21003", "Berchem-Sainte-Agathe", 3), brussels("21004", "Bruxelles", 4)];
    return rows;
  }

  it("say nothing when the bassins cover every Brussels municipality", () => {
    expect(check(withBassins()).issues).toEqual([]);
  });

  it("warn once, at the first such municipality's line, about a Brussels municipality in no bassin", () => {
    const rows = withBassins();
    rows.geo_municipality.push(brussels("21015", "Schaerbeek", 5), brussels("21016", "Uccle", 6));
    const issues = check(rows).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", rule: "geo.uncovered-municipality", file: "geo_municipalities.csv", line: 5, column: "nis_code", value: "21015" });
    expect(issues[0]!.message).toContain("2 municipality(ies) of region 04000 are in no zone of system bassin");
    expect(issues[0]!.message).toContain("21016 Uccle");
  });
});
