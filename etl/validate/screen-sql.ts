// The fast screen: one DuckDB query that reads a whole CSV or Parquet file with the load's own reader and
// counts the values that any check of the row-by-row checker (row-checker.ts) could refuse.
// It never says why: a file with a flagged value, or one DuckDB cannot read, is checked again
// row by row, and the messages (file, line, column, value, rule) come from there. So the
// screen only has to be at least as strict as the row checker, and a clean file, the usual
// case, is read at DuckDB's speed. Pure: it writes SQL, it runs nothing.
import { nationalRegisterNumberSql, type ColumnSpec, type FileKind } from "../../contract/index.ts";
import { ident, literal } from "../../core/duckdb.ts";
import type { CsvDialect } from "./csv-reader.ts";
import type { HeaderMapping } from "./header.ts";

/** Reference tables the screen joins (screen-file.ts fills them from the geography). */
export const SCREEN_REFERENCE_TABLES = {
  /** One column `code`: municipality, sector, zone and zone-system codes of the vintage. */
  set: (name: string) => `screen_ref_${name}`,
  /** `code` (sector) → `municipality`. */
  sectorMunicipality: "screen_ref_sector_municipality",
  /** `code`: municipalities a zone system splits by sector. */
  split: "screen_ref_split",
} as const;

export interface ScreenInput {
  kind: FileKind;
  /** The header's columns as the file writes them (one field per column, in order). */
  header: string[];
  mapping: HeaderMapping;
  dialect: CsvDialect;
  today: Date;
  /** What to read instead of the CSV reader (`parquetScreenReader`): fields `c0`, `c1`… as text, the file bound as `$1`. */
  from?: string;
}

/** Why a kind of file is always checked row by row, or null when the screen can stand for it. */
export function unscreenable(kind: FileKind): string | null {
  if (kind.group === "geography") return "geography files are kept in memory for the other checks";
  if (kind.keyCheck === "memory") return "its duplicate keys are looked for in memory, row by row";
  if (kind.rowRules?.some((r) => r.sql === undefined)) return "a row rule has no SQL twin";
  for (const [column, reference] of Object.entries(kind.references ?? {})) {
    const spec = kind.columns.find((c) => c.name === column);
    // A parsed number would be compared as its JavaScript text ("01" → "1"): left to the row checker.
    if (!spec || (spec.type.kind !== "code" && spec.type.kind !== "enum")) return `reference column ${column} (${reference}) is not a code`;
  }
  for (const spec of kind.columns) if (spec.type.kind === "code" && /[^iu]/.test(spec.type.pattern.flags)) return `the pattern of ${spec.name} has flags RE2 does not share`;
  return null;
}

/** The raw field the screen reads for a header column: `c0`, `c1`… (see csvReader). */
export const screenField = (at: number): string => `c${at}`;
const field = screenField;

/** One condition of the screen and the fields (by header position) it reads. */
export interface ScreenCheck {
  fields: number[];
  condition: string;
}

/** What the screen reads the file with, and the conditions that flag a row of it. */
export interface ScreenParts {
  /** `FROM` this: the file bound as `$1`, every field a VARCHAR `c0`, `c1`… (alias `t`). */
  from: string;
  /** A row is flagged when any of these holds: each a condition the row checker could refuse, with the fields it reads. */
  checks: ScreenCheck[];
}

/** The screen's reader and conditions, which distinctScreenSql turns into one query (screen-file.ts, insert-file.ts). */
export function screenParts(input: ScreenInput): ScreenParts | null {
  const { kind, header, mapping, dialect, today } = input;
  if (unscreenable(kind) !== null) return null;
  const checks: ScreenCheck[] = [];
  const check = (fields: number[], ...conditions: string[]) => {
    for (const condition of conditions) checks.push({ fields, condition });
  };
  const covered = new Set<number>();
  const value = new Map<string, string>();
  const fieldOf = (column: string): number[] => {
    const at = mapping.index.get(column);
    return at === undefined ? [] : [at];
  };

  for (const spec of kind.columns) {
    const at = mapping.index.get(spec.name);
    if (at === undefined) {
      value.set(spec.name, "NULL");
      continue;
    }
    const x = field(at);
    check([at], ...valueConditions(spec, x, today));
    value.set(spec.name, parsedValue(spec, x));
    if (spec.type.kind !== "text") covered.add(at);
    const reference = kind.references?.[spec.name];
    if (reference) check([at], `${x} IS NOT NULL AND ${x} NOT IN (SELECT code FROM ${SCREEN_REFERENCE_TABLES.set(reference)})`);
  }

  if (kind.references?.nis_code === "municipality" && kind.columns.some((c) => c.name === "sector_code")) {
    const nis = value.get("nis_code") as string;
    const sector = value.get("sector_code") as string;
    const pair = [...fieldOf("nis_code"), ...fieldOf("sector_code")];
    check(pair, `${sector} IS NULL AND ${nis} IN (SELECT code FROM ${SCREEN_REFERENCE_TABLES.split})`);
    // The pair (sector, municipality) looked up as one key, not by a join: DuckDB may build the
    // hash table of a LEFT JOIN on the file's side (its size unknown to the planner), and at
    // national scale (69 M person-years) the screen then ran out of memory.
    if (sector !== "NULL")
      check(pair, `${sector} IS NOT NULL AND ${sector} || '|' || coalesce(${nis}, '') NOT IN (SELECT code || '|' || municipality FROM ${SCREEN_REFERENCE_TABLES.sectorMunicipality})`);
  }
  for (const rule of kind.rowRules ?? []) {
    const read: number[] = [];
    const valueOf = (column: string) => {
      const v = value.get(column);
      if (v === undefined) throw new Error(`${kind.id}: a row rule reads ${column}, which is not one of its columns`);
      read.push(...fieldOf(column));
      return v;
    };
    const condition = (rule.sql as NonNullable<typeof rule.sql>)(valueOf);
    check(read, condition);
  }

  header.forEach((_, i) => {
    const x = field(i);
    check([i], nationalRegisterNumberSql(x));
    // The row checker refuses a line holding U+FFFD (bytes that were not UTF-8); DuckDB refuses
    // such bytes itself, but a real U+FFFD in a free-text or ignored column would pass.
    if (!covered.has(i)) check([i], `strpos(${x}, '\uFFFD') > 0`);
  });

  const normalised = checks.map((c) => ({ fields: [...new Set(c.fields)].sort((a, b) => a - b), condition: `COALESCE(${c.condition}, false)` }));
  return { from: `${input.from ?? csvReader(header.length, dialect)} t`, checks: normalised };
}

/**
 * The screen of a whole file as one query over its distinct values: every check reads one
 * field or a few, and most fields repeat (dates, codes, amounts, a person's id on each of their
 * rows), so each condition is evaluated once per distinct value of the fields it reads rather
 * than once per row. One scan of the file feeds every grouping set. A row is flagged exactly
 * when one of its values (or tuples) is: the same verdict as the checks evaluated row by row.
 * Answers one row: `rows` (the file's rows) and `flagged` (flagged values, 0 for a clean file).
 */
export function distinctScreenSql(parts: ScreenParts): string {
  const bySet = new Map<string, { fields: number[]; conditions: string[] }>();
  for (const c of parts.checks) {
    const key = c.fields.join(",");
    const set = bySet.get(key) ?? { fields: c.fields, conditions: [] };
    set.conditions.push(c.condition);
    bySet.set(key, set);
  }
  // A check that reads no field (a constant) is evaluated once, on the empty grouping set.
  const read = [...new Set(parts.checks.flatMap((c) => c.fields))].sort((a, b) => a - b);
  if (read.length === 0) {
    const flagged = parts.checks.map((c) => c.condition).join(" OR ") || "false";
    return `SELECT count(*)::BIGINT AS "rows", (count(*) FILTER (WHERE ${flagged}))::BIGINT AS flagged FROM ${parts.from}`;
  }
  const columns = read.map(field);
  // GROUPING(…) has a bit per column, the first column's the highest, set when the column is not grouped.
  const maskOf = (fields: number[]) => read.reduce((mask, f, i) => (fields.includes(f) ? mask : mask + 2 ** (read.length - 1 - i)), 0);
  const sets = [...bySet.values()];
  const whole = maskOf([]);
  const flaggedValue = sets.map((s) => `(g = ${maskOf(s.fields)} AND (${s.conditions.join(" OR ")}))`).join("\n    OR ");
  const groupingSets = [...sets.filter((s) => s.fields.length > 0).map((s) => `(${s.fields.map(field).join(", ")})`), "()"].join(", ");
  return `SELECT coalesce(sum(n) FILTER (WHERE g = ${whole}), 0)::BIGINT AS "rows", (count(*) FILTER (WHERE ${flaggedValue}))::BIGINT AS flagged
FROM (SELECT ${columns.join(", ")}, GROUPING(${columns.join(", ")}) AS g, count(*) AS n FROM ${parts.from} GROUP BY GROUPING SETS (${groupingSets}))`;
}

/**
 * The file as DuckDB's CSV reader sees it, every field as text (NULL when empty), with the
 * dialect the header showed. Strict: a ragged row, an unterminated quote or bytes that are
 * not UTF-8 are errors, never guesses.
 */
export function csvReader(width: number, dialect: CsvDialect): string {
  const columns = Array.from({ length: width }, (_, i) => `'${field(i)}': 'VARCHAR'`).join(", ");
  return `read_csv($1, header=true, auto_detect=false, delim=${literal(dialect.delimiter)}, quote='"', escape='"', strict_mode=true, null_padding=false, columns={${columns}})`;
}

/**
 * A Parquet file as the screen reads it: each column as the text the row checker reads
 * (parquet-reader.ts), NULL when empty, as DuckDB's CSV reader gives an empty field.
 */
export function parquetScreenReader(schema: readonly { name: string; type: string }[]): string {
  return `(SELECT ${schema.map((c, i) => `NULLIF(${asText(ident(c.name), c.type)}, '') AS ${field(i)}`).join(", ")} FROM read_parquet($1))`;
}

/** A Parquet column as the text the same data saved as CSV would hold: what the row checks read. */
export function asText(column: string, type: string): string {
  if (type === "BOOLEAN") return `CASE WHEN ${column} THEN '1' WHEN NOT ${column} THEN '0' END`;
  if (type === "DATE") return `strftime(${column}, '%Y-%m-%d')`;
  return `CAST(${column} AS VARCHAR)`;
}

/** The row checker's parse of a valid value, as rules read it (value-check.ts). */
function parsedValue(spec: ColumnSpec, x: string): string {
  switch (spec.type.kind) {
    case "int":
    case "decimal":
      return `TRY_CAST(${x} AS DOUBLE)`;
    case "flag":
      return `(${x} = '1')`;
    default:
      return x;
  }
}

/** Conditions under which value-check.ts refuses the text `x` (NULL for an empty field). */
export function valueConditions(spec: ColumnSpec, x: string, today: Date): string[] {
  const t = spec.type;
  const out: string[] = spec.required ? [`${x} IS NULL`] : [];
  const outside = (v: string, min: number | undefined, max: number | undefined) =>
    [min !== undefined ? `TRY_CAST(${v} AS DOUBLE) < ${min}` : null, max !== undefined ? `TRY_CAST(${v} AS DOUBLE) > ${max}` : null].filter((c): c is string => c !== null);
  switch (t.kind) {
    case "int":
      out.push(`NOT regexp_full_match(${x}, '-?[0-9]+')`, ...outside(x, t.min, t.max === "current-year" ? today.getUTCFullYear() : t.max));
      break;
    case "decimal": {
      const checked = t.suppressedMarker === undefined ? x : `NULLIF(${x}, ${literal(t.suppressedMarker)})`;
      out.push(`NOT regexp_full_match(${checked}, '-?[0-9]+(\\.[0-9]+)?')`, ...outside(checked, t.min, t.max));
      break;
    }
    case "date":
      out.push(
        `NOT regexp_full_match(${x}, '[0-9]{4}-[0-9]{2}-[0-9]{2}')`,
        `${x} IS NOT NULL AND TRY_CAST(${x} AS DATE) IS NULL`,
        `${x} > ${literal(today.toISOString().slice(0, 10))}`,
        `${x} < '1880-01-01'`,
      );
      break;
    case "flag":
      out.push(`${x} NOT IN ('0', '1')`);
      break;
    case "enum":
      out.push(`${x} NOT IN (${t.values.map(literal).join(", ")})`);
      break;
    case "code":
      out.push(`NOT regexp_full_match(${x}, ${literal(`${t.pattern.flags.includes("i") ? "(?i)" : ""}${t.pattern.source}`)})`);
      break;
    case "text":
      // Bytes are never fewer than UTF-16 units: stricter than the row checker, never looser.
      out.push(`strlen(${x}) > ${t.maxLength}`, `regexp_matches(${x}, '[\\x{0}-\\x{1F}\\x{7F}-\\x{9F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\x{FFFD}]')`);
      break;
  }
  return out;
}
