/**
 * Records again, in a loaded warehouse, whether a hash of the pseudonyms tells every person
 * apart (contract/person-key.ts), with the running DuckDB: after an upgrade of DuckDB, whose
 * hash may differ, computing falls back to the pseudonyms until the record names the running
 * version. Recording reads the population only (10 s for full Belgium, where a load takes
 * minutes) and changes nothing else: one transaction replaces the record, or leaves the old one.
 */
import { existsSync } from "node:fs";
import { Database } from "../../core/duckdb.ts";
import { UserError } from "../../core/user-error.ts";
import { PERSON_KEY_TABLE, PERSON_KEY_TABLE_SQL, recordPersonKeySql } from "../../contract/person-key.ts";

/**
 * Why a DuckDB file did not open, and what to do: another process holding it (DuckDB allows one
 * writer, or readers without a writer), or a file that is not a DuckDB database.
 */
export function cannotOpen(path: string, purpose: string, error: unknown): string {
  const reason = (error as Error).message.split("\n")[0];
  const held = /Could not set lock/i.test(reason ?? "");
  return `cannot open ${path}${purpose ? ` ${purpose}` : ""} (${reason})${held ? "; stop what uses it and try again" : ""}`;
}

export async function recordPersonKeyAgain(warehouse: string, options: { memoryLimit?: string } = {}): Promise<void> {
  // DuckDB would create an empty file: a mistyped path must not become a new "warehouse".
  if (!existsSync(warehouse)) throw new UserError(`warehouse not found: ${warehouse}`, 2);
  let db: Database;
  try {
    db = await Database.open(warehouse, { memoryLimit: options.memoryLimit });
  } catch (e) {
    throw new UserError(cannotOpen(warehouse, "for writing", e), 1);
  }
  try {
    const population = await db.all(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'person_year' AND schema_name = 'main'`);
    if (population.length === 0) throw new UserError(`${warehouse} is not a Boussole warehouse: it has no table person_year`, 1);
    await db.run("BEGIN TRANSACTION");
    try {
      // A warehouse loaded before the record existed has no table; an older shape is replaced.
      await db.run(`DROP TABLE IF EXISTS ${PERSON_KEY_TABLE}`);
      await db.run(PERSON_KEY_TABLE_SQL);
      await db.run(recordPersonKeySql());
      await db.run("COMMIT");
    } catch (e) {
      await db.run("ROLLBACK");
      throw e;
    }
    await db.run("CHECKPOINT");
  } finally {
    db.close();
  }
}
