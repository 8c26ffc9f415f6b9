/**
 * The SQL escape hatch on the tiny extract (the persons are described in
 * tests/indicators-compute.test.ts): hand-written queries equal in meaning to declarative
 * definitions give the same cells as the declarative engine; queries breaking the contract are
 * refused before they run (columns, types) or stop the computation (values).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { Database } from "../../core/duckdb.ts";
import { loadDefinitions, parseDefinition } from "../definition/load.ts";
import type { Definition, DefinitionInput } from "../definition/schema.ts";
import { ROOT } from "../../tests/helpers.ts";
import { definition as baseDefinition, tinyWarehouse } from "../../tests/indicator-helpers.ts";
import { computeIndicators } from "./compute.ts";
import { SqlDefinitionError, checkSqlDefinition, compileCheckedSqlDefinitions, compileSqlDefinitions, openEmptyWarehouse, sqlDefinitionProblems } from "./compile-sql.ts";
import type { Cell } from "./statistics.ts";

const METHODS = { fr: "Une requête écrite à la main (test).", nl: "Een met de hand geschreven query (test).", de: "Eine von Hand geschriebene Abfrage (Test).", en: "A hand-written query (test)." };
type Fields = Parameters<typeof baseDefinition>[0];
const definition = (fields: Fields): Definition => baseDefinition(fields, { aim: "experience" });
const sqlDefinition = (id: string, sql: string, fields: Partial<DefinitionInput> = {}): Definition => definition({ id, statistic: "proportion", unit: "percent", methods: METHODS, sql, ...fields });

const AGE_BAND = `CASE WHEN p.year - p.birth_year < 18 THEN '0-17' WHEN p.year - p.birth_year < 45 THEN '18-44'
    WHEN p.year - p.birth_year < 65 THEN '45-64' WHEN p.year - p.birth_year < 75 THEN '65-74' ELSE '75+' END`;

/** gp-contact (experience/gp-contact.yaml) written by hand. */
const GP_CONTACT_SQL = `WITH gp AS (
  SELECT DISTINCT person_id, CAST(year(service_date) AS INTEGER) AS year
  FROM health_service
  WHERE starts_with(nomenclature_code, '990010') OR starts_with(nomenclature_code, '990020')
)
SELECT p.year, p.nis_code, p.sector_code, p.sex, ${AGE_BAND} AS age_band, p.bim,
  count(gp.person_id) AS numerator, count(*) AS denominator
FROM person_year p LEFT JOIN gp ON gp.person_id = p.person_id AND gp.year = p.year
GROUP BY ALL;`;

/** Hospital stays per 1,000 persons aged 45 and over, by year of admission: one row per person-year. */
const STAYS_45 = definition({
  id: "stays-45",
  statistic: "crude-rate",
  unit: "per-1000",
  population: { age: [45, 120] },
  numerator: { kind: "events", source: "hospital_stay", count: "events" },
  strata: ["bim"],
});
const STAYS_45_SQL = `SELECT p.year, p.nis_code, p.sector_code, p.sex, ${AGE_BAND} AS age_band, p.bim,
  (SELECT count(*) FROM hospital_stay s WHERE s.person_id = p.person_id AND year(s.admission_date) = p.year) AS numerator,
  1 AS denominator
FROM person_year p
WHERE p.year - p.birth_year >= 45`;

/**
 * Computed beside the declarative definitions: compile.ts needs at least one DSR, and the three
 * strata among its definitions, in a run (GROUPING of a column in no grouping set is a binder
 * error); the real runs always have both.
 */
const COMPANION = definition({ id: "deaths-dsr", statistic: "directly-standardised-rate", unit: "per-100000", population: { age: [0, 74] }, numerator: { kind: "deaths" }, strata: ["sex", "bim"] });
const COMPANION_2 = definition({ id: "gmd", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" } });

const key = (c: Pick<Cell, "year" | "level" | "system_code" | "area_code" | "stratum" | "stratum_value">) =>
  [c.year, c.level, c.system_code ?? "", c.area_code, c.stratum, c.stratum_value].join(" | ");
const byCell = (cells: readonly Cell[]) => Object.fromEntries(cells.map((c) => [key(c), `${c.numerator}/${c.denominator}`]));

let warehouse: string;
let db: Database;
beforeAll(async () => {
  warehouse = await tinyWarehouse();
  db = await Database.open(warehouse, { readOnly: true, threads: 1 });
});
afterAll(() => db.close());

describe("sql definitions against the declarative engine", () => {
  it("gp-contact written by hand gives the same numerators and denominators in every cell", async () => {
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    const declarative = definitions.find((d) => d.id === "gp-contact")!;
    expect(declarative.strata).toEqual(["sex", "age-band", "bim"]);
    const handWritten = sqlDefinition("gp-contact-sql", GP_CONTACT_SQL);
    const { sql, computed } = await compileCheckedSqlDefinitions([handWritten], db);
    expect(computed).toEqual(["gp-contact-sql"]);
    const rows = await db.all<Cell & { band: null }>(sql);
    const engine = await computeIndicators(warehouse, [declarative, COMPANION]);
    const expected = byCell(engine.cells.filter((c) => c.indicator_id === "gp-contact"));
    expect(Object.keys(expected).length).toBeGreaterThan(50);
    expect(byCell(rows)).toEqual(expected);
    // Worked out by hand: 2023, 2 of 6 persons (p1, p4); 2024, p6 of 7.
    expect(byCell(rows)["2023 | belgium |  | BE | total | all"]).toBe("2/6");
    expect(byCell(rows)["2024 | belgium |  | BE | total | all"]).toBe("1/7");
    expect(rows.every((r) => r.indicator_id === "gp-contact-sql" && r.band === null && r.sum_squares === null && r.denominator > 0)).toBe(true);
  });

  it("a crude rate with a restricted population and one stratum, beside another query in the same statement", async () => {
    const defs = [sqlDefinition("stays-45-sql", STAYS_45_SQL, { statistic: "crude-rate", unit: "per-1000", strata: ["bim"] }), sqlDefinition("gp-sql", GP_CONTACT_SQL, { strata: [] })];
    const { sql } = await compileCheckedSqlDefinitions(defs, db);
    const rows = await db.all<Cell>(sql);
    const engine = await computeIndicators(warehouse, [STAYS_45, COMPANION, COMPANION_2]);
    expect(byCell(rows.filter((r) => r.indicator_id === "stays-45-sql"))).toEqual(byCell(engine.cells.filter((c) => c.indicator_id === "stays-45")));
    // p3's stay of 2023 (aged 85, BIM); p1's day stay of 2024 (aged 74, BIM).
    expect(byCell(rows.filter((r) => r.indicator_id === "stays-45-sql"))["2023 | belgium |  | BE | bim | bim"]).toBe("1/3");
    // No strata: totals only.
    expect(new Set(rows.filter((r) => r.indicator_id === "gp-sql").map((r) => r.stratum))).toEqual(new Set(["total"]));
    expect(new Set(rows.filter((r) => r.indicator_id === "stays-45-sql").map((r) => r.stratum))).toEqual(new Set(["total", "bim"]));
  });

  it("compiles nothing without a query", () => {
    expect(compileSqlDefinitions([STAYS_45])).toBe("");
  });
});

describe("the contract of a query", () => {
  it("refuses wrong output columns, naming them, before running anything", async () => {
    const extra = await checkSqlDefinition(sqlDefinition("x", GP_CONTACT_SQL.replace("count(*) AS denominator", "count(*) AS denominator, p.gmd")));
    expect(extra.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /the query returns a column `gmd` that is not part of the contract: an indicator query returns exactly the columns year, nis_code, sector_code, sex, age_band, bim, numerator, denominator/,
      ),
    ]);
    const missing = await checkSqlDefinition(sqlDefinition("x", GP_CONTACT_SQL.replace(" p.bim,", "")));
    expect(missing.map((p) => p.message)).toEqual([expect.stringMatching(/the query returns no column `bim`/)]);
    const renamed = await checkSqlDefinition(sqlDefinition("x", GP_CONTACT_SQL.replace("AS numerator", "AS users")));
    expect(renamed.map((p) => p.message)).toEqual([expect.stringMatching(/column `users` that is not part/), expect.stringMatching(/no column `numerator`/)]);
    const untyped = await checkSqlDefinition(sqlDefinition("x", GP_CONTACT_SQL.replace("p.sector_code,", "NULL AS sector_code,").replace("count(*) AS denominator", "count(*) / 2 AS denominator")));
    expect(untyped.map((p) => p.message)).toEqual([
      expect.stringMatching(/column `sector_code` is INTEGER, but it must be VARCHAR \(a NULL without a type is an INTEGER: write NULL::VARCHAR\)/),
      expect.stringMatching(/column `denominator` is DOUBLE, but it must be an integer/),
    ]);
  });

  it("reports DuckDB's binding errors with the line of the query", async () => {
    const [problem] = await checkSqlDefinition(sqlDefinition("x", GP_CONTACT_SQL.replace("p.bim,", "p.bimm,")));
    expect(problem?.message).toMatch(/DuckDB cannot run the query: Binder Error: .*bimm/);
    // DuckDB shortens this long line: no column.
    expect(problem).toEqual({ message: expect.any(String), queryLine: 7 });
    const [short] = await checkSqlDefinition(sqlDefinition("x", GP_CONTACT_SQL.replace("count(gp.person_id)", "count(gp.persn_id)")));
    expect(short).toMatchObject({ message: expect.stringMatching(/persn_id/), queryLine: 8, queryColumn: 9 });
  });

  it("runs the guard first, and the engine refuses to compute a refused query", async () => {
    const evil = sqlDefinition("evil", "SELECT * FROM read_csv('/etc/passwd')");
    expect(await checkSqlDefinition(evil, db)).toEqual([{ message: expect.stringMatching(/table function `read_csv` is not allowed/), queryLine: 1, queryColumn: 15 }]);
    await expect(compileCheckedSqlDefinitions([evil], db)).rejects.toThrow(SqlDefinitionError);
    await expect(compileCheckedSqlDefinitions([evil], db)).rejects.toThrow(/evil: table function `read_csv` is not allowed/);
  });

  it("stops the computation on values outside the contract", async () => {
    const run = (sql: string, fields: Partial<DefinitionInput> = {}) => db.all(compileSqlDefinitions([sqlDefinition("bad", sql, fields)]));
    await expect(run(GP_CONTACT_SQL.replace("p.sex,", "lower(p.sex) AS sex,"))).rejects.toThrow(/indicator bad: sex must be F or M, not [fm]/);
    await expect(run(GP_CONTACT_SQL.replace(`${AGE_BAND} AS age_band`, "'65+' AS age_band"))).rejects.toThrow(/age_band must be one of 0-17, 18-44, 45-64, 65-74, 75\+, not 65\+/);
    await expect(run(GP_CONTACT_SQL.replace("p.sector_code,", "NULL::VARCHAR AS sector_code,"))).rejects.toThrow(
      /the query returns the residence unit 21004 in 202[34], which is not a \(nis_code, sector_code\) of person_year/,
    );
    await expect(run(GP_CONTACT_SQL.replace("count(gp.person_id) AS numerator", "count(*) + 1 AS numerator"))).rejects.toThrow(/the numerator \(\d+(\.0)?\) is above the denominator/);
    // A rate may count more events than persons.
    await expect(run(GP_CONTACT_SQL.replace("count(gp.person_id) AS numerator", "count(*) + 1 AS numerator"), { statistic: "crude-rate", unit: "per-1000" })).resolves.toBeInstanceOf(Array);
  });

  it("checks the built-in definitions, and computes diabetics-hba1c-follow-up on the tiny extract", async () => {
    const { definitions, sources } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    expect(await sqlDefinitionProblems(definitions, sources, db)).toEqual([]);
    const hba1c = definitions.find((d) => d.id === "diabetics-hba1c-follow-up")!;
    const { sql } = await compileCheckedSqlDefinitions([hba1c], db);
    const cells = byCell(await db.all<Cell>(sql));
    // p1 (F, 73, BIM, 21004 sector S01) is the only A10 user, in 2023, with no HbA1c test.
    expect(cells["2023 | belgium |  | BE | total | all"]).toBe("0/1");
    expect(cells["2023 | municipality |  | 21004 | age-band | 65-74"]).toBe("0/1");
    expect(Object.keys(cells).some((k) => k.startsWith("2024"))).toBe(false);
  });
});

describe("where problems are reported", () => {
  const yaml = (statistic: string, sqlLines: string[]) =>
    [
      "id: custom",
      "version: 1",
      "aim: value",
      "type: process",
      "title: { fr: a, nl: b, de: c, en: Custom }",
      "short-description: { fr: a, nl: b, de: c, en: A custom indicator. }",
      "definition: { fr: x, nl: x, de: x, en: x }",
      "rationale: { fr: x, nl: x, de: x, en: x }",
      "numerator-text: { fr: x, nl: x, de: x, en: x }",
      "denominator-text: { fr: x, nl: x, de: x, en: x }",
      "source: { fr: x, nl: x, de: x, en: x }",
      "methods: { fr: Compte ce que compte la requête., nl: Telt wat de query telt., de: 'Zählt, was die Abfrage zählt.', en: Counts what the query counts. }",
      "unit: percent",
      "polarity: no-judgement",
      `statistic: ${statistic}`,
      ...sqlLines,
      "",
    ].join("\n");

  it("at the line of the query in the YAML file, inside a literal block", async () => {
    const text = yaml("proportion", ["sql: |", "", "  SELECT year, nis_code, sector_code, sex,", "    getenv('HOME') AS age_band", "  FROM person_year"]);
    const parsed = parseDefinition(text, "value/custom.yaml");
    expect(parsed.problems).toEqual([]);
    const problems = await sqlDefinitionProblems([parsed.definition!], new Map([["custom", { file: "value/custom.yaml", locate: parsed.locate, locateSql: parsed.locateSql }]]), db);
    // The block starts at line 16 with `|`, then a blank line: query line 2 is file line 19.
    expect(problems).toEqual([{ file: "value/custom.yaml", line: 19, column: 5, path: "sql", message: expect.stringMatching(/function `getenv` is not allowed.*\(line 2, column 3 of the query\)$/) }]);
  });

  it("at the value of `sql` when it is written on one line", async () => {
    const parsed = parseDefinition(yaml("proportion", ["sql: SELECT * FROM load_batch"]), "value/custom.yaml");
    const problems = await sqlDefinitionProblems([parsed.definition!], new Map([["custom", { file: "value/custom.yaml", locate: parsed.locate, locateSql: parsed.locateSql }]]), db);
    expect(problems).toMatchObject([{ line: 16, column: 6, path: "sql", message: expect.stringMatching(/table `load_batch` is not allowed/) }]);
  });

  it("refuses statistics other than proportion and crude-rate, in the definition's rules", () => {
    const parsed = parseDefinition(yaml("mean-per-person", ["sql: SELECT 1"]).replace("unit: percent", "unit: ratio"), "value/custom.yaml");
    expect(parsed.definition).toBeUndefined();
    expect(parsed.problems).toMatchObject([{ path: "statistic", line: 15, message: expect.stringMatching(/only `proportion` or `crude-rate` can be computed, not `mean-per-person`/) }]);
  });

  it("checks against an empty warehouse by default", async () => {
    const empty = await openEmptyWarehouse();
    try {
      expect(await empty.all("SELECT count(*) AS n FROM person_year")).toEqual([{ n: 0 }]);
      expect(await checkSqlDefinition(sqlDefinition("x", GP_CONTACT_SQL), empty)).toEqual([]);
    } finally {
      empty.close();
    }
  });
});
