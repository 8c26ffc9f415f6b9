/**
 * The SQL escape hatch: definitions whose figures come from a hand-written `sql` query instead
 * of `population`/`numerator`. The query is checked by the guard (sql-guard.ts: one SELECT,
 * warehouse tables and pure functions only) and its output by `DESCRIBE`, then summed to every
 * area and stratum exactly as the declarative definitions are (compile.ts).
 *
 * The contract of the query: one row per residence unit, year and stratum combination —
 *
 * | column | type | value |
 * |---|---|---|
 * | `year` | an integer type | the year of the figures |
 * | `nis_code` | VARCHAR | the municipality of residence, as in person_year |
 * | `sector_code` | VARCHAR, may be NULL | the statistical sector, as in person_year (NULL where person_year has none) |
 * | `sex` | VARCHAR | `F` or `M` |
 * | `age_band` | VARCHAR | `0-17`, `18-44`, `45-64`, `65-74` or `75+` (age = year − birth year) |
 * | `bim` | BOOLEAN | increased reimbursement; NULL counts as unknown |
 * | `numerator` | a number | what is counted (persons for a proportion, events for a rate) |
 * | `denominator` | an integer type | persons (person-years) |
 *
 * and no other column. Rows of the same combination are added up, so the query may return
 * several. A residence unit must be one of person_year's (nis_code, sector_code) pairs: the
 * areas are those of person_year (areas.ts), and a unit outside them would be dropped
 * silently; the compiled statement stops with an error instead, as it does for a sex or an
 * age band outside the lists, a negative or missing count, or (for a proportion) a numerator
 * above its denominator. Only `proportion` and `crude-rate` can be computed this way (rules.ts).
 */
import { Database } from "../../core/duckdb.ts";
import { warehouseSchema } from "../../contract/warehouse-schema.ts";
import type { DefinitionProblem, DefinitionSource } from "../definition/load.ts";
import { SQL_STATISTICS } from "../definition/rules.ts";
import { statisticOf } from "../statistics/index.ts";
import type { Definition } from "../definition/schema.ts";
import { residenceAreaCtes, type ResidenceAreaOptions } from "./areas.ts";
import { AGE_BANDS } from "./compile.ts";
import { literal } from "./conditions.ts";
import { checkIndicatorSql, queryBody, restrictForIndicatorSql } from "./sql-guard.ts";

export { AGE_BANDS, restrictForIndicatorSql };
export const SEXES = ["F", "M"] as const;

type ColumnKind = "integer" | "number" | "text" | "boolean";
/** The columns an indicator query returns, in the order they are best written. */
export const SQL_OUTPUT_COLUMNS: readonly { name: string; kind: ColumnKind }[] = [
  { name: "year", kind: "integer" },
  { name: "nis_code", kind: "text" },
  { name: "sector_code", kind: "text" },
  { name: "sex", kind: "text" },
  { name: "age_band", kind: "text" },
  { name: "bim", kind: "boolean" },
  { name: "numerator", kind: "number" },
  { name: "denominator", kind: "integer" },
];

const INTEGER_TYPES = new Set(["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"]);
const KIND_OK: Record<ColumnKind, (type: string) => boolean> = {
  integer: (t) => INTEGER_TYPES.has(t),
  number: (t) => INTEGER_TYPES.has(t) || t === "FLOAT" || t === "DOUBLE" || /^DECIMAL\(\d+,\d+\)$/.test(t),
  text: (t) => t === "VARCHAR",
  boolean: (t) => t === "BOOLEAN",
};
const KIND_WORDS: Record<ColumnKind, string> = {
  integer: "an integer (INTEGER, BIGINT, HUGEINT…)",
  number: "a number",
  text: "VARCHAR",
  boolean: "BOOLEAN",
};

/** A problem with a definition's query; line and column are those of the query, when known. */
export interface SqlProblem {
  message: string;
  queryLine?: number;
  queryColumn?: number;
}

export function isSqlDefinition<T extends Pick<Definition, "sql">>(def: T): def is T & { sql: string } {
  return def.sql !== undefined;
}

/** An in-memory database with the warehouse's tables, empty: enough to check queries against. */
export async function openEmptyWarehouse(): Promise<Database> {
  const db = await Database.open(":memory:", { threads: 1, memoryLimit: "256MB" });
  try {
    for (const statement of warehouseSchema()) await db.run(statement);
    await restrictForIndicatorSql(db, { external: false });
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/**
 * Checks one definition's query: the guard first (nothing else is done with a refused query),
 * then its output columns and their types, by `DESCRIBE` (which binds the query without
 * running it) on `db` — the warehouse, or by default an empty one (`openEmptyWarehouse`).
 * An empty list when the query can be computed.
 */
export async function checkSqlDefinition(def: Pick<Definition, "id" | "sql">, db?: Database): Promise<SqlProblem[]> {
  if (def.sql === undefined) return [];
  const own = db ?? (await openEmptyWarehouse());
  try {
    const guard = await checkIndicatorSql(def.sql, { db: own });
    if (!guard.ok) return [{ message: guard.reason, queryLine: guard.line, queryColumn: guard.column }];
    // What is compiled is the query without a final semicolon: it passes the guard too.
    const body = queryBody(def.sql);
    const again = await checkIndicatorSql(body, { db: own });
    if (!again.ok) return [{ message: again.reason }];
    let described: { column_name: string; column_type: string }[];
    try {
      described = await own.all(`DESCRIBE SELECT * FROM (\n${body}\n)`);
    } catch (e) {
      return [duckdbProblem((e as Error).message, body)];
    }
    return outputProblems(described);
  } finally {
    if (!db) own.close();
  }
}

/**
 * DuckDB's binder message, with the line of the query it points at (`LINE n:`, less the
 * wrapper's first line) and the column of its caret when the line is shown whole.
 */
function duckdbProblem(raw: string, body: string): SqlProblem {
  const [head] = raw.split(/\n\s*\nLINE \d+:/);
  const message = (head ?? raw).replace(/\s*\n\s*/g, " ").trim();
  const shown = /\nLINE (\d+): ([^\n]*)\n( *)\^/.exec(raw);
  const queryLine = shown && Number(shown[1]) > 1 ? Number(shown[1]) - 1 : undefined;
  const problem: SqlProblem = { message: `DuckDB cannot run the query: ${message}` };
  if (queryLine === undefined || !shown) return problem;
  const prefix = `LINE ${shown[1]}: `.length;
  const column = shown[3]!.length - prefix + 1;
  const whole = body.split("\n")[queryLine - 1] === shown[2];
  return { ...problem, queryLine, ...(whole && column >= 1 ? { queryColumn: column } : {}) };
}

function outputProblems(described: readonly { column_name: string; column_type: string }[]): SqlProblem[] {
  const problems: SqlProblem[] = [];
  const expected = SQL_OUTPUT_COLUMNS.map((c) => c.name);
  const found = new Map(described.map((c) => [c.column_name.toLowerCase(), c.column_type]));
  const contract = `an indicator query returns exactly the columns ${expected.join(", ")}`;
  for (const c of described) {
    if (!expected.includes(c.column_name.toLowerCase()))
      problems.push({ message: `the query returns a column \`${c.column_name}\` that is not part of the contract: ${contract}; remove it (or rename it)` });
  }
  for (const { name, kind } of SQL_OUTPUT_COLUMNS) {
    const type = found.get(name);
    if (type === undefined) problems.push({ message: `the query returns no column \`${name}\`: ${contract}` });
    else if (!KIND_OK[kind](type)) {
      const hint =
        type === "INTEGER" && kind === "text"
          ? " (a NULL without a type is an INTEGER: write NULL::VARCHAR)"
          : kind === "integer" && type === "DOUBLE"
            ? " (a count of persons is whole: cast it, or round it)"
            : "";
      problems.push({ message: `column \`${name}\` is ${type}, but it must be ${KIND_WORDS[kind]}${hint}` });
    }
  }
  return problems;
}

/** Every query problem of the definitions, as definition problems at the file's `sql` line. */
export async function sqlDefinitionProblems(defs: readonly Definition[], sources: ReadonlyMap<string, DefinitionSource>, db?: Database): Promise<DefinitionProblem[]> {
  const todo = defs.filter(isSqlDefinition);
  if (todo.length === 0) return [];
  const own = db ?? (await openEmptyWarehouse());
  try {
    const out: DefinitionProblem[] = [];
    for (const def of todo) {
      const source = sources.get(def.id);
      for (const p of await checkSqlDefinition(def, own)) {
        const where = source ? source.locateSql(p.queryLine, p.queryColumn) : { line: 1, column: 1 };
        const inQuery = p.queryLine !== undefined ? ` (line ${p.queryLine}${p.queryColumn !== undefined ? `, column ${p.queryColumn}` : ""} of the query)` : "";
        out.push({ file: source?.file ?? def.id, ...where, path: "sql", message: `${p.message}${inQuery}` });
      }
    }
    return out;
  } finally {
    if (!db) own.close();
  }
}

/** A definition's query could not be checked: nothing is computed. */
export class SqlDefinitionError extends Error {
  constructor(readonly problems: readonly { id: string; problem: SqlProblem }[]) {
    super(`hand-written sql of ${[...new Set(problems.map((p) => p.id))].join(", ")} refused:\n${problems.map((p) => `  ${p.id}: ${p.problem.message}`).join("\n")}`);
    this.name = "SqlDefinitionError";
  }
}

/**
 * For the engine: checks every `sql` definition against the warehouse `db` (the guard, then
 * the output columns), then compiles them into one statement. Throws SqlDefinitionError when
 * any query is refused. `sql` is "" when no definition has a query; `computed` lists their ids.
 */
export async function compileCheckedSqlDefinitions(defs: readonly Definition[], db: Database, options: ResidenceAreaOptions = {}): Promise<{ sql: string; computed: string[] }> {
  const todo = defs.filter(isSqlDefinition);
  const problems: { id: string; problem: SqlProblem }[] = [];
  for (const def of todo) for (const problem of await checkSqlDefinition(def, db)) problems.push({ id: def.id, problem });
  if (problems.length > 0) throw new SqlDefinitionError(problems);
  return { sql: compileSqlDefinitions(todo, options), computed: todo.map((d) => d.id) };
}

const STRATUM_COLUMN = { sex: "sex", "age-band": "age_band", bim: "bim" } as const;

/**
 * ONE statement computing every `sql` definition, with the columns of `Row` (statistics.ts):
 * indicator_id, year, level, system_code, area_code, stratum, stratum_value, band (NULL),
 * numerator (DOUBLE), denominator (BIGINT), sum_squares (NULL); cells with an empty
 * denominator are left out. "" when no definition has a query. The queries must have been
 * checked (`checkSqlDefinition`, or `compileCheckedSqlDefinitions` which does both).
 */
export function compileSqlDefinitions(defs: readonly Definition[], options: ResidenceAreaOptions = {}): string {
  const todo = defs.filter(isSqlDefinition);
  if (todo.length === 0) return "";
  const ctes: string[] = [residenceAreaCtes(options)];
  const selects: string[] = [];
  todo.forEach((def, i) => {
    if (!(SQL_STATISTICS as readonly string[]).includes(def.statistic)) {
      throw new Error(`${def.id}: statistic \`${def.statistic}\` cannot be computed from a hand-written query (only ${SQL_STATISTICS.join(", ")})`);
    }
    const q = `sql${i}`;
    const fail = (what: string) => `error(${literal(`indicator ${def.id}: `)} || ${what})`;
    const unit = `u.nis_code || coalesce('/' || u.sector_code, '')`;
    const checks = [
      `WHEN u.year IS NULL THEN ${fail(`'the query returns a row without a year'`)}`,
      `WHEN r.nis_code IS NULL THEN ${fail(`'the query returns the residence unit ' || coalesce(${unit}, 'NULL') || ' in ' || u.year || ', which is not a (nis_code, sector_code) of person_year: its figures would be lost'`)}`,
      `WHEN u.sex IS NULL OR u.sex NOT IN (${SEXES.map(literal).join(", ")}) THEN ${fail(`'sex must be F or M, not ' || coalesce(u.sex, 'NULL')`)}`,
      `WHEN u.age_band IS NULL OR u.age_band NOT IN (${AGE_BANDS.map(literal).join(", ")}) THEN ${fail(`'age_band must be one of ${AGE_BANDS.join(", ")}, not ' || coalesce(u.age_band, 'NULL')`)}`,
      `WHEN u.numerator IS NULL OR u.denominator IS NULL OR u.numerator < 0 OR u.denominator < 0 THEN ${fail(`'numerator and denominator must be counts (not NULL, not negative)'`)}`,
      // A numerator within its denominator (a proportion: its spec's `rest`).
      ...(statisticOf(def.statistic).disclosure.rest
        ? [
            `WHEN u.numerator > u.denominator THEN ${fail(`'the numerator (' || u.numerator || ') is above the denominator (' || u.denominator || ') for ' || ${unit} || ' in ' || u.year || ': a proportion counts persons of the denominator'`)}`,
          ]
        : []),
    ];
    ctes.push(`${q}_query AS (
${queryBody(def.sql)}
), ${q}_unit AS (
  SELECT CAST(year AS INTEGER) AS year, CAST(nis_code AS VARCHAR) AS nis_code, CAST(sector_code AS VARCHAR) AS sector_code,
    CAST(sex AS VARCHAR) AS sex, CAST(age_band AS VARCHAR) AS age_band, CAST(bim AS BOOLEAN) AS bim,
    sum(CAST(numerator AS DOUBLE)) AS numerator, sum(CAST(denominator AS BIGINT)) AS denominator
  FROM ${q}_query GROUP BY ALL
), ${q}_checked AS (
  -- The contract, checked on every row: a query that breaks it stops the computation.
  SELECT u.* FROM ${q}_unit u
  LEFT JOIN residence_unit r ON r.nis_code = u.nis_code AND r.sector_code IS NOT DISTINCT FROM u.sector_code
  WHERE (CASE ${checks.join("\n    ")} END) IS NULL
)`);
    const strata = def.strata.map((s) => STRATUM_COLUMN[s]);
    const key = "year, level, system_code, area_code";
    const sets = [`(${key})`, ...strata.map((c) => `(${key}, ${c})`)];
    const all = (1 << strata.length) - 1;
    // GROUPING(a, b, c) sets a column's bit (the first is the highest) when it is NOT grouped.
    const alone = (c: string) => all - (1 << (strata.length - 1 - strata.indexOf(c as never)));
    const valueOf: Record<string, string> = { sex: "sex", age_band: "age_band", bim: "CASE WHEN bim THEN 'bim' WHEN NOT bim THEN 'non-bim' ELSE 'unknown' END" };
    const nameOf: Record<string, string> = { sex: "sex", age_band: "age-band", bim: "bim" };
    const grouping = strata.length > 0 ? `GROUPING(${strata.join(", ")})` : "0";
    const stratum = `CASE ${grouping} WHEN ${all} THEN 'total' ${strata.map((c) => `WHEN ${alone(c)} THEN ${literal(nameOf[c]!)}`).join(" ")} END`;
    const stratumValue = `CASE ${grouping} WHEN ${all} THEN 'all' ${strata.map((c) => `WHEN ${alone(c)} THEN ${valueOf[c]}`).join(" ")} END`;
    ctes.push(`${q}_cell AS (
  SELECT year, level, system_code, area_code, ${stratum} AS stratum,
    ${stratumValue} AS stratum_value,
    sum(numerator) AS numerator, sum(denominator) AS denominator
  FROM ${q}_checked u JOIN residence_area a ON a.nis_code = u.nis_code AND a.sector_code IS NOT DISTINCT FROM u.sector_code
  GROUP BY GROUPING SETS (${sets.join(", ")})
)`);
    selects.push(`SELECT ${literal(def.id)} AS indicator_id, year, level, system_code, area_code, stratum, stratum_value, NULL::INTEGER AS band,
  CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS BIGINT) AS denominator, NULL::DOUBLE AS sum_squares
FROM ${q}_cell WHERE denominator > 0`);
  });
  return `WITH ${ctes.join(",\n")}
${selects.join("\nUNION ALL\n")}
-- A cell with nobody in the denominator has no value: it is left out rather than kept as 0/0.
ORDER BY indicator_id, year, level, system_code NULLS FIRST, area_code, stratum, stratum_value`;
}
