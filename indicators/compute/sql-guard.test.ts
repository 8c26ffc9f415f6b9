import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../core/duckdb.ts";
import { fileKinds } from "../../contract/index.ts";
import { ALLOWED_FUNCTIONS, ALLOWED_TABLE_FUNCTIONS, WAREHOUSE_TABLES, checkIndicatorSql, positionOf, queryBody, splitStatements, statementKeywords, type SqlCheck } from "./sql-guard.ts";

let db: Database;
beforeAll(async () => {
  db = await Database.open(":memory:", { threads: 1 });
});
afterAll(() => db.close());

const check = (sql: string, extraTables?: string[]): Promise<SqlCheck> => checkIndicatorSql(sql, { db, ...(extraTables ? { extraTables } : {}) });

async function refused(sql: string): Promise<{ reason: string; line?: number; column?: number }> {
  const result = await check(sql);
  if (result.ok) throw new Error(`accepted: ${sql}`);
  return result;
}

describe("checkIndicatorSql accepts", () => {
  it("a CTE, a join, a window and subqueries, and lists what the query reads", async () => {
    const result = await check(`
      WITH gp AS (
        SELECT DISTINCT person_id, CAST(year(service_date) AS INTEGER) AS year
        FROM health_service WHERE starts_with(nomenclature_code, '9900') AND setting IN ('ambulatory', 'home')
      )
      SELECT p.year, p.nis_code, p.sector_code, p.sex,
        CASE WHEN p.year - p.birth_year < 18 THEN '0-17' ELSE '75+' END AS age_band, p.bim,
        count(gp.person_id) AS numerator, count(*) AS denominator,
        row_number() OVER (PARTITION BY p.nis_code ORDER BY p.year) AS k,
        coalesce(max(p.death_date), make_date(p.year, 12, 31)) AS d
      FROM person_year p LEFT JOIN gp ON gp.person_id = p.person_id AND gp.year = p.year
      WHERE p.nis_code LIKE '21%' AND p.person_id IN (SELECT person_id FROM pharmacy_delivery WHERE atc_code ILIKE 'a10%')
        AND EXISTS (SELECT 1 FROM geo_municipality g WHERE g.nis_code = p.nis_code)
      GROUP BY ALL`);
    expect(result).toEqual({
      ok: true,
      tables: ["geo_municipality", "health_service", "person_year", "pharmacy_delivery"],
      // COALESCE, CASE, CAST and IN are not functions in DuckDB's tree; LIKE is `~~`, ILIKE `~~*`.
      functions: ["-", "count", "count_star", "make_date", "max", "row_number", "starts_with", "year", "~~", "~~*"],
    });
  });

  it("subqueries in FROM, UNION, a recursive CTE, VALUES and the allowed table functions", async () => {
    for (const sql of [
      "SELECT * FROM (SELECT year, count(*) AS n FROM person_year GROUP BY year) t JOIN (VALUES (2023), (2024)) v(y) ON v.y = t.year",
      "SELECT nis_code FROM person_year UNION ALL SELECT nis_code FROM statbel_population",
      "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
      "SELECT * FROM range(2019, 2025) AS y(year) CROSS JOIN generate_series(1, 3) CROSS JOIN unnest(['F', 'M'])",
      "SELECT date_diff('day', admission_date, discharge_date) AS los, date_trunc('month', admission_date), EXTRACT(year FROM admission_date) FROM hospital_stay",
      "SELECT list(atc_code ORDER BY delivery_date), string_agg(cnk_code, ','), count(*) FILTER (WHERE cheaper_medicine) FROM pharmacy_delivery",
      "SELECT lag(year) OVER w, lead(year) OVER w, rank() OVER w FROM person_year WINDOW w AS (PARTITION BY person_id ORDER BY year)",
      "SELECT * FROM person_year QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY year DESC) = 1",
      "FROM zone_supply SELECT zone_code, gp_fte / nullif(gp_count, 0)",
      "SELECT 1;",
    ]) {
      expect(await check(sql), sql).toMatchObject({ ok: true });
    }
  });

  it("a CTE named like a warehouse table (it only shadows it)", async () => {
    expect(await check("WITH person_year AS (SELECT * FROM person_year WHERE year = 2024) SELECT * FROM person_year")).toMatchObject({ ok: true, tables: ["person_year"] });
    expect(await check("WITH load_batch AS (SELECT 1 AS x) SELECT * FROM load_batch")).toMatchObject({ ok: true, tables: [] });
  });

  it("extra tables given in the options (for tests)", async () => {
    expect(await check("SELECT * FROM scratch", ["scratch"])).toMatchObject({ ok: true, tables: ["scratch"] });
    expect((await check("SELECT * FROM scratch")).ok).toBe(false);
  });
});

describe("checkIndicatorSql refuses", () => {
  it.each([
    ["CREATE TABLE t AS SELECT 1", /only one SELECT statement is allowed; found a CREATE statement/],
    ["INSERT INTO person_year SELECT * FROM person_year", /found an INSERT statement/],
    ["COPY person_year TO '/tmp/out.csv'", /found a COPY statement/],
    ["ATTACH '/tmp/other.duckdb' AS other", /found an ATTACH statement/],
    ["PRAGMA database_list", /found a PRAGMA statement/],
    ["SET memory_limit = '1GB'", /found a SET statement/],
    ["INSTALL httpfs", /found an INSTALL statement/],
    ["LOAD httpfs", /found a LOAD statement/],
    ["EXPORT DATABASE '/tmp/x'", /found an EXPORT statement/],
    ["CALL pragma_version()", /found a CALL statement/],
    ["SELECT 1; SELECT 2", /only one SELECT statement is allowed; found 2 statements \(SELECT, SELECT\)/],
    ["SELECT * FROM person_year; COPY person_year TO 'x.csv'", /found 2 statements \(SELECT, COPY\)/],
    ["SELECT * INTO copy_of FROM person_year", /SELECT … INTO/],
    ["DESCRIBE person_year", /DESCRIBE, SHOW and SUMMARIZE are not allowed/],
    ["", /the query is empty/],
  ])("%s", async (sql, reason) => {
    expect((await refused(sql)).reason).toMatch(reason);
  });

  it("read_csv and read_parquet in FROM, and in a subquery", async () => {
    expect((await refused("SELECT * FROM read_csv('/etc/passwd')")).reason).toMatch(
      /table function `read_csv` is not allowed: it reads files, URLs or other databases; in FROM, an indicator query may use only range, generate_series, unnest/,
    );
    expect((await refused("SELECT * FROM read_parquet('s3://bucket/x.parquet')")).reason).toMatch(/`read_parquet` is not allowed/);
    const nested = await refused("SELECT * FROM person_year WHERE person_id IN (SELECT person_id FROM read_csv('ids.csv'))");
    expect(nested.reason).toMatch(/`read_csv`/);
    expect(nested).toMatchObject({ line: 1, column: 69 });
    expect((await refused("SELECT * FROM '/etc/passwd'")).reason).toMatch(/table `\/etc\/passwd` is not allowed: a file or URL cannot be read/);
  });

  it("functions that read the environment or the settings, in any case", async () => {
    expect((await refused("SELECT getenv('HOME')")).reason).toMatch(/function `getenv` is not allowed: it reads the environment/);
    expect((await refused("SELECT GETENV('HOME')")).reason).toMatch(/function `getenv` is not allowed/);
    expect((await refused("SELECT \"GetEnv\"('HOME')")).reason).toMatch(/function `getenv` is not allowed/);
    expect((await refused("SELECT current_setting('memory_limit')")).reason).toMatch(/function `current_setting` is not allowed: it reads the environment or the settings/);
    expect((await refused("SELECT * FROM duckdb_settings()")).reason).toMatch(/table function `duckdb_settings` is not allowed/);
    expect((await refused("SELECT pg_catalog.abs(1)")).reason).toMatch(/function `pg_catalog.abs` is not allowed: write function names without a schema/);
    expect((await refused("SELECT other_db.main.abs(1)")).reason).toMatch(/function `other_db.main.abs` is not allowed/);
    expect((await refused("SELECT main.getenv('HOME')")).reason).toMatch(/function `getenv` is not allowed/);
  });

  it("what changes from one run to the next", async () => {
    expect((await refused("SELECT random()")).reason).toMatch(/function `random` is not allowed: its result changes from one run to the next, and a release must be reproducible/);
    expect((await refused("SELECT uuid()")).reason).toMatch(/`uuid`/);
    expect((await refused("SELECT year(now())")).reason).toMatch(/function `now` is not allowed/);
    expect((await refused("SELECT * FROM person_year WHERE year = year(current_date)")).reason).toMatch(/`current_date` is not allowed: its result changes/);
    expect((await refused("SELECT * FROM person_year USING SAMPLE 10%")).reason).toMatch(/sampling .* is random/);
  });

  it("any other function, by name", async () => {
    expect((await refused("SELECT md5(person_id) FROM person_year")).reason).toMatch(/function `md5` is not allowed: it is not in the list of pure functions/);
    expect((await refused("SELECT sum(x) OVER () FROM (SELECT error('x') AS x)")).reason).toMatch(/function `error` is not allowed: it has side effects/);
  });

  it("an unknown table, and a schema- or catalog-qualified one", async () => {
    const unknown = await refused("SELECT *\nFROM load_batch");
    expect(unknown.reason).toMatch(/table `load_batch` is not allowed: it is not a table of the warehouse nor a CTE of the query; an indicator query reads person_year, health_service/);
    expect(unknown).toMatchObject({ line: 2, column: 6 });
    expect((await refused("SELECT * FROM main.person_year")).reason).toMatch(/table `main.person_year` is not allowed: write the warehouse's table names alone/);
    expect((await refused("SELECT * FROM other_db.person_year")).reason).toMatch(/`other_db.person_year`/);
    expect((await refused("SELECT * FROM other_db.main.person_year")).reason).toMatch(/`other_db.main.person_year`/);
  });

  it("a table that is not allowed inside a CTE, whatever the CTEs are called", async () => {
    expect((await refused("WITH person_year AS (SELECT * FROM load_file) SELECT * FROM person_year")).reason).toMatch(/`load_file`/);
    expect((await refused("WITH a AS (SELECT 1) SELECT * FROM a, (WITH b AS (SELECT * FROM read_json('x')) SELECT * FROM b)")).reason).toMatch(/`read_json`/);
    // A non-recursive CTE does not see itself: DuckDB reads the FILE x.csv there.
    expect((await refused('WITH "x.csv" AS (SELECT * FROM "x.csv") SELECT * FROM "x.csv"')).reason).toMatch(/table `x.csv` is not allowed/);
    // Nor the CTEs written after it.
    expect((await refused("WITH a AS (SELECT * FROM load_batch), load_batch AS (SELECT 1) SELECT * FROM a")).reason).toMatch(/`load_batch`/);
    // A CTE defined in a subquery is not in scope outside it.
    expect((await refused("SELECT * FROM (WITH load_batch AS (SELECT 1) SELECT * FROM load_batch), load_batch")).reason).toMatch(/`load_batch`/);
  });

  it("casts to types that are not built in (their extension would be installed on the fly)", async () => {
    expect((await refused("SELECT nis_code::INET FROM person_year")).reason).toMatch(/type `INET` is not allowed: cast to the built-in types/);
    expect(await check("SELECT CAST(year AS BIGINT), nis_code::TEXT, birth_year::DOUBLE, death_date::TIMESTAMP, [bim]::BOOLEAN[] FROM person_year")).toMatchObject({ ok: true });
  });

  it("parameters and syntax errors, with their position", async () => {
    expect((await refused("SELECT * FROM person_year WHERE year = $1")).reason).toMatch(/parameters/);
    const syntax = await refused("SELECT year\nFROM person_year\nWHERE AND");
    expect(syntax.reason).toMatch(/DuckDB cannot parse the query: syntax error at or near "AND"/);
    expect(syntax).toMatchObject({ line: 3, column: 7 });
  });
});

describe("the allow-lists", () => {
  it("list the warehouse's tables, as contract/warehouse-schema.ts creates them", () => {
    expect([...WAREHOUSE_TABLES].sort()).toEqual(fileKinds.map((k) => k.id).sort());
  });

  it("name only functions DuckDB has, none of them volatile or reading the session", async () => {
    const rows = await db.all<{ function_name: string; function_type: string; stability: string | null }>("SELECT DISTINCT function_name, function_type, stability FROM duckdb_functions()");
    const known = new Map<string, string[]>();
    for (const r of rows) known.set(r.function_name, [...(known.get(r.function_name) ?? []), `${r.function_type}:${r.stability}`]);
    for (const name of [...ALLOWED_FUNCTIONS, ...ALLOWED_TABLE_FUNCTIONS]) {
      const kinds = known.get(name);
      expect(kinds, name).toBeDefined();
      // Macros have no stability; table functions neither.
      for (const k of kinds!) expect(k, name).toMatch(/:CONSISTENT$|^macro:null$|^table:null$/);
    }
    for (const name of ["getenv", "current_setting", "getvariable", "random", "uuid", "now", "today", "read_csv", "glob", "error", "setseed"]) expect(ALLOWED_FUNCTIONS.has(name), name).toBe(false);
  });
});

describe("statements and positions", () => {
  it("splits at semicolons outside strings, quoted names and comments", () => {
    expect(splitStatements("SELECT ';' AS a; -- b;\nSELECT \"x;y\" /* ; */ FROM t;  ")).toEqual(["SELECT ';' AS a", ' -- b;\nSELECT "x;y" /* ; */ FROM t']);
    expect(statementKeywords("  -- note\n copy t TO 'x'; (SELECT 1)")).toEqual(["COPY", "("]);
    expect(queryBody("SELECT 1; -- done\n")).toBe("SELECT 1");
    expect(queryBody("SELECT $$a;b$$")).toBe("SELECT $$a;b$$");
  });

  it("turns DuckDB's byte offsets into lines and columns", () => {
    expect(positionOf("SELECT\n  é, x", 12)).toEqual({ line: 2, column: 5 });
    expect(positionOf("SELECT 1", undefined)).toEqual({});
    expect(positionOf("SELECT 1", 2 ** 64)).toEqual({});
  });
});
