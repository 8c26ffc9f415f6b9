import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AreaRow } from "./catalog.ts";
import type { Cell } from "./cells.ts";
import { getJson, testApp } from "./test-support/app.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

interface ProfileIndicator {
  indicator: { id: string; title: Record<string, string> };
  year: number;
  cell: Cell;
  region: Cell | null;
  belgium: Cell | null;
  distribution: { count: number; min: number; q1: number; median: number; q3: number; max: number } | null;
  series: { year: number; value: number | null; hidden: string | null }[];
}
interface Profile {
  area: AreaRow;
  region: AreaRow | null;
  peers: { level: string; areas: number } | null;
  indicators: ProfileIndicator[];
}

/** Quantile with linear interpolation (R type 7), as DuckDB's quantile_cont. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return (sorted[lo] as number) + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - (sorted[lo] as number));
}

describe("GET /api/v1/profile/:level/:area", () => {
  it("gives every indicator's latest cell with the region's and Belgium's for the same year", async () => {
    const { status, body } = await getJson<Profile>(app, "/api/v1/profile/zone/Z06?system=ZPL");
    expect(status).toBe(200);
    expect(body.area).toMatchObject({ level: "zone", area_code: "Z06", name_en: "Ostbelgien zone" });
    expect(body.region?.area_code).toBe("03000");
    expect(body.peers).toEqual({ level: "zone", system_code: "ZPL", areas: 6 });
    expect(body.indicators.map((i) => [i.indicator.id, i.year])).toEqual([
      ["gmd-coverage", 2024],
      ["premature-mortality", 2024],
      ["spending-per-person", 2024],
    ]);
    const spending = body.indicators[2] as ProfileIndicator;
    expect(spending.cell).toMatchObject({ area_code: "Z06", year: 2024, hidden: null });
    expect(spending.region).toMatchObject({ level: "region", area_code: "03000", year: 2024 });
    expect(spending.belgium).toMatchObject({ level: "belgium", area_code: "BE", year: 2024 });
    expect(spending.series.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(spending.cell.trend).not.toBeNull();
  });

  it("shows a hidden latest cell as hidden, and leaves hidden cells out of the peer distribution", async () => {
    const { body } = await getJson<Profile>(app, "/api/v1/profile/zone/Z06?system=ZPL");
    const gmd = body.indicators[0] as ProfileIndicator;
    expect(gmd.cell).toMatchObject({ hidden: "suppressed", value: null, numerator: null, quintile: null, trend: null });
    expect(gmd.series.at(-1)).toEqual({ year: 2024, value: null, lower95: null, upper95: null, hidden: "suppressed" });
    const values = await getJson<{ cells: Cell[] }>(app, "/api/v1/values?indicator=gmd-coverage&level=zone&system=ZPL&years=2024");
    const published = values.body.cells
      .filter((c) => c.hidden === null)
      .map((c) => c.value as number)
      .sort((a, b) => a - b);
    expect(published).toHaveLength(5);
    const d = gmd.distribution;
    expect(d?.count).toBe(5);
    expect(d?.min).toBe(published[0]);
    expect(d?.max).toBe(published[4]);
    expect(d?.q1).toBeCloseTo(quantile(published, 0.25), 9);
    expect(d?.median).toBeCloseTo(quantile(published, 0.5), 9);
    expect(d?.q3).toBeCloseTo(quantile(published, 0.75), 9);
  });

  it("lists only indicators with cells at the area's level", async () => {
    const { body } = await getJson<Profile>(app, "/api/v1/profile/municipality/62063");
    expect(body.indicators.map((i) => i.indicator.id)).toEqual(["gmd-coverage", "premature-mortality"]);
    expect(body.peers).toEqual({ level: "municipality", system_code: null, areas: 8 });
    expect(body.indicators[0]?.distribution?.count).toBeGreaterThan(0);
    const region = await getJson<Profile>(app, "/api/v1/profile/region/02000");
    expect(region.body.indicators[0]?.region).toBeNull();
    expect(region.body.indicators[0]?.belgium?.area_code).toBe("BE");
    const belgium = await getJson<Profile>(app, "/api/v1/profile/belgium/BE");
    expect(belgium.body.peers).toBeNull();
    expect(belgium.body.indicators.every((i) => i.distribution === null && i.belgium === null && i.region === null)).toBe(true);
  });

  it("answers bad profile requests with 400 or 404", async () => {
    const cases: [string, number, RegExp][] = [
      ["/api/v1/profile/zone/Z06", 400, /'system' is required for a zone profile/],
      ["/api/v1/profile/zone/Z99?system=ZPL", 404, /unknown zone 'Z99' in system ZPL/],
      ["/api/v1/profile/municipality/99999", 404, /unknown municipality '99999'/],
      ["/api/v1/profile/county/1", 400, /path parameter 'level': expected one of/],
      ["/api/v1/profile/region/03000?lang=fr", 400, /unknown query parameter 'lang' \(allowed: system\)/],
      ["/api/v1/profile/region/03000?system=ZPL", 400, /applies to level=zone only/],
    ];
    for (const [url, status, message] of cases) {
      const r = await getJson<{ message: string }>(app, url);
      expect(r.status, url).toBe(status);
      expect(r.body.message, url).toMatch(message);
    }
  });
});

describe("GET /api/v1/compare", () => {
  it("puts areas of any level side by side in the order asked", async () => {
    const { status, body } = await getJson<{ years: number[]; series: { token: string; area: AreaRow; cells: Cell[] }[] }>(
      app,
      "/api/v1/compare?indicator=premature-mortality&areas=zone:ZPL:Z04,belgium:BE,region:03000,municipality:63023&years=2024,2023",
    );
    expect(status).toBe(200);
    expect(body.years).toEqual([2023, 2024]);
    expect(body.series.map((s) => [s.token, s.area.level, s.cells.map((c) => c.year)])).toEqual([
      ["zone:ZPL:Z04", "zone", [2023, 2024]],
      ["belgium:BE", "belgium", [2023, 2024]],
      ["region:03000", "region", [2023, 2024]],
      ["municipality:63023", "municipality", [2023, 2024]],
    ]);
    // Eupen's 2023 total is a complementary suppression.
    expect(body.series[3]?.cells[0]).toMatchObject({ hidden: "suppressed", value: null, lower95: null });
  });

  it("refuses bad tokens, unknown areas and levels the indicator lacks", async () => {
    const many = Array.from({ length: 13 }, (_, i) => `municipality:6${i}`).join(",");
    const cases: [string, number, RegExp][] = [
      ["indicator=gmd-coverage&areas=zone:Z01", 400, /query parameter 'areas' \(item 1\): expected level:code/],
      ["indicator=gmd-coverage&areas=region:09000", 404, /unknown area 'region:09000'/],
      ["indicator=spending-per-person&areas=municipality:62063", 400, /no cells at level municipality/],
      [`indicator=gmd-coverage&areas=${many}`, 400, /expected at most 12 items/],
      ["indicator=gmd-coverage", 400, /query parameter 'areas': is required/],
    ];
    for (const [query, status, message] of cases) {
      const r = await getJson<{ message: string }>(app, `/api/v1/compare?${query}`);
      expect(r.status, query).toBe(status);
      expect(r.body.message, query).toMatch(message);
    }
  });
});

describe("GET /api/v1/equity", () => {
  interface EquityRow {
    area: AreaRow;
    total: Cell | null;
    bim: Cell | null;
    nonBim: Cell | null;
    gap: { hidden: string | null; ratio: number | null; ratio_lower95: number | null; difference: number | null };
  }

  it("gives the BIM and non-BIM cells per area and the release's gap", async () => {
    const { status, body } = await getJson<{ year: number; rows: EquityRow[] }>(app, "/api/v1/equity?indicator=premature-mortality&level=zone&system=ZPL");
    expect(status).toBe(200);
    expect(body.year).toBe(2024);
    expect(body.rows.map((r) => r.area.area_code)).toEqual(["Z01", "Z02", "Z03", "Z04", "Z05", "Z06"]);
    const z01 = body.rows[0] as EquityRow;
    expect(z01.bim?.stratum_value).toBe("bim");
    expect(z01.nonBim?.stratum_value).toBe("non-bim");
    expect(z01.gap.ratio).toBe(z01.total?.bim_ratio);
    expect(z01.gap.ratio).toBeCloseTo((z01.bim?.value as number) / (z01.nonBim?.value as number), 9);
    expect(z01.gap.difference).toBeCloseTo((z01.bim?.value as number) - (z01.nonBim?.value as number), 9);
    // Z05: BIM hidden (small count), non-BIM hidden (complementary): no gap at all.
    const z05 = body.rows[4] as EquityRow;
    expect(z05.bim).toMatchObject({ hidden: "suppressed", value: null });
    expect(z05.nonBim).toMatchObject({ hidden: "suppressed", value: null });
    expect(z05.gap).toMatchObject({ hidden: "suppressed", ratio: null, ratio_lower95: null, difference: null });
    expect(z01.gap.hidden).toBeNull();
  });

  it("takes a year and areas, and refuses an indicator without a BIM breakdown", async () => {
    const { body } = await getJson<{ year: number; rows: EquityRow[] }>(app, "/api/v1/equity?indicator=gmd-coverage&level=region&areas=03000&year=2022");
    expect(body.year).toBe(2022);
    expect(body.rows.map((r) => r.area.area_code)).toEqual(["03000"]);
    const r = await getJson<{ message: string }>(app, "/api/v1/equity?indicator=spending-per-person&level=zone");
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/has no BIM breakdown/);
    expect((await getJson(app, "/api/v1/equity?indicator=gmd-coverage")).status).toBe(400);
    expect((await getJson(app, "/api/v1/equity?indicator=gmd-coverage&level=zone&areas=Z01")).body.message).toMatch(/needs 'system'/);
    expect((await getJson(app, "/api/v1/equity?indicator=gmd-coverage&level=region&year=1850")).status).toBe(400);
  });
});
