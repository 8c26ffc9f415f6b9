/**
 * Signatures: who is counted by what, with no person and no place. For one year, the persons
 * grouped by sex, age band, BIM status and the 0/1 flags "in this definition's denominator",
 * "in its numerator" (compile.ts's `flags`), with how many persons share each combination.
 *
 * Disclosure control reads the links between released counts from this table, not from the
 * definitions' syntax (release/family-links.ts): two definitions whose flags agree on every
 * row count the same persons, whatever their YAML says. Geography plays no part: a link that
 * holds for every person holds in every area.
 *
 * Only 0/1 person counts take part: event counts (a person's number of admissions) and
 * amounts (spending) are not sets of persons.
 */
import type { Database } from "../../core/duckdb.ts";
import type { Definition } from "../definition/schema.ts";
import { compile, type Compiled } from "./compile.ts";
import { statisticOf } from "../statistics/index.ts";

export interface SignatureRow {
  sex: string;
  ageBand: string;
  bim: string;
  /** 0/1 per column, in the order of `columns`. */
  flags: Uint8Array;
  persons: number;
}

export interface Signatures {
  year: number;
  /** `d:<definition id>` (its denominator) and `n:<definition id>` (its numerator). */
  columns: string[];
  rows: SignatureRow[];
}

/** Whether a definition's numerator counts persons (0/1 per person-year). */
export function countsPersons(def: Definition): boolean {
  const n = def.numerator;
  // A mean's numerator is an amount per person, not a count (its spec's disclosure facts).
  if (!n || !statisticOf(def.statistic).disclosure.numerator) return false;
  if (n.kind === "events") return n.count === "persons";
  return n.kind === "status" || n.kind === "deaths" || n.kind === "medicines";
}

/** A signature column: its name (`d:<id>` or `n:<id>`) and its 0/1 expression over the flags. */
export interface SignatureColumn {
  name: string;
  expression: string;
}

/**
 * The signature columns of some compiled definitions (compile.ts `columns`), in their order:
 * each one's denominator, and its numerator when it counts persons.
 */
export function signatureColumns(defs: readonly Definition[], compiled: Compiled["columns"]): SignatureColumn[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: SignatureColumn[] = [];
  for (const { id, index } of compiled) {
    const def = byId.get(id);
    if (!def) continue;
    out.push({ name: `d:${id}`, expression: `CAST(d${index} AS UTINYINT)` });
    if (countsPersons(def)) out.push({ name: `n:${id}`, expression: `CAST(n${index} > 0 AS UTINYINT)` });
  }
  return out;
}

/** `bim` as the signatures name it. */
export const BIM_STATUS = "CASE WHEN bim THEN 'bim' WHEN NOT bim THEN 'non-bim' ELSE 'unknown' END";

/** The signature query of one year, and the columns it returns (undefined: no person-based definition). */
export function signatureSql(defs: readonly Definition[], year: number): { sql: string; columns: string[] } | undefined {
  const compiled = compile(defs, { year });
  if (!compiled.flagsSql) return undefined;
  const columns = signatureColumns(defs, compiled.columns);
  const sql = `${compiled.flagsSql}
SELECT year, sex, age_band, ${BIM_STATUS} AS bim_status, ${columns.map((c) => `${c.expression} AS "${c.name}"`).join(", ")}, CAST(count(*) AS DOUBLE) AS persons
FROM flags GROUP BY ALL`;
  return { sql, columns: columns.map((c) => c.name) };
}

/** Rows of a signature query (`year`, `sex`, `age_band`, `bim_status`, the columns, `persons`), by year. */
export function signaturesOf(rows: readonly Record<string, unknown>[], columns: readonly string[]): Signatures[] {
  const byYear = new Map<number, Signatures>();
  for (const r of rows) {
    const year = Number(r.year);
    let s = byYear.get(year);
    if (!s) byYear.set(year, (s = { year, columns: [...columns], rows: [] }));
    s.rows.push({
      sex: String(r.sex),
      ageBand: String(r.age_band),
      bim: String(r.bim_status),
      flags: Uint8Array.from(columns, (c) => Number(r[c])),
      persons: Number(r.persons),
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The signatures of one year by a query of their own. `computeIndicators` gives them from its
 * own pass over the person-years (`signatures: true`), which is what publish reads; this one
 * re-evaluates every flag, and is the reference that pass is tested against.
 */
export async function readSignatures(db: Database, defs: readonly Definition[], year: number): Promise<Signatures | undefined> {
  const q = signatureSql(defs, year);
  if (!q) return undefined;
  return signaturesOf(await db.all<Record<string, unknown>>(q.sql), q.columns)[0] ?? { year, columns: q.columns, rows: [] };
}
