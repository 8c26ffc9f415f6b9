import { fileKinds } from "../contract/index.ts";
import { ident, type Database } from "../db/duckdb.ts";
import type { ExtractFile } from "../validate/extract.ts";
import type { ValidationReport } from "../validate/report.ts";
import { locateRows } from "./locate-rows.ts";

const EXAMPLES = 20;

/**
 * Checks that need all rows of a kind at once and are cheapest in the database:
 * duplicate keys in large files, and events of persons absent from that year's population.
 * Both run one population year at a time, so that the hash tables hold one year of people,
 * not all of them (at full scale a year is 12 million people). The lines of the first
 * offending rows are then found in the files themselves.
 */
export async function checkInDatabase(db: Database, files: ExtractFile[], report: ValidationReport): Promise<void> {
  const years = (await db.all<{ year: number }>("SELECT DISTINCT year FROM person_year ORDER BY year")).map((r) => r.year);
  for (const kind of fileKinds) {
    const ofKind = files.filter((f) => f.kind === kind);
    if (ofKind.length === 0) continue;
    if (kind.key && kind.keyCheck === "database") {
      const cols = kind.key.map(ident).join(", ");
      // A key that holds the year is checked year by year; any other in one pass.
      const slices = kind.key.includes("year") ? years.map((y) => `WHERE year = ${Number(y)}`) : [""];
      const duplicated = (where: string) => `SELECT ${cols} FROM ${ident(kind.id)} ${where} GROUP BY ALL HAVING count(*) > 1`;
      let n = 0;
      const examples: Record<string, unknown>[] = [];
      for (const where of slices) {
        n += await count(db, `SELECT count(*)::INTEGER AS n FROM (${duplicated(where)})`);
        if (n > 0 && examples.length < EXAMPLES) examples.push(...(await db.all(`${duplicated(where)} ORDER BY ALL LIMIT ${EXAMPLES - examples.length}`)));
      }
      if (n > 0) await reportRows(report, ofKind, kind.key, examples, "key.duplicate", (v) => `${kind.key!.join(" + ")} ${v} appears more than once (${n} duplicated key(s) in all)`, { allOccurrences: true });
    }
    if (kind.personLink) {
      const date = ident(kind.personLink.dateColumn);
      const inYear = (y: number) => `e.${date} >= MAKE_DATE(${Number(y)}, 1, 1) AND e.${date} < MAKE_DATE(${Number(y) + 1}, 1, 1)`;
      const slices = [
        ...years.map((y) => `FROM ${ident(kind.id)} e ANTI JOIN (SELECT person_id FROM person_year WHERE year = ${Number(y)}) p USING (person_id) WHERE ${inYear(y)}`),
        // Events in a year without any population file are all orphans.
        `FROM ${ident(kind.id)} e WHERE year(e.${date}) NOT IN (SELECT DISTINCT year FROM person_year)`,
      ];
      let n = 0;
      const examples: Record<string, unknown>[] = [];
      for (const from of slices) {
        const found = await count(db, `SELECT count(*)::INTEGER AS n ${from}`);
        n += found;
        if (found > 0 && examples.length < EXAMPLES) {
          examples.push(...(await db.all(`SELECT DISTINCT e.person_id, strftime(e.${date}, '%Y-%m-%d') AS ${date} ${from} ORDER BY ALL LIMIT ${EXAMPLES - examples.length}`)));
        }
      }
      if (n > 0) await reportRows(report, ofKind, ["person_id", kind.personLink.dateColumn], examples, "person.unknown", (v) => `person/date ${v}: the person is not in the population file for that year (${n} such row(s) in all)`);
    }
  }
}

async function reportRows(
  report: ValidationReport,
  files: ExtractFile[],
  columns: readonly string[],
  examples: Record<string, unknown>[],
  rule: string,
  message: (value: string) => string,
  options: { allOccurrences?: boolean } = {},
): Promise<void> {
  const wanted = new Set(examples.map((e) => columns.map((c) => String(e[c])).join("\u0000")));
  const found = await locateRows(files, columns, wanted);
  const seen = new Map<string, number>();
  for (const hit of found) {
    const count = (seen.get(hit.key) ?? 0) + 1;
    seen.set(hit.key, count);
    // A duplicate is reported on its second and later lines; an orphan on each line.
    if (options.allOccurrences && count === 1) continue;
    report.error(rule, hit.file, message(hit.key.replaceAll("\u0000", " / ")), { line: hit.line, column: columns[0] });
  }
}

async function count(db: Database, sql: string): Promise<number> {
  const rows = await db.all<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}
