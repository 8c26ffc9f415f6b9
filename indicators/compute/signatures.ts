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
import { compile } from "./compile.ts";
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

/** The signature query of one year, and the columns it returns (undefined: no person-based definition). */
export function signatureSql(defs: readonly Definition[], year: number): { sql: string; columns: string[] } | undefined {
  const compiled = compile(defs, { year });
  if (!compiled.flagsSql) return undefined;
  const byId = new Map(defs.map((d) => [d.id, d]));
  const columns: string[] = [];
  const select: string[] = [];
  for (const { id, index } of compiled.columns) {
    columns.push(`d:${id}`);
    select.push(`CAST(d${index} AS UTINYINT) AS "d:${id}"`);
    if (countsPersons(byId.get(id)!)) {
      columns.push(`n:${id}`);
      select.push(`CAST(n${index} > 0 AS UTINYINT) AS "n:${id}"`);
    }
  }
  const sql = `${compiled.flagsSql}
SELECT sex, age_band, CASE WHEN bim THEN 'bim' WHEN NOT bim THEN 'non-bim' ELSE 'unknown' END AS bim_status, ${select.join(", ")}, CAST(count(*) AS DOUBLE) AS persons
FROM flags GROUP BY ALL`;
  return { sql, columns };
}

export async function readSignatures(db: Database, defs: readonly Definition[], year: number): Promise<Signatures | undefined> {
  const q = signatureSql(defs, year);
  if (!q) return undefined;
  const rows = await db.all<Record<string, unknown>>(q.sql);
  return {
    year,
    columns: q.columns,
    rows: rows.map((r) => ({
      sex: String(r.sex),
      ageBand: String(r.age_band),
      bim: String(r.bim_status),
      flags: Uint8Array.from(q.columns, (c) => Number(r[c])),
      persons: Number(r.persons),
    })),
  };
}
