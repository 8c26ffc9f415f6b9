/**
 * The engine computes person-based definitions a batch of years at a time (compute.ts,
 * year-batches.ts) so that its memory follows a bounded amount of data. These tests pin that
 * the statement of one year, or of a span of years, returns exactly the rows the all-years
 * statement returns for those years, on a generated sample of four years (look-back windows
 * cross years) with every definition of the repository.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { compile } from "../indicators/compute/compile.ts";
import { computeIndicators } from "../indicators/compute/compute.ts";
import { readSignatures, signatureColumns, type Signatures } from "../indicators/compute/signatures.ts";
import { statementsWithSignatures } from "../indicators/compute/with-signatures.ts";
import { ROOT, temporaryDirectory } from "./helpers.ts";

const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
let warehouse: string;

beforeAll(async () => {
  const dir = temporaryDirectory();
  await generateSample({ scale: 0.0002, firstYear: 2020, lastYear: 2023, seed: 42, out: join(dir, "sample"), workers: 1 });
  warehouse = join(dir, "warehouse.duckdb");
  const load = await loadExtract(join(dir, "sample"), { warehouse });
  expect(load.written).toBe(true);
}, 300_000);

const KEY = ["year", "level", "system_code", "area_code", "stratum", "stratum_value"];

/**
 * Differences between two sets of rows, by cell key. Counts must be equal; DOUBLE sums (euro
 * amounts, their squares) may differ in the last bits with the order of addition: to 1e-12.
 */
function differences(actual: Record<string, unknown>[], expected: Record<string, unknown>[]): string[] {
  // A cell key appears twice: the plain indicators' row and the standardised ones' (bands).
  const keyOf = (r: Record<string, unknown>) => [...KEY.map((k) => String(r[k])), r.bands === null ? "plain" : "banded"].join("|");
  const byKey = new Map(expected.map((r) => [keyOf(r), r]));
  const same = (a: unknown, b: unknown): boolean =>
    typeof a === "number" && typeof b === "number"
      ? Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))
      : Array.isArray(a) && Array.isArray(b)
        ? a.length === b.length && a.every((x, i) => same(x, b[i]))
        : a === b;
  const out: string[] = [];
  if (actual.length !== expected.length) out.push(`${actual.length} rows, expected ${expected.length}`);
  for (const r of actual) {
    const e = byKey.get(keyOf(r));
    if (!e) out.push(`unexpected row ${keyOf(r)}`);
    else for (const k of Object.keys(e)) if (!same(r[k], e[k])) out.push(`${keyOf(r)} ${k}: ${String(r[k])}, expected ${String(e[k])}`);
  }
  return out.slice(0, 20);
}

describe("compute by year", () => {
  it("gives, for each year, the rows of the all-years statement", async () => {
    const whole = compile(definitions).sql;
    const db = await Database.open(warehouse, { readOnly: true });
    try {
      const all = await db.all(whole);
      const years = [...new Set(all.map((r) => r.year as number))].sort();
      expect(years).toEqual([2020, 2021, 2022, 2023]);
      for (const span of [...years.map((y) => ({ from: y, to: y })), { from: 2021, to: 2023 }, { from: 2020, to: 2021 }]) {
        const year = `${span.from}–${span.to}`;
        const alone = await db.all(compile(definitions, { years: span }).sql);
        expect(alone.length, `${year}`).toBeGreaterThan(0);
        expect(
          differences(
            alone,
            all.filter((r) => (r.year as number) >= span.from && (r.year as number) <= span.to),
          ),
          `${year}`,
        ).toEqual([]);
      }
    } finally {
      db.close();
    }
  }, 300_000);

  it("gives the same rows with persons joined on a hash of their pseudonym (person-key.ts)", async () => {
    const db = await Database.open(warehouse, { readOnly: true });
    try {
      // Every year at once (windows fanned out), a span (its own grouping), one year (a date range).
      for (const options of [{}, { years: { from: 2021, to: 2023 } }, { year: 2022 }]) {
        const hashed = compile(definitions, { ...options, personKey: "hashed" }).sql;
        const pseudonym = compile(definitions, options).sql;
        // The key is all that differs: every scan of persons and events (the population, each
        // event table, the medicines, the readmissions' window) reads the hash, not the text.
        expect(hashed.replace(/hash\(((?:e\.)?person_id)\)(?: AS person_id)?/g, "$1"), JSON.stringify(options)).toBe(pseudonym);
        expect(hashed.match(/hash\(/g)?.length, JSON.stringify(options)).toBeGreaterThanOrEqual(6);
        expect(pseudonym).not.toContain("hash(");
        const rows = await db.all(hashed);
        expect(rows.length).toBeGreaterThan(0);
        expect(differences(rows, await db.all(pseudonym)), JSON.stringify(options)).toEqual([]);
      }
    } finally {
      db.close();
    }
  }, 300_000);

  it("gives the same rows when the same pass also groups the signatures (with-signatures.ts)", async () => {
    const db = await Database.open(warehouse, { readOnly: true });
    try {
      for (const span of [
        { from: 2022, to: 2022 },
        { from: 2020, to: 2023 },
      ]) {
        const compiled = compile(definitions, { years: span });
        const statements = statementsWithSignatures(compiled, signatureColumns(definitions, compiled.columns));
        await db.run(statements.prepare);
        const rows = await db.all(statements.cells);
        await db.run(statements.cleanup);
        expect(rows.length).toBeGreaterThan(0);
        expect(differences(rows, await db.all(compiled.sql)), `${span.from}–${span.to}`).toEqual([]);
      }
    } finally {
      db.close();
    }
  }, 300_000);

  it("gives each year's signatures from its own pass, as the signature query of that year alone counts them", async () => {
    const result = await computeIndicators(warehouse, definitions, { signatures: true });
    const signed = definitions.filter((d) => result.computed.includes(d.id));
    expect(result.signatures.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023]);
    // Rows as sorted lines: the order of a GROUP BY means nothing.
    const lines = (s: Signatures) => s.rows.map((r) => [r.sex, r.ageBand, r.bim, s.columns.map((c, k) => `${c}=${r.flags[k]}`).join(","), r.persons].join("|")).sort();
    const db = await Database.open(warehouse, { readOnly: true });
    try {
      for (const mine of result.signatures) {
        const alone = await readSignatures(db, signed, mine.year);
        expect(mine.columns).toEqual(alone!.columns);
        expect(mine.rows.length).toBeGreaterThan(10);
        expect(lines(mine)).toEqual(lines(alone!));
      }
    } finally {
      db.close();
    }
    // Not asked, none; and the cells are the same either way.
    const without = await computeIndicators(warehouse, definitions);
    expect(without.signatures).toEqual([]);
    expect(without.cells.length).toBe(result.cells.length);
    const key = (c: (typeof result.cells)[number]) => [c.indicator_id, c.year, c.level, c.system_code, c.area_code, c.stratum, c.stratum_value, c.numerator, c.denominator].join("|");
    expect(without.cells.map(key).sort()).toEqual(result.cells.map(key).sort());
  }, 300_000);

  it("joins no event to a range of years when it computes one year", () => {
    const { sql } = compile(definitions, { year: 2022 });
    expect(sql).not.toMatch(/range\(/);
    expect(sql).toContain("FROM person_year WHERE year = 2022");
    expect(compile(definitions).sql).toMatch(/range\(0, \d\)/);
    expect(() => compile(definitions, { year: 2022.5 })).toThrow(RangeError);
    expect(() => compile(definitions, { years: { from: 2023, to: 2022 } })).toThrow(RangeError);
  });

  it("reads only the events and person-years a span of years needs", () => {
    const { sql } = compile(definitions, { years: { from: 2021, to: 2023 } });
    expect(sql).toContain("FROM person_year WHERE year BETWEEN 2021 AND 2023");
    // The longest look-back window (cervical-cancer screening, three years) reaches back to 2019, no further.
    expect(sql).toMatch(/service_date >= DATE '2019-01-01' AND e\.service_date < DATE '2024-01-01'/);
    expect(sql).not.toMatch(/DATE '2018-01-01'/);
  });
});
