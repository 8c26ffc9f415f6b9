/**
 * The guard of the SQL escape hatch: a definition's hand-written `sql` runs inside the
 * indicator engine, on the warehouse, so it may only READ the warehouse's tables, with pure
 * functions, in one SELECT. The check is made on DuckDB's OWN parse tree
 * (`json_serialize_sql`), never on the text with regular expressions: a comment, a quoted
 * identifier or an odd spacing cannot hide anything from the parser that will run the query.
 *
 * Everything is refused unless allowed:
 * - one statement, a SELECT (`json_serialize_sql` serialises nothing else: COPY, ATTACH,
 *   INSTALL, LOAD, SET, PRAGMA, CREATE, INSERT, EXPORT, CALL, EXPLAIN and SELECT … INTO are
 *   refused, and named in the message);
 * - base tables: the warehouse tables of `WAREHOUSE_TABLES`, or a CTE of the query in scope at
 *   that point (a CTE sees the CTEs written before it in its WITH, itself only in a recursive
 *   CTE: `WITH "x.csv" AS (SELECT * FROM "x.csv")` would read the FILE x.csv), with no schema
 *   or catalog (`other_db.t`), no time travel (`AT (…)`) and no sampling (random);
 * - table functions: `range`, `generate_series`, `unnest`;
 * - functions (scalar, aggregate, window, operators such as `+` or `~~` for LIKE):
 *   `ALLOWED_FUNCTIONS`, pure and deterministic ones only, never schema-qualified;
 * - expressions: the kinds listed in `EXPRESSION_CLASSES`; no `$1` parameters; no
 *   `current_date` & co., which parse as column names but read the clock; casts to built-in
 *   types only (a type such as INET would install its extension from the network).
 * The tree is walked generically (every nested object and array), so that subqueries, CTEs,
 * joins, window specifications, FILTER clauses and lambdas are all covered.
 */
import { Database } from "../../core/duckdb.ts";

/** The warehouse tables an indicator query may read (contract/warehouse-schema.ts: one per file kind). */
export const WAREHOUSE_TABLES = [
  "person_year",
  "health_service",
  "pharmacy_delivery",
  "hospital_stay",
  "statbel_population",
  "statbel_income",
  "zone_prem",
  "zone_workforce",
  "zone_supply",
  "geo_municipality",
  "geo_sector",
  "geo_zone_system",
  "geo_zone",
  "geo_zone_member",
] as const;

export const ALLOWED_TABLE_FUNCTIONS = ["range", "generate_series", "unnest"] as const;

/**
 * Pure, deterministic functions, by DuckDB's name (lower case). Operators are functions in the
 * parse tree: `+`, `||`, `~~` (LIKE), `!~~` (NOT LIKE), `~~*` (ILIKE), `~~~` (GLOB), `^@`
 * (starts with); EXTRACT is `date_part`, SIMILAR TO `regexp_full_match`, `[…]` `list_value`,
 * `{…}` `struct_pack`, `INTERVAL 1 DAY` `to_days`, `count(*)` `count_star`. CASE, CAST,
 * comparisons, AND/OR/NOT, IN, IS NULL, BETWEEN, COALESCE and GROUPING are not functions.
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  // operators
  "+",
  "-",
  "*",
  "/",
  "//",
  "%",
  "^",
  "**",
  "@",
  "&",
  "|",
  "<<",
  ">>",
  "~",
  "||",
  "~~",
  "!~~",
  "~~*",
  "!~~*",
  "~~~",
  "^@",
  // arithmetic
  "abs",
  "round",
  "round_even",
  "floor",
  "ceil",
  "ceiling",
  "trunc",
  "ln",
  "log",
  "log10",
  "log2",
  "exp",
  "sqrt",
  "cbrt",
  "power",
  "pow",
  "sign",
  "greatest",
  "least",
  "nullif",
  "isnan",
  "isinf",
  "isfinite",
  "even",
  "gcd",
  "lcm",
  "mod",
  "fmod",
  "divide",
  // aggregates
  "count",
  "count_star",
  "sum",
  "min",
  "max",
  "avg",
  "mean",
  "median",
  "quantile_cont",
  "quantile_disc",
  "quantile",
  "stddev",
  "stddev_samp",
  "stddev_pop",
  "variance",
  "var_samp",
  "var_pop",
  "count_if",
  "countif",
  "bool_or",
  "bool_and",
  "any_value",
  "arg_min",
  "arg_max",
  "argmin",
  "argmax",
  "min_by",
  "max_by",
  "list",
  "array_agg",
  "string_agg",
  "group_concat",
  "listagg",
  "product",
  "fsum",
  "bit_or",
  "bit_and",
  // windows
  "row_number",
  "rank",
  "dense_rank",
  "percent_rank",
  "cume_dist",
  "ntile",
  "lag",
  "lead",
  "first_value",
  "last_value",
  "nth_value",
  // dates
  "year",
  "month",
  "day",
  "quarter",
  "week",
  "weekofyear",
  "weekday",
  "dayofweek",
  "dayofmonth",
  "dayofyear",
  "isodow",
  "isoyear",
  "yearweek",
  "date_diff",
  "datediff",
  "date_sub",
  "datesub",
  "date_add",
  "date_trunc",
  "datetrunc",
  "date_part",
  "datepart",
  "make_date",
  "age",
  "last_day",
  "to_days",
  "to_months",
  "to_years",
  "to_weeks",
  "strftime",
  "strptime",
  "try_strptime",
  "monthname",
  "dayname",
  // text
  "starts_with",
  "prefix",
  "suffix",
  "ends_with",
  "substr",
  "substring",
  "lower",
  "upper",
  "lcase",
  "ucase",
  "length",
  "len",
  "strlen",
  "concat",
  "concat_ws",
  "regexp_matches",
  "regexp_full_match",
  "regexp_replace",
  "regexp_extract",
  "contains",
  "like_escape",
  "ilike_escape",
  "not_like_escape",
  "not_ilike_escape",
  "replace",
  "trim",
  "ltrim",
  "rtrim",
  "lpad",
  "rpad",
  "left",
  "right",
  "split_part",
  "string_split",
  "str_split",
  "position",
  "strpos",
  "instr",
  "format",
  "printf",
  // lists and structs
  "list_value",
  "list_extract",
  "list_element",
  "array_extract",
  "list_contains",
  "list_has",
  "array_contains",
  "array_has",
  "list_has_any",
  "list_has_all",
  "array_length",
  "list_sum",
  "list_min",
  "list_max",
  "list_avg",
  "list_count",
  "list_transform",
  "list_apply",
  "array_transform",
  "list_filter",
  "array_filter",
  "list_distinct",
  "list_unique",
  "list_sort",
  "array_sort",
  "list_reverse_sort",
  "list_concat",
  "array_concat",
  "list_cat",
  "list_slice",
  "array_slice",
  "list_position",
  "list_indexof",
  "array_position",
  "list_reduce",
  "cardinality",
  "flatten",
  "struct_pack",
  "struct_extract",
  "unnest",
  "range",
  "generate_series",
]);

/** Names that parse as columns but are functions of the clock or the session. */
const SQL_VALUE_FUNCTIONS = new Set([
  "current_date",
  "current_time",
  "current_timestamp",
  "localtime",
  "localtimestamp",
  "current_catalog",
  "current_schema",
  "current_role",
  "current_user",
  "session_user",
  "user",
]);

/** Why a well-known function is refused, for a clearer message than "not allowed". */
const REFUSED_BECAUSE: [RegExp, string][] = [
  [/^(read_|parquet_|sniff_csv|glob$|query$|query_table$|iceberg_|delta_|http|s3|json_execute|from_csv|from_json)/, "it reads files, URLs or other databases"],
  [
    /^(getenv|current_setting|getvariable|pragma_|duckdb_|which_secret|version$|current_database|current_schemas?|current_query|in_search_path|enable_|disable_)/,
    "it reads the environment or the settings of the database",
  ],
  [
    /^(random|setseed|uuid|gen_random_uuid|uuidv4|uuidv7|now|today|current_date|current_time|current_timestamp|current_localtime|current_localtimestamp|get_current_time|get_current_timestamp|transaction_timestamp|localtime|localtimestamp)$/,
    "its result changes from one run to the next, and a release must be reproducible",
  ],
  [/^(error|sleep|sleep_ms|write_log|checkpoint|force_checkpoint|nextval|currval)$/, "it has side effects"],
];

export interface SqlGuardOptions {
  /** More tables to allow besides the warehouse's (for tests). */
  extraTables?: readonly string[];
  /** A database to parse with; by default an in-memory one is opened and closed. */
  db?: Database;
}

export type SqlCheck = { ok: true; tables: string[]; functions: string[] } | { ok: false; reason: string; line?: number; column?: number };

/** Checks a query against the rules above; never runs it. */
export async function checkIndicatorSql(sql: string, options: SqlGuardOptions = {}): Promise<SqlCheck> {
  const db = options.db ?? (await openScratchDatabase());
  try {
    const [row] = await db.all<{ j: string }>("SELECT json_serialize_sql($1::VARCHAR) AS j", [sql]);
    const tree = JSON.parse(row?.j ?? "null") as Json;
    return checkTree(sql, tree, options.extraTables ?? []);
  } finally {
    if (!options.db) db.close();
  }
}

/**
 * Settings for a database that checks or runs indicator queries, besides the guard: no
 * extension is installed or loaded on the fly (a query naming one would download it), and, with
 * `external: false`, no file other than the database itself can be opened. Settings of the
 * connection: a later SET can only make them stricter once external access is off.
 */
export async function restrictForIndicatorSql(db: Database, options: { external?: boolean } = {}): Promise<void> {
  await db.run("SET autoinstall_known_extensions = false");
  await db.run("SET autoload_known_extensions = false");
  if (options.external === false) await db.run("SET enable_external_access = false");
}

/** An in-memory database for checks, restricted as above. */
export async function openScratchDatabase(): Promise<Database> {
  const db = await Database.open(":memory:", { threads: 1, memoryLimit: "256MB" });
  try {
    await restrictForIndicatorSql(db, { external: false });
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

class Refusal extends Error {
  constructor(
    message: string,
    readonly location?: number,
  ) {
    super(message);
  }
}

const isObj = (v: Json | undefined): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string => (typeof v === "string" ? v : "");
const code = (name: string) => `\`${name}\``;
const listed = (names: readonly string[]) => names.join(", ");

function checkTree(sql: string, tree: Json, extraTables: readonly string[]): SqlCheck {
  if (!isObj(tree)) return { ok: false, reason: "DuckDB could not read the query" };
  if (tree.error === true) return parserRefusal(sql, tree);
  const statements = Array.isArray(tree.statements) ? tree.statements : [];
  if (statements.length === 0) return { ok: false, reason: "the query is empty: write one SELECT statement" };
  if (statements.length > 1) {
    return { ok: false, reason: `only one SELECT statement is allowed; found ${statements.length} statements (${describeStatements(sql)})` };
  }
  const walker = new Walker(new Set([...WAREHOUSE_TABLES, ...extraTables.map((t) => t.toLowerCase())]));
  try {
    walker.visit(statements[0]!, new Set());
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { ok: false, reason: e.message, ...positionOf(sql, e.location) };
  }
  return { ok: true, tables: [...walker.tables].sort(), functions: [...walker.functions].sort() };
}

function parserRefusal(sql: string, tree: Obj): SqlCheck {
  const message = str(tree.error_message);
  if (/only select statements/i.test(message)) {
    const kinds = statementKeywords(sql);
    if (kinds.length > 1) return { ok: false, reason: `only one SELECT statement is allowed; found ${kinds.length} statements (${kinds.join(", ")})` };
    const kind = kinds[0] ?? "";
    const selectLike = ["SELECT", "WITH", "FROM", "VALUES", "("].includes(kind);
    return {
      ok: false,
      reason: selectLike
        ? "only one plain SELECT statement is allowed; found a SELECT that DuckDB cannot check (PIVOT or UNPIVOT statements are not supported: use the PIVOT/UNPIVOT clause of a SELECT, or GROUP BY)"
        : `only one SELECT statement is allowed; found ${kind ? `${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind} statement` : "another kind of statement"}`,
    };
  }
  if (/select into/i.test(message)) return { ok: false, reason: "only one SELECT statement is allowed; found SELECT … INTO, which would write a table" };
  const position = tree.position !== undefined ? Number(tree.position) : undefined;
  return { ok: false, reason: `DuckDB cannot parse the query: ${message || "syntax error"}`, ...positionOf(sql, position) };
}

function describeStatements(sql: string): string {
  return statementKeywords(sql).join(", ") || "several";
}

/** Byte offset (DuckDB counts in UTF-8 bytes) → 1-based line and column; nothing when unknown. */
export function positionOf(sql: string, offset: number | undefined): { line?: number; column?: number } {
  if (offset === undefined || !Number.isFinite(offset) || offset < 0 || offset > Number.MAX_SAFE_INTEGER) return {};
  const bytes = Buffer.from(sql, "utf8");
  if (offset > bytes.length) return {};
  const before = bytes.subarray(0, offset).toString("utf8");
  const lines = before.split("\n");
  return { line: lines.length, column: [...lines.at(-1)!].length + 1 };
}

const QUERY_NODES = new Set(["SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE"]);
const TABLE_REFS = new Set(["BASE_TABLE", "JOIN", "SUBQUERY", "TABLE_FUNCTION", "EMPTY", "EXPRESSION_LIST", "PIVOT"]);
/** Expression kinds (`class`) that cannot reach outside the query by themselves. */
const EXPRESSION_CLASSES = new Set([
  "FUNCTION",
  "WINDOW",
  "AGGREGATE",
  "OPERATOR",
  "COMPARISON",
  "CONJUNCTION",
  "CONSTANT",
  "COLUMN_REF",
  "CAST",
  "CASE",
  "BETWEEN",
  "SUBQUERY",
  "STAR",
  "LAMBDA",
  "LAMBDA_REF",
  "COLLATE",
  "POSITIONAL_REFERENCE",
  "DEFAULT",
]);

class Walker {
  readonly tables = new Set<string>();
  readonly functions = new Set<string>();
  constructor(private readonly allowedTables: ReadonlySet<string>) {}

  /** @param near the location of the nearest node above with one, for nodes without their own */
  visit(value: Json, ctes: ReadonlySet<string>, near?: number): void {
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, ctes, near);
      return;
    }
    if (!isObj(value)) return;
    const own = value.query_location;
    // DuckDB writes 2^64 − 1 for "no location".
    const location = typeof own === "number" && own >= 0 && own <= Number.MAX_SAFE_INTEGER ? own : near;
    if (value.sample !== undefined && value.sample !== null) throw new Refusal("sampling (USING SAMPLE, TABLESAMPLE) is random, and a release must be reproducible: use the whole table", location);
    const type = str(value.type);
    // A type DuckDB resolves only when binding may come from an extension, installed from the network on first use.
    if (type === "UNBOUND_TYPE_INFO" || type === "USER_TYPE_INFO") {
      const name = str(value.name) || str(value.user_type_name) || "?";
      throw new Refusal(`type ${code(name)} is not allowed: cast to the built-in types (INTEGER, BIGINT, DOUBLE, DECIMAL, VARCHAR, DATE, BOOLEAN, lists and structs)`, location);
    }
    if (typeof value.class === "string") return this.expression(value, ctes, location);
    if (type.endsWith("_NODE")) return this.queryNode(value, type, ctes, location);
    if (TABLE_REFS.has(type) || type.endsWith("_REF") || "table_name" in value) return this.tableRef(value, type, ctes, location);
    this.children(value, ctes, location);
  }

  private children(value: Obj, ctes: ReadonlySet<string>, near: number | undefined, skip: readonly string[] = []): void {
    for (const [key, child] of Object.entries(value)) if (!skip.includes(key)) this.visit(child, ctes, near);
  }

  private queryNode(node: Obj, type: string, outer: ReadonlySet<string>, location: number | undefined): void {
    if (!QUERY_NODES.has(type)) throw new Refusal(`this kind of query (${type.toLowerCase().replace(/_node$/, "")}) is not allowed in an indicator query`, location);
    const entries = isObj(node.cte_map) && Array.isArray(node.cte_map.map) ? node.cte_map.map : [];
    const scope = new Set(outer);
    for (const entry of entries) {
      if (!isObj(entry)) continue;
      const name = str(entry.key).toLowerCase();
      const body = isObj(entry.value) ? entry.value : {};
      // A CTE sees the CTEs written before it; itself only when recursive (else the name is the table or FILE of that name).
      const query = isObj(body.query) ? body.query : {};
      const recursive = isObj(query.node) && str(query.node.type) === "RECURSIVE_CTE_NODE";
      this.visit(body, recursive ? new Set([...scope, name]) : scope, location);
      scope.add(name);
    }
    this.children(node, scope, location, ["cte_map"]);
  }

  private tableRef(ref: Obj, type: string, ctes: ReadonlySet<string>, location: number | undefined): void {
    if (ref.at_clause !== undefined && ref.at_clause !== null) throw new Refusal("time travel (`AT (…)`) is not allowed: read the tables as loaded", location);
    switch (type) {
      case "BASE_TABLE": {
        const name = str(ref.table_name);
        const lower = name.toLowerCase();
        const qualifier = [str(ref.catalog_name), str(ref.schema_name)].filter(Boolean).join(".");
        if (qualifier) throw new Refusal(`table ${code(`${qualifier}.${name}`)} is not allowed: write the warehouse's table names alone, without a database or schema (${code(name)})`, location);
        if (ctes.has(lower)) return;
        if (!this.allowedTables.has(lower)) {
          const why = /[./\\]|:/.test(name) ? "a file or URL cannot be read" : "it is not a table of the warehouse nor a CTE of the query";
          throw new Refusal(`table ${code(name)} is not allowed: ${why}; an indicator query reads ${listed([...this.allowedTables])}`, location);
        }
        this.tables.add(lower);
        return;
      }
      case "TABLE_FUNCTION": {
        const fn = isObj(ref.function) ? ref.function : {};
        const name = str(fn.function_name).toLowerCase();
        const fnLocation = typeof fn.query_location === "number" ? fn.query_location : location;
        const qualifier = functionQualifier(fn);
        if (qualifier) throw new Refusal(`table function ${code(`${qualifier}.${name}`)} is not allowed: write function names without a schema`, fnLocation);
        if (!(ALLOWED_TABLE_FUNCTIONS as readonly string[]).includes(name)) {
          const why = whyRefused(name);
          throw new Refusal(
            `table function ${code(name)} is not allowed${why ? `: ${why}` : ""}; in FROM, an indicator query may use only ${listed(ALLOWED_TABLE_FUNCTIONS)} besides the warehouse's tables`,
            fnLocation,
          );
        }
        this.functions.add(name);
        this.visit(fn.children ?? null, ctes, fnLocation);
        this.children(ref, ctes, location, ["function"]);
        return;
      }
      case "SHOW_REF":
        throw new Refusal("DESCRIBE, SHOW and SUMMARIZE are not allowed: write a SELECT", location);
      default:
        if (!TABLE_REFS.has(type)) throw new Refusal(`this kind of table reference (${type.toLowerCase()}) is not allowed in an indicator query`, location);
        this.children(ref, ctes, location);
    }
  }

  private expression(e: Obj, ctes: ReadonlySet<string>, location: number | undefined): void {
    const cls = str(e.class);
    if (cls === "PARAMETER") throw new Refusal("parameters ($1, ?) are not allowed: write the values in the query", location);
    if (!EXPRESSION_CLASSES.has(cls)) throw new Refusal(`this kind of expression (${cls.toLowerCase()}) is not allowed in an indicator query`, location);
    if (cls === "COLUMN_REF") {
      const names = Array.isArray(e.column_names) ? e.column_names.map(str) : [];
      const only = names.length === 1 ? names[0]!.toLowerCase() : "";
      if (SQL_VALUE_FUNCTIONS.has(only)) throw new Refusal(`${code(only)} is not allowed: ${whyRefused(only) ?? "it reads the session"}`, location);
    }
    if (typeof e.function_name === "string") {
      const name = e.function_name.toLowerCase();
      const qualifier = functionQualifier(e);
      if (qualifier) throw new Refusal(`function ${code(`${qualifier}.${name}`)} is not allowed: write function names without a schema`, location);
      if (!ALLOWED_FUNCTIONS.has(name)) {
        const why = whyRefused(name) ?? "it is not in the list of pure functions an indicator query may use (ALLOWED_FUNCTIONS in indicators/compute/sql-guard.ts)";
        throw new Refusal(`function ${code(name)} is not allowed: ${why}`, location);
      }
      this.functions.add(name);
    }
    this.children(e, ctes, location);
  }
}

/**
 * The catalog and schema a function is called from, when it is not the built-in one: DuckDB's
 * parser itself writes `main` for the functions behind `[…]`, `{…}` and MAP.
 */
function functionQualifier(fn: Obj): string {
  const catalog = str(fn.catalog);
  const schema = str(fn.schema);
  if (catalog === "" && (schema === "" || schema === "main")) return "";
  return [catalog, schema].filter(Boolean).join(".");
}

function whyRefused(name: string): string | undefined {
  return REFUSED_BECAUSE.find(([pattern]) => pattern.test(name))?.[1];
}

/**
 * The statements of a text, split at the semicolons outside strings, quoted names, comments
 * and dollar-quoted strings; empty ones (blanks and comments only) are left out. For messages
 * and to drop a final semicolon: what is allowed is decided by DuckDB's parser, not by this.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let meaningful = false;
  let i = 0;
  const push = (end: number) => {
    if (meaningful) out.push(sql.slice(start, end));
    start = end + 1;
    meaningful = false;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") (depth++, (i += 2));
        else if (sql[i] === "*" && sql[i + 1] === "/") (depth--, (i += 2));
        else i++;
      }
    } else if (c === "'" || c === '"') {
      meaningful = true;
      const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/\w/.test(sql[i - 2] ?? "");
      i++;
      while (i < sql.length) {
        if (escapes && sql[i] === "\\") i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
    } else if (c === "$" && /^\$([A-Za-z_]\w*)?\$/.test(sql.slice(i)) && !/\w/.test(sql[i - 1] ?? "")) {
      meaningful = true;
      const tag = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? sql.length : end + tag.length;
    } else if (c === ";") {
      push(i);
      i++;
    } else {
      if (!/\s/.test(c)) meaningful = true;
      i++;
    }
  }
  push(sql.length);
  return out;
}

/** The first keyword of each statement, upper case (`(` for a parenthesised query). */
export function statementKeywords(sql: string): string[] {
  return splitStatements(sql).map((s) => {
    const m = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(\(|[A-Za-z_]+)/.exec(s);
    return (m?.[1] ?? "?").toUpperCase();
  });
}

/**
 * The query without a final semicolon (and what follows it: blanks, comments), to be put
 * inside parentheses. A text of several statements is returned as is: the guard refuses it.
 */
export function queryBody(sql: string): string {
  const statements = splitStatements(sql);
  return statements.length === 1 ? statements[0]!.trim() : sql.trim();
}
