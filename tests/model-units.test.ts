/**
 * Units the engine computes for the disclosure model rather than per area (indicators/compute/
 * areas.ts), each grouped as the model groups them (release/geo-index.ts, release/model-table.ts):
 * - sectors of a municipality split between zones, by group: the sectors that lie in the same
 *   zones of every system, which no released cell tells apart (always);
 * - municipalities by atom: those of one province in the same zones of every system, for a
 *   release that publishes no municipal cell (`municipalAtoms`).
 * The two groupings are written apart (SQL and TypeScript) and must agree exactly, or the model
 * would sum the wrong persons. Checked here on real Belgium (the sample's reference geography:
 * Antwerp's sub-zones, Brussels' bassins) against the persons counted area by area.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { computeIndicators } from "../indicators/compute/compute.ts";
import { readGeography } from "../release/geography.ts";
import { indexGeography } from "../release/geo-index.ts";
import { atomsOf } from "../release/model-table.ts";
import { ROOT, temporaryDirectory } from "./helpers.ts";

const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
let warehouse: string;

beforeAll(async () => {
  const dir = temporaryDirectory();
  await generateSample({ scale: 0.0005, firstYear: 2023, lastYear: 2024, seed: 7, out: join(dir, "sample"), workers: 1 });
  warehouse = join(dir, "warehouse.duckdb");
  const load = await loadExtract(join(dir, "sample"), { warehouse });
  expect(load.written).toBe(true);
}, 300_000);

const gmd = definitions.filter((d) => d.id === "gmd-coverage");

/** The warehouse's geography, and persons per year counted by `key` (a column of person_year). */
async function geographyAndPersons(key: "sector_code" | "nis_code") {
  const db = await Database.open(warehouse, { readOnly: true });
  try {
    const persons = await db.all<{ year: number; code: string; n: number }>(`SELECT year, ${key} AS code, count(*)::INTEGER AS n FROM person_year WHERE ${key} IS NOT NULL GROUP BY ALL`);
    return { geography: await readGeography(db), persons };
  } finally {
    db.close();
  }
}

/** The first member (smallest code) of each group of a member → group map. */
function firstMembers(groupOf: ReadonlyMap<string, string>): Map<string, string> {
  const first = new Map<string, string>();
  for (const [member, group] of groupOf) if (!first.has(group) || member < first.get(group)!) first.set(group, member);
  return first;
}

/** Persons per `year|unit`, each code counted in its unit. */
function personsByUnit(persons: readonly { year: number; code: string; n: number }[], unitOf: (code: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of persons) {
    const key = `${p.year}|${unitOf(p.code)}`;
    out.set(key, (out.get(key) ?? 0) + p.n);
  }
  return out;
}

describe("units of the disclosure model", () => {
  it("are one cell per group of sectors in the same zones, named by its first sector, holding the group's persons", async () => {
    const { cells } = await computeIndicators(warehouse, gmd);
    const { geography, persons } = await geographyAndPersons("sector_code");
    const { sectorGroup } = indexGeography(geography);
    const firstOf = firstMembers(sectorGroup);
    // The persons of each group and year, counted sector by sector.
    const expected = personsByUnit(persons, (sector) => firstOf.get(sectorGroup.get(sector) ?? sector) ?? sector);
    const totals = cells.filter((c) => c.level === "sector" && c.stratum === "total");
    // Real Belgium's split municipalities: several groups, far fewer than their sectors.
    expect(new Set(totals.map((c) => c.area_code)).size).toBeGreaterThan(1);
    expect(new Set(totals.map((c) => c.area_code)).size).toBeLessThan(sectorGroup.size);
    const actual = new Map(totals.map((c) => [`${c.year}|${c.area_code}`, c.denominator]));
    expect(actual).toEqual(expected);
    for (const c of totals) expect(firstOf.get(sectorGroup.get(c.area_code)!), c.area_code).toBe(c.area_code);
  });

  it("are municipalities by atom when asked, named by the atom's first NIS code, holding the atom's persons", async () => {
    const { cells } = await computeIndicators(warehouse, gmd, { municipalAtoms: true });
    const { geography, persons } = await geographyAndPersons("nis_code");
    const atoms = atomsOf(geography);
    const firstOf = firstMembers(atoms);
    // A split municipality is no atom: it stands alone.
    const expected = personsByUnit(persons, (nis) => (atoms.has(nis) ? firstOf.get(atoms.get(nis)!)! : nis));
    const totals = cells.filter((c) => c.level === "municipality" && c.stratum === "total");
    expect(new Set(totals.map((c) => c.area_code)).size).toBeLessThan(new Set(persons.map((p) => p.code)).size / 2);
    expect(new Map(totals.map((c) => [`${c.year}|${c.area_code}`, c.denominator]))).toEqual(expected);
    // Zones and larger areas are the same whether municipalities are computed by atom or not.
    const plain = (await computeIndicators(warehouse, gmd)).cells;
    const key = (c: (typeof cells)[number]) => `${c.year}|${c.level}|${c.system_code}|${c.area_code}|${c.stratum}|${c.stratum_value}|${c.numerator}|${c.denominator}`;
    const above = (list: typeof cells) =>
      list
        .filter((c) => c.level !== "municipality")
        .map(key)
        .sort();
    expect(above(cells)).toEqual(above(plain));
  });
});
