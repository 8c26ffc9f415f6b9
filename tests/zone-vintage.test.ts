// Zone systems carry a vintage, checked against the municipalities' (issue 13): a zone member
// whose municipality is not valid in its system's vintage, on either side of the mergers of
// 1 January 2025, is refused with file, line, field and rule, and the load writes nothing.
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { INVALID, TINY, TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";

async function contents(warehouse: string) {
  const db = await Database.open(warehouse, { readOnly: true });
  try {
    const [batch] = await db.all<{ batch_id: string }>("SELECT batch_id FROM load_batch");
    const systems = await db.all<{ system_code: string; vintage: number }>("SELECT system_code, vintage FROM geo_zone_system ORDER BY 1");
    const [members] = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM geo_zone_member");
    return { batch: batch?.batch_id, systems, members: members?.n };
  } finally {
    db.close();
  }
}

describe("zone memberships checked against their system's vintage, atomically", () => {
  for (const [fixture, code] of [
    ["zone-member-before-merger", "44086"],
    ["zone-member-after-merger", "44012"],
  ] as const) {
    it(`${fixture}: refused on the member's line, and the warehouse keeps its previous load`, async () => {
      const warehouse = join(temporaryDirectory(), "w.duckdb");
      expect((await loadExtract(TINY, { warehouse, today: TODAY })).written).toBe(true);
      const before = await contents(warehouse);
      const result = await loadExtract(tinyWith({ dir: join(INVALID, fixture) }), { warehouse, today: TODAY });
      expect(result.written).toBe(false);
      expect(result.batchId).toBeNull();
      const errors = result.check.report.issues.filter((i) => i.severity === "error");
      expect(errors).toEqual([expect.objectContaining({ rule: "geo.member-vintage", file: "geo_zone_members.csv", line: 12, column: "nis_code", value: code })]);
      expect(result.check.report.format()).toContain(`geo_zone_members.csv:12:nis_code: error [geo.member-vintage] municipality ${code}`);
      expect(await contents(warehouse)).toEqual(before);
    });
  }
});

describe("zone files supplied beside the shipped reference geography", () => {
  let sample: string;
  beforeAll(async () => {
    sample = join(temporaryDirectory(), "sample");
    await generateSample({ scale: 0.0002, firstYear: 2024, lastYear: 2024, seed: 5, out: sample, workers: 1 });
    // Person-level files only (zone aggregates name the reference's zones, which these zone files replace).
    for (const name of readdirSync(sample)) if (/^(geo|zone)_/.test(name)) rmSync(join(sample, name));
  }, 120_000);

  /** The sample with no geography but one zone system of the given vintage and members. */
  function withZones(vintage: number, members: string[]): string {
    const dir = join(temporaryDirectory(), "extract");
    cpSync(sample, dir, { recursive: true });
    writeFileSync(join(dir, "geo_zone_systems.csv"), `system_code,name_fr,name_nl,name_de,name_en,region_code,vintage\nelz-test,Test,Test,Test,Test,,${vintage}\n`);
    writeFileSync(join(dir, "geo_zones.csv"), "zone_code,system_code,name_fr,name_nl,name_de,name_en\nZ-GENT,elz-test,Gent-Zuid,Gent-Zuid,Gent-Zuid,Gent-Zuid\n");
    writeFileSync(join(dir, "geo_zone_members.csv"), `zone_code,nis_code,sector_code\n${members.map((m) => `Z-GENT,${m},`).join("\n")}\n`);
    return dir;
  }

  it("loads a zone system of 2025 on the reference of 2025, and it replaces the reference's systems", async () => {
    const warehouse = join(temporaryDirectory(), "w.duckdb");
    const result = await loadExtract(withZones(2025, ["44021", "44086", "44088"]), { warehouse });
    expect(result.check.report.ok, result.check.report.format()).toBe(true);
    expect(result.written).toBe(true);
    expect(await contents(warehouse)).toMatchObject({ systems: [{ system_code: "elz-test", vintage: 2025 }], members: 3 });
  });

  it("refuses a 2019 zone system that names a municipality made by the 2025 mergers, and writes nothing", async () => {
    const warehouse = join(temporaryDirectory(), "w.duckdb");
    const result = await loadExtract(withZones(2019, ["44021", "44086"]), { warehouse });
    expect(result.written).toBe(false);
    expect(existsSync(warehouse)).toBe(false);
    const issue = result.check.report.issues.find((i) => i.rule === "geo.member-vintage");
    expect(issue).toMatchObject({ severity: "error", file: "geo_zone_members.csv", line: 3, column: "nis_code", value: "44086" });
    expect(issue!.message).toContain("exists only from 1 January 2025");
  });

  it("refuses a 2025 zone system that names a municipality the 2025 mergers ended, and writes nothing", async () => {
    const warehouse = join(temporaryDirectory(), "w.duckdb");
    const result = await loadExtract(withZones(2025, ["44021", "44012", "44048"]), { warehouse });
    expect(result.written).toBe(false);
    expect(existsSync(warehouse)).toBe(false);
    const issues = result.check.report.issues.filter((i) => i.severity === "error");
    expect(issues.map((i) => [i.rule, i.file, i.line, i.column, i.value])).toEqual([
      ["geo.member-vintage", "geo_zone_members.csv", 3, "nis_code", "44012"],
      ["geo.member-vintage", "geo_zone_members.csv", 4, "nis_code", "44048"],
    ]);
    expect(issues[0]!.message).toContain("merged into 44086 (Nazareth-De Pinte)");
  });
});
