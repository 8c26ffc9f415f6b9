// GET /api/v1/indicators/:id/periods on the fixture: premature mortality has quarters whose
// numerators add up to the year's; the other indicators are yearly only.
import type { FastifyInstance } from "fastify";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cell } from "./cells.ts";
import type { PeriodCell } from "./period-cells.ts";
import { PERIOD_CELL_TABLE } from "../release/format.ts";
import { getJson, testApp } from "./test-support/app.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

interface Periods {
  kind: string;
  count: number;
  area: { area_code: string; name_en: string };
  cells: PeriodCell[];
}
const Z03 = "/api/v1/indicators/premature-mortality/periods?level=zone&system=ZPL&area=Z03";

describe("GET /api/v1/indicators/:id/periods", () => {
  it("gives a zone's 20 quarters, oldest first, adding up to the years' numerators", async () => {
    const { status, body } = await getJson<Periods>(app, Z03);
    expect(status).toBe(200);
    expect(body.kind).toBe("quarter");
    expect(body.area.area_code).toBe("Z03");
    expect(body.count).toBe(20);
    expect(body.cells.slice(0, 5).map((c) => c.period)).toEqual(["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2021-Q1"]);
    expect(body.cells.every((c) => c.period_kind === "quarter" && c.hidden === null && c.value !== null)).toBe(true);
    const years = await getJson<{ cells: Cell[] }>(app, "/api/v1/values?indicator=premature-mortality&level=zone&system=ZPL&areas=Z03");
    for (const y of years.body.cells) {
      const quarters = body.cells.filter((c) => c.year === y.year);
      expect(quarters.reduce((s, c) => s + (c.numerator ?? 0), 0)).toBe(y.numerator);
      // Annualised: the quarters' mean value is the year's.
      expect(quarters.reduce((s, c) => s + (c.value ?? 0), 0) / 4).toBeCloseTo(y.value as number, 6);
    }
  });

  it("sends hidden periods with their keys and no number", async () => {
    const { body } = await getJson<Periods>(app, "/api/v1/indicators/premature-mortality/periods?level=zone&system=ZPL&area=Z01");
    const hidden = body.cells.filter((c) => c.hidden !== null);
    // The chosen one (2023-Q2) and its complement: one hidden quarter alone would be the year minus three.
    expect(hidden.map((c) => c.period)).toContain("2023-Q2");
    expect(hidden.filter((c) => c.year === 2023)).toHaveLength(2);
    for (const c of hidden) expect([c.numerator, c.denominator, c.value, c.lower95, c.upper95, c.low_count]).toEqual([null, null, null, null, null, null]);
  });

  it("answers for Belgium and a region, and in CSV", async () => {
    expect((await getJson<Periods>(app, "/api/v1/indicators/premature-mortality/periods?level=belgium&area=BE")).body.count).toBe(20);
    const r = await app.inject({ method: "GET", url: `${Z03}&format=csv` });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/csv/);
    const parsed = Papa.parse<string[]>(r.body.trim(), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...PERIOD_CELL_TABLE.names]);
    expect(parsed.data).toHaveLength(21);
    expect(parsed.data[1]?.slice(0, 3)).toEqual(["premature-mortality", "2020", "2020-Q1"]);
  });

  it("says the indicator is in the catalogue with its periods", async () => {
    const { body } = await getJson<{ indicators: { id: string; subAnnual: string | null }[] }>(app, "/api/v1/indicators");
    expect(Object.fromEntries(body.indicators.map((i) => [i.id, i.subAnnual]))).toEqual({ "gmd-coverage": null, "premature-mortality": "quarter", "spending-per-person": null });
  });

  it.each([
    ["an indicator without periods", "/api/v1/indicators/gmd-coverage/periods?level=zone&system=ZPL&area=Z01", 400, "no-sub-annual-periods"],
    ["an unknown zone", "/api/v1/indicators/premature-mortality/periods?level=zone&system=ZPL&area=Z99", 404, "unknown-area"],
    ["a zone without its system", "/api/v1/indicators/premature-mortality/periods?level=zone&area=Z01", 400, "zone-needs-system"],
    ["an unknown indicator", "/api/v1/indicators/nothing/periods?level=belgium&area=BE", 404, "unknown-indicator"],
    ["municipalities (yearly only)", "/api/v1/indicators/premature-mortality/periods?level=municipality&area=11002", 400, "invalid-request"],
  ])("refuses %s", async (_name, url, status, code) => {
    const { status: s, body } = await getJson<{ code: string }>(app, url);
    expect([s, body.code]).toEqual([status, code]);
  });
});
