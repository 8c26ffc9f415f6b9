/**
 * A first look (a first `npm start` serves the latest year while it publishes every year):
 * computing and publishing some years only, and a release published after it with the first
 * look's values as facts, consistent with everything the first look showed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../core/duckdb.ts";
import { computeIndicators } from "../indicators/compute/compute.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import type { Manifest } from "../release/manifest.ts";
import { previousPattern, publish, PublishError } from "../release/publish.ts";
import { internalDir } from "../release/write-release.ts";
import { ROOT, temporaryDirectory } from "./helpers.ts";
import { tinyWarehouse } from "./indicator-helpers.ts";

const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
let warehouse: string;
let firstLook: string;
let release: string;
let firstManifest: Manifest;
let manifest: Manifest;
const protectedLines: string[] = [];

beforeAll(async () => {
  warehouse = await tinyWarehouse();
  const dir = temporaryDirectory();
  firstLook = join(dir, "preview");
  release = join(dir, "release");
  firstManifest = await publish(definitions, { warehouse, out: firstLook, years: [2024] });
  manifest = await publish(definitions, { warehouse, out: release, previous: firstLook, log: (line) => protectedLines.push(line) });
}, 300_000);

type Published = { key: string; numerator: number | null; denominator: number | null; value: number | null; hidden: string | null };

async function cells(dir: string, where = "true"): Promise<Published[]> {
  const db = await Database.open(join(dir, "published.duckdb"), { readOnly: true });
  try {
    return await db.all<Published>(
      `SELECT concat_ws('|', indicator_id, year, level, coalesce(system_code, ''), area_code, stratum, stratum_value) AS key, numerator, denominator, value, hidden
       FROM cell WHERE ${where} ORDER BY key`,
    );
  } finally {
    db.close();
  }
}

describe("computing some years only", () => {
  it("gives the same cells for those years as computing every year, trends aside (they need the earlier years)", async () => {
    const all = await computeIndicators(warehouse, definitions);
    const one = await computeIndicators(warehouse, definitions, { years: [2024] });
    expect(new Set(one.cells.map((c) => c.year))).toEqual(new Set([2024]));
    // The zone-level figures and the hand-written queries too (their queries filtered by year).
    // The zone-level figures too (their query filtered by year).
    expect(one.cells.some((c) => c.indicator_id === "gp-headcount-per-10000")).toBe(true);
    const keyOf = (c: (typeof one.cells)[number]) => `${c.indicator_id}|${c.level}|${c.system_code ?? ""}|${c.area_code}|${c.stratum}|${c.stratum_value}`;
    const counts = (c: (typeof one.cells)[number]) => [c.numerator, c.denominator, c.value, c.lower95, c.upper95, c.compared_belgium, c.quintile];
    const expected = new Map(all.cells.filter((c) => c.year === 2024).map((c) => [keyOf(c), counts(c)]));
    expect(one.cells.length).toBe(expected.size);
    for (const c of one.cells) expect(counts(c), keyOf(c)).toEqual(expected.get(keyOf(c)));
    expect(one.cells.every((c) => c.trend === null)).toBe(true);
    expect(one.periodCells.every((c) => c.year === 2024)).toBe(true);
    expect(one.periodCells.length).toBe(all.periodCells.filter((c) => c.year === 2024).length);
    // A hand-written query's year alone (the tiny extract's HbA1c follow-up has cells in 2023 only).
    const hba1c = definitions.filter((d) => d.id === "diabetics-hba1c-follow-up");
    const of2023 = (await computeIndicators(warehouse, hba1c, { years: [2023] })).cells;
    const expected2023 = all.cells.filter((c) => c.indicator_id === "diabetics-hba1c-follow-up" && c.year === 2023);
    expect(of2023.length).toBeGreaterThan(0);
    expect(of2023.map((c) => `${keyOf(c)} ${c.numerator}/${c.denominator}`).sort()).toEqual(expected2023.map((c) => `${keyOf(c)} ${c.numerator}/${c.denominator}`).sort());
    expect((await computeIndicators(warehouse, hba1c, { years: [2024] })).cells).toEqual([]);
  }, 120_000);
});

describe("a first look, then the whole release", () => {
  it("publishes the latest year alone, protected and audited", async () => {
    expect(firstManifest.years).toEqual([2024, 2024]);
    expect(firstManifest.audit.passed).toBe(true);
    expect(firstManifest.audit.narrowestInterval === null || firstManifest.audit.narrowestInterval >= 5).toBe(true);
    expect((await cells(firstLook)).every((c) => c.key.split("|")[1] === "2024")).toBe(true);
  });

  it("publishes every year next, with every value the first look showed shown again, the same", async () => {
    expect(manifest.years).toEqual([2023, 2024]);
    expect(manifest.disclosure.previousRelease).toBe(firstManifest.releaseId);
    const later = new Map((await cells(release, "year = 2024")).map((c) => [c.key, c]));
    const shown = (await cells(firstLook)).filter((c) => c.hidden === null);
    // The tiny extract publishes few cells (most of its counts are small), but some.
    expect(shown.length).toBeGreaterThan(0);
    for (const c of shown) {
      const again = later.get(c.key);
      expect(again?.hidden ?? null, c.key).toBeNull();
      expect([again?.numerator, again?.denominator, again?.value], c.key).toEqual([c.numerator, c.denominator, c.value]);
    }
  });

  it("keeps the first look's pattern for its year, audited again but not protected again", async () => {
    const protectedIn = (year: number) => protectedLines.filter((l) => /problems protected/.test(l) && l.includes(`@${year}`));
    expect(protectedIn(2024).length).toBeGreaterThan(0);
    for (const line of protectedIn(2024)) expect(line).toMatch(/the previous release's pattern\)$/);
    // The earlier year had no first look: protected as usual.
    expect(protectedIn(2023).length).toBeGreaterThan(0);
    for (const line of protectedIn(2023)) expect(line).not.toMatch(/previous release's pattern/);
    const hiddenKeys = async (dir: string) => (await cells(dir, "year = 2024 AND hidden IS NOT NULL")).map((c) => c.key);
    expect(await hiddenKeys(release)).toEqual(await hiddenKeys(firstLook));
  });

  it("refuses years the warehouse has no data for, and writes nothing", async () => {
    const out = join(temporaryDirectory(), "release");
    await expect(publish(definitions, { warehouse, out, years: [2030] })).rejects.toThrow(PublishError);
    await expect(publish(definitions, { warehouse, out, years: [2030] })).rejects.toThrow(/no data for 2030/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the facts of a previous release", () => {
  it("are the cells it published: a cell one problem published and a joint problem hid on top was not", async () => {
    const dir = join(temporaryDirectory(), "release");
    mkdirSync(internalDir(dir), { recursive: true });
    const db = await Database.open(join(internalDir(dir), "disclosure.duckdb"));
    try {
      await db.run(`CREATE TABLE sdc_cell (problem VARCHAR, id VARCHAR, publishable BOOLEAN, known BOOLEAN, value DOUBLE, is_primary BOOLEAN)`);
      await db.run(`INSERT INTO sdc_cell VALUES
        ('persons@2024', 'den|zone|a', true, false, 120, false),
        ('persons@2024', 'den|zone|b', true, false, 80, false),
        ('numerator@2024|joint', 'den|zone|b', true, false, NULL, false),
        ('numerator@2024|joint', 'num|zone|b', true, false, NULL, true),
        ('numerator@2024|joint', 'den|zone|a', true, true, 120, false),
        ('numerator@2024|joint', 'rest|zone|a', false, false, NULL, false)`);
    } finally {
      db.close();
    }
    const previous = await previousPattern(dir);
    expect(previous.facts).toEqual(new Map([["den|zone|a", 120]]));
    // Hidden: whatever a problem hid; a latent cell (never publishable) is not a hidden cell.
    expect(previous.hidden).toEqual(new Set(["den|zone|b", "num|zone|b"]));
  });
});
