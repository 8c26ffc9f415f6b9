/**
 * The attacker and sub-annual values (`period_cell`): what the documentation says of them (the
 * quarters of a year add up to the year; a quarter's person-years are the year's population ×
 * its share of days) exposes a publisher that protects quarters apart from their year.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { attackRelease } from "./index.ts";
import { periodShare } from "./periods.ts";
import { WORLD, YEARS, ZONES, seriesCells, spread, writePublicRelease } from "./test-support/release.ts";
import type { PublicCell, PublicPeriodCell } from "./types.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

// Events per zone and quarter; z1's second quarter of 2024 holds 3.
const quarters = (year: number, zone: string): number[] =>
  year === 2024 && zone === "z1" ? [20, 3, 40, 22] : year === 2024 && zone === "z2" ? [25, 30, 35, 21] : [1, 2, 3, 4].map((q) => spread(q, year, zone, 10));
const population = (year: number, zone: string) => (year === 2024 && zone === "z3" ? 4 : spread(9, year, zone, 400));
const events = (year: number, zone: string) => (year === 2024 && zone === "z3" ? 0 : quarters(year, zone).reduce((s, x) => s + x, 0));

/** Quarter cells of every zone and of Belgium, hidden where `hide` says so. */
function periodCells(hide: (year: number, area: string, q: number) => boolean): PublicPeriodCell[] {
  const out: PublicPeriodCell[] = [];
  for (const year of YEARS) {
    for (const area of [...ZONES, "BE"]) {
      const zones = area === "BE" ? ZONES : [area];
      for (let q = 1; q <= 4; q++) {
        const n = zones.reduce((s, z) => s + (events(year, z) === 0 ? 0 : quarters(year, z)[q - 1]!), 0);
        const d = zones.reduce((s, z) => s + population(year, z), 0) * periodShare("quarter", year, q);
        const hidden = hide(year, area, q);
        out.push({
          indicatorId: "er",
          year,
          periodKind: "quarter",
          periodIndex: q,
          level: area === "BE" ? "belgium" : "zone",
          systemCode: area === "BE" ? null : "S",
          areaCode: area,
          numerator: hidden ? null : n,
          denominator: hidden ? null : d,
          hidden: hidden ? "suppressed" : null,
        });
      }
    }
  }
  return out;
}

async function run(cells: PublicCell[], periods: PublicPeriodCell[]) {
  const dir = await mkdtemp(join(tmpdir(), "attacker-periods-"));
  dirs.push(dir);
  await writePublicRelease(dir, { cells, indicators: [{ id: "er", statistic: "crude-rate" }], ...WORLD });
  const db = await Database.open(join(dir, "published.duckdb"));
  try {
    await db.run(
      "CREATE TABLE period_cell (indicator_id VARCHAR, year INTEGER, period VARCHAR, period_kind VARCHAR, period_index INTEGER, level VARCHAR, system_code VARCHAR, area_code VARCHAR, numerator DOUBLE, denominator DOUBLE, hidden VARCHAR)",
    );
    for (const p of periods) {
      await db.run("INSERT INTO period_cell VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        p.indicatorId,
        p.year,
        `${p.year}-Q${p.periodIndex}`,
        p.periodKind,
        p.periodIndex,
        p.level,
        p.systemCode,
        p.areaCode,
        p.numerator,
        p.denominator,
        p.hidden,
      ]);
    }
  } finally {
    db.close();
  }
  return attackRelease(dir, { primaryReasons: [] });
}

const years = (hidden: (year: number, zone: string) => boolean): PublicCell[] =>
  seriesCells("er", "total", "all", (y, z) => [events(y, z), population(y, z)]).map((c) =>
    hidden(c.year, c.areaCode) ? { ...c, numerator: null, denominator: null, hidden: "suppressed" } : { ...c, hidden: null },
  );

describe("the attacker and sub-annual periods", () => {
  it("recovers a small quarter from its published year when the quarters were protected apart from it", async () => {
    const published = years(() => false);
    // Protected within the quarter alone: z1 Q2 (3) and a complementary zone of the same quarter.
    const weak = await run(
      published,
      periodCells((y, a, q) => y === 2024 && q === 2 && (a === "z1" || a === "z2")),
    );
    const leak = weak.leaks.find((l) => l.stratum === "quarter" && l.areaCode === "z1" && l.year === 2024 && l.stratumValue === "2");
    expect(leak).toMatchObject({ kind: "numerator", min: 3, max: 3 });
    // With the year in mind, a rectangle of two zones × two quarters keeps it wide.
    const guarded = await run(
      published,
      periodCells((y, a, q) => y === 2024 && (q === 2 || q === 3) && (a === "z1" || a === "z2")),
    );
    expect(guarded.leaks).toEqual([]);
    expect(guarded.narrowestInterval).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it("reads a hidden population off a published quarter's person-years", async () => {
    // z3's 2024 population (4) hidden with a complementary zone; its quarters published.
    const hiddenYear = (y: number, z: string) => y === 2024 && (z === "z3" || z === "z2");
    const leaky = await run(
      years(hiddenYear),
      periodCells(() => false),
    );
    expect(leaky.leaks.find((l) => l.areaCode === "z3" && l.year === 2024 && l.kind === "denominator" && l.stratum === "total")).toMatchObject({ min: 4, max: 4 });
    // Hiding the quarters of the hidden years too (as the publisher does) takes it away.
    const safe = await run(
      years(hiddenYear),
      periodCells((y, a) => hiddenYear(y, a)),
    );
    expect(safe.leaks).toEqual([]);
  }, 120_000);
});
