import { fileKinds, type FileKind } from "../../contract/index.ts";
import { ident, type Database } from "../../core/duckdb.ts";
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
  const persons = await personSummary(db, years);
  for (const kind of fileKinds) {
    const ofKind = files.filter((f) => f.kind === kind);
    if (ofKind.length === 0) continue;
    const clean = persons ? await persons.clean(kind) : { key: false, orphans: false, afterDeath: false };
    if (kind.key && kind.keyCheck === "database" && !clean.key) {
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
      if (n > 0)
        await reportRows(report, ofKind, kind.key, examples, "key.duplicate", (v) => `${kind.key!.join(" + ")} ${v} appears more than once (${n} duplicated key(s) in all)`, { allOccurrences: true });
    }
    if (kind.personLink && !clean.orphans) {
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
      if (n > 0)
        await reportRows(
          report,
          ofKind,
          ["person_id", kind.personLink.dateColumn],
          examples,
          "person.unknown",
          (v) => `person/date ${v}: the person is not in the population file for that year (${n} such row(s) in all)`,
        );
    }
    if (kind.personLink && !clean.afterDeath) await checkEventsAfterDeath(db, report, ofKind, kind.id, kind.personLink.dateColumn);
  }
  await persons?.dispose();
  const population = files.filter((f) => f.kind.id === "person_year");
  if (population.length > 0) await checkAliveAfterDeath(db, report, population);
}

/** The table personSummary builds: one row per person of the population. */
const SUMMARY = "boussole_person_summary";

/**
 * A first look that clears the usual case, a clean extract, in one pass per table: every person
 * of the population once, with the years they are in (a bit per year), their rows and their
 * death date; then each event table read once, joined to it, instead of once per population
 * year. Where it finds nothing, the checks year by year above are skipped; where it finds
 * something, they run as before and give the counts and the lines. It can only let them run for
 * nothing, never skip one that would find a problem: a duplicated (year, person) is a person with
 * more rows than years, an orphan an event whose year's bit is not set for its person, an event
 * after death one dated after the person's death date. Null when the population spans more years
 * than a bit mask holds.
 */
async function personSummary(db: Database, years: number[]) {
  if (years.length === 0) return null;
  const base = years[0]!;
  if (years[years.length - 1]! - base > 62) return null;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${SUMMARY} AS SELECT person_id, bit_or(1::BIGINT << (year - ${base})) AS years, count(*) AS "rows", min(death_date) AS died FROM person_year GROUP BY person_id`,
  );
  return {
    async clean(kind: FileKind): Promise<{ key: boolean; orphans: boolean; afterDeath: boolean }> {
      const personYearKey = kind.id === "person_year" && kind.key?.length === 2 && kind.key.includes("year") && kind.key.includes("person_id");
      const key = personYearKey && (await count(db, `SELECT count(*)::INTEGER AS n FROM ${SUMMARY} WHERE "rows" > bit_count(years)`)) === 0;
      if (!kind.personLink) return { key, orphans: false, afterDeath: false };
      const date = ident(kind.personLink.dateColumn);
      const [row] = await db.all<{ orphans: number; after: number }>(
        `SELECT count(*) FILTER (WHERE p.years IS NULL OR e.y < ${base} OR e.y > ${base + 62} OR (p.years >> (e.y - ${base})) & 1 = 0)::INTEGER AS orphans,
                count(*) FILTER (WHERE e.d > p.died)::INTEGER AS after
         FROM (SELECT person_id, ${date} AS d, year(${date}) AS y FROM ${ident(kind.id)}) e LEFT JOIN ${SUMMARY} p USING (person_id)`,
      );
      return { key, orphans: (row?.orphans ?? 1) === 0, afterDeath: (row?.after ?? 1) === 0 };
    },
    dispose: () => db.run(`DROP TABLE IF EXISTS ${SUMMARY}`),
  };
}

/** Each person's death date, as recorded on any of their population rows. */
const DEATHS = "(SELECT person_id, min(death_date) AS died FROM person_year WHERE death_date IS NOT NULL GROUP BY person_id)";

/**
 * A person in the population of a year after the year they died: an error (the population
 * file contradicts itself, and denominators and mortality would both be wrong).
 */
async function checkAliveAfterDeath(db: Database, report: ValidationReport, files: ExtractFile[]): Promise<void> {
  const from = `FROM person_year p JOIN ${DEATHS} d USING (person_id) WHERE p.year > year(d.died)`;
  const n = await count(db, `SELECT count(*)::INTEGER AS n ${from}`);
  if (n === 0) return;
  const examples = await db.all(`SELECT p.person_id, CAST(p.year AS VARCHAR) AS year, strftime(d.died, '%Y-%m-%d') AS died ${from} ORDER BY ALL LIMIT ${EXAMPLES}`);
  const died = new Map(examples.map((e) => [String(e.person_id), String(e.died)]));
  await reportRows(
    report,
    files,
    ["person_id", "year"],
    examples,
    "person.alive-after-death",
    (v) => `person/year ${v}: in the population after dying on ${died.get(v.split(" / ")[0] as string)} (${n} such row(s) in all)`,
  );
}

/**
 * A care event dated after the person's death: a warning, not an error, because claims are
 * sometimes dated after a death (a delivery billed the next day); the count says how many.
 */
async function checkEventsAfterDeath(db: Database, report: ValidationReport, files: ExtractFile[], table: string, dateColumn: string): Promise<void> {
  const date = ident(dateColumn);
  const from = `FROM ${ident(table)} e JOIN ${DEATHS} d USING (person_id) WHERE e.${date} > d.died`;
  const n = await count(db, `SELECT count(*)::INTEGER AS n ${from}`);
  if (n === 0) return;
  const examples = await db.all(`SELECT DISTINCT e.person_id, strftime(e.${date}, '%Y-%m-%d') AS ${date} ${from} ORDER BY ALL LIMIT ${EXAMPLES}`);
  await reportRows(report, files, ["person_id", dateColumn], examples, "event.after-death", (v) => `person/date ${v}: a care event after the person's death date (${n} such row(s) in all)`, {
    severity: "warning",
  });
}

async function reportRows(
  report: ValidationReport,
  files: ExtractFile[],
  columns: readonly string[],
  examples: Record<string, unknown>[],
  rule: string,
  message: (value: string) => string,
  options: { allOccurrences?: boolean; severity?: "error" | "warning" } = {},
): Promise<void> {
  const wanted = new Set(examples.map((e) => columns.map((c) => String(e[c])).join("\u0000")));
  const found = await locateRows(files, columns, wanted);
  const seen = new Map<string, number>();
  for (const hit of found) {
    const count = (seen.get(hit.key) ?? 0) + 1;
    seen.set(hit.key, count);
    // A duplicate is reported on its second and later lines; an orphan on each line.
    if (options.allOccurrences && count === 1) continue;
    report[options.severity ?? "error"](rule, hit.file, message(hit.key.replaceAll("\u0000", " / ")), { line: hit.line, column: columns[0] });
  }
}

async function count(db: Database, sql: string): Promise<number> {
  const rows = await db.all<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}
