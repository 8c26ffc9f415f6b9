import { tableFromIPC } from "apache-arrow";
import type { FastifyInstance } from "fastify";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CELL_COLUMN_NAMES, CELL_COLUMNS, type Cell } from "./cells.ts";
import { negotiate, toCsv } from "./formats.ts";
import { getJson, testApp } from "./test-support/app.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const NUMBERS = CELL_COLUMNS.filter((c) => !c.key).map((c) => c.name);
const ZONES_2024 = "/api/v1/values?indicator=gmd-coverage&level=zone&system=ZPL&years=2024";

interface Values {
  releaseId: string;
  count: number;
  stratum: string;
  cells: Cell[];
}

describe("GET /api/v1/values as JSON", () => {
  it("returns the cells of one indicator, filtered and ordered", async () => {
    const { status, body, headers } = await getJson<Values>(app, ZONES_2024);
    expect(status).toBe(200);
    expect(headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(body.releaseId).toBe("fixture0000000a1");
    expect(body.cells.map((c) => c.area_code)).toEqual(["Z01", "Z02", "Z03", "Z04", "Z05", "Z06"]);
    expect(Object.keys(body.cells[0] ?? {})).toEqual([...CELL_COLUMN_NAMES]);
    const z01 = body.cells[0] as Cell;
    expect(z01).toMatchObject({ indicator_id: "gmd-coverage", year: 2024, level: "zone", system_code: "ZPL", stratum: "total", stratum_value: "all", hidden: null, region_code: "02000" });
    expect(z01.value).toBeCloseTo((100 * (z01.numerator as number)) / (z01.denominator as number), 9);
    expect(z01.trend).toBe("getting-better");
  });

  it("sends a hidden cell with its keys and reason and every number null", async () => {
    const { body } = await getJson<Values>(app, ZONES_2024);
    const z06 = body.cells.find((c) => c.area_code === "Z06") as Cell;
    expect(z06).toMatchObject({ area_code: "Z06", year: 2024, stratum: "total", hidden: "suppressed", region_code: "03000" });
    for (const name of NUMBERS) expect(z06[name], name).toBeNull();
  });

  it("never lets a number out with a hidden cell, in any stratum", async () => {
    const reasons = new Set<string>();
    for (const [indicator, strata] of [
      ["gmd-coverage", ["total", "sex", "age-band", "bim"]],
      ["premature-mortality", ["total", "bim"]],
      ["spending-per-person", ["total"]],
    ] as const) {
      for (const stratum of strata) {
        const { body } = await getJson<Values>(app, `/api/v1/values?indicator=${indicator}&stratum=${stratum}`);
        for (const c of body.cells.filter((x) => x.hidden !== null)) {
          reasons.add(c.hidden as string);
          for (const name of NUMBERS) expect(c[name], `${indicator} ${c.level} ${c.area_code} ${c.year} ${c.stratum_value} ${name}`).toBeNull();
        }
      }
    }
    expect([...reasons].sort()).toEqual(["suppressed"]);
  });

  it("filters by areas, years and stratum", async () => {
    const { body } = await getJson<Values>(app, "/api/v1/values?indicator=gmd-coverage&level=municipality&areas=63079,62063&years=2023,2022&stratum=sex");
    expect(body.stratum).toBe("sex");
    expect(body.cells.map((c) => `${c.year} ${c.area_code} ${c.stratum_value}`)).toEqual([
      "2022 62063 F",
      "2022 62063 M",
      "2022 63079 F",
      "2022 63079 M",
      "2023 62063 F",
      "2023 62063 M",
      "2023 63079 F",
      "2023 63079 M",
    ]);
    const all = await getJson<Values>(app, "/api/v1/values?indicator=spending-per-person");
    expect(all.body.count).toBe(5 * (1 + 2 + 6));
  });

  it("refuses bad queries naming the parameter, and unknown things with 404", async () => {
    const cases: [string, number, RegExp][] = [
      ["indicator=gmd-coverage&colour=red", 400, /^unknown query parameter 'colour' \(allowed: indicator, years, level, system, areas, stratum, format\)$/],
      ["indicator=gmd-coverage&years=2024,last", 400, /^query parameter 'years' \(item 2\): expected a year such as 2024$/],
      ["indicator=gmd-coverage&years=", 400, /query parameter 'years'/],
      ["indicator=gmd-coverage&years=2024&years=2023", 400, /^query parameter 'years' was given more than once/],
      ["indicator=gmd-coverage&stratum=income", 400, /^query parameter 'stratum': expected one of total, sex, age-band, bim$/],
      ["indicator=gmd-coverage&format=xml", 400, /^query parameter 'format': expected one of json, csv, arrow$/],
      ["indicator=spending-per-person&stratum=sex", 400, /has no breakdown by sex/],
      ["indicator=spending-per-person&level=municipality", 400, /has no cells at level municipality \(levels: belgium, region, zone\)/],
      ["indicator=gmd-coverage&areas=62063", 400, /'areas' needs 'level'/],
      ["indicator=gmd-coverage&level=zone&areas=Z01", 400, /needs 'system'/],
      ["indicator=gmd-coverage&level=municipality&areas=62063,99999", 404, /^unknown municipality area: 99999$/],
      ["indicator=gmd-coverage&level=zone&system=XX", 404, /unknown zone system 'XX'/],
      ["indicator=nope", 404, /^unknown indicator 'nope'/],
      ["indicator=DROP%20TABLE%20cell", 400, /query parameter 'indicator'/],
      ["indicator=gmd-coverage&areas=62063'%20OR%201=1--&level=municipality", 400, /query parameter 'areas' \(item 1\)/],
    ];
    for (const [query, status, message] of cases) {
      const r = await getJson<{ error: string; message: string }>(app, `/api/v1/values?${query}`);
      expect(r.status, query).toBe(status);
      expect(r.body.message, query).toMatch(message);
    }
  });

  it("refuses a query over the cell limit, asking to narrow it", async () => {
    const small = await testApp({ maxCells: 10 });
    try {
      const r = await getJson(small, "/api/v1/values?indicator=gmd-coverage");
      expect(r.status).toBe(400);
      expect(r.body.message).toBe("the query matches more than 10 cells: narrow it with years, level, areas or stratum");
      expect((await getJson(small, ZONES_2024)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe("GET /api/v1/values as CSV and Arrow", () => {
  it("writes CSV with a header row, CRLF and empty fields for a hidden cell", async () => {
    const r = await app.inject({ url: `${ZONES_2024}&format=csv` });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.body.split("\r\n")[0]).toBe(CELL_COLUMN_NAMES.join(","));
    expect(r.body.endsWith("\r\n")).toBe(true);
    const rows = Papa.parse<Record<string, string>>(r.body.trim(), { header: true }).data;
    expect(rows).toHaveLength(6);
    const z06 = rows.find((row) => row.area_code === "Z06") as Record<string, string>;
    expect(z06.hidden).toBe("suppressed");
    for (const name of NUMBERS) expect(z06[name], name).toBe("");
    const json = (await getJson<Values>(app, ZONES_2024)).body.cells[0] as Cell;
    expect(Number(rows[0]?.value)).toBe(json.value);
    expect(rows[0]?.low_count).toBe("false");
  });

  it("quotes CSV fields as RFC 4180 says", () => {
    const cell = Object.fromEntries(CELL_COLUMN_NAMES.map((n) => [n, null])) as unknown as Cell;
    const { body } = toCsv([{ ...cell, indicator_id: "a,b", area_code: 'say "hi"', stratum_value: "two\nlines", year: 2024 }]);
    const line = body.toString().split("\r\n").slice(1).join("\r\n");
    expect(line.startsWith('"a,b",2024,,,"say ""hi""",,"two\nlines",')).toBe(true);
  });

  it("writes an Arrow IPC stream with typed columns and nulls for a hidden cell", async () => {
    const r = await app.inject({ url: `${ZONES_2024}&format=arrow` });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/vnd.apache.arrow.stream");
    const table = tableFromIPC(r.rawPayload);
    expect(table.numRows).toBe(6);
    expect(table.schema.fields.map((f) => f.name)).toEqual([...CELL_COLUMN_NAMES]);
    expect(String(table.schema.fields.find((f) => f.name === "year")?.type)).toBe("Int32");
    expect(String(table.schema.fields.find((f) => f.name === "value")?.type)).toBe("Float64");
    const rows = table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    const z06 = rows.find((row) => row.area_code === "Z06") as Record<string, unknown>;
    expect(z06.hidden).toBe("suppressed");
    for (const name of NUMBERS) expect(z06[name], name).toBeNull();
    const json = (await getJson<Values>(app, ZONES_2024)).body.cells;
    expect(rows[0]?.value).toBe(json[0]?.value);
    expect(rows[0]?.quintile).toBe(json[0]?.quintile);
  });

  it("chooses the format from the Accept header when format= is absent", async () => {
    const csv = await app.inject({ url: ZONES_2024, headers: { accept: "text/csv" } });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers.vary).toMatch(/Accept/);
    const arrow = await app.inject({ url: ZONES_2024, headers: { accept: "application/vnd.apache.arrow.stream" } });
    expect(arrow.headers["content-type"]).toBe("application/vnd.apache.arrow.stream");
    const forced = await app.inject({ url: `${ZONES_2024}&format=json`, headers: { accept: "text/csv" } });
    expect(forced.headers["content-type"]).toMatch(/^application\/json/);
    // Different representations, different ETags.
    expect(new Set([csv.headers.etag, arrow.headers.etag, forced.headers.etag]).size).toBe(3);
    expect(negotiate(undefined, "text/csv;q=0.5, application/json")).toBe("json");
    expect(negotiate(undefined, "text/html, */*")).toBe("json");
    expect(negotiate(undefined, "application/vnd.apache.arrow.stream;q=0.9, text/csv;q=0.8")).toBe("arrow");
  });
});
