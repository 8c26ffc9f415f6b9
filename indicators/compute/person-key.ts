/**
 * The key the compiled statements join and group persons on: the pseudonym itself, or a 64-bit
 * hash of it where the load found that the hash tells every person apart (contract/person-key.ts).
 * Either way the figures are the same; the hash is an integer, cheaper to join on than text.
 */
import type { Database } from "../../core/duckdb.ts";
import { hashedPersonKey, PERSON_KEY_TABLE } from "../../contract/person-key.ts";

export type PersonKey = "pseudonym" | "hashed";

/** The person key as SQL over a pseudonym column (`person_id`, `e.person_id`). */
export function personKeySql(key: PersonKey | undefined, column: string): string {
  return key === "hashed" ? hashedPersonKey(column) : column;
}

/** The person key selected as the column `person_id`. */
export function personKeyColumn(key: PersonKey | undefined, column: string): string {
  return key === "hashed" ? `${hashedPersonKey(column)} AS person_id` : column;
}

/**
 * The key this warehouse allows: hashed when its load recorded that the hash has as many distinct
 * values as there are persons, with this version of DuckDB; the pseudonym otherwise (no record: a
 * warehouse loaded before the record existed, or built by hand; two persons sharing a hash; a hash
 * of another version).
 */
export async function personKeyOf(db: Database): Promise<PersonKey> {
  const columns = await db.all<{ n: number | bigint }>(
    `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = '${PERSON_KEY_TABLE}' AND schema_name = 'main' AND column_name IN ('expression', 'duckdb_version', 'persons', 'distinct_keys')`,
  );
  if (Number(columns[0]?.n ?? 0) !== 4) return "pseudonym";
  const rows = await db.all<{ expression: string; recorded: string; running: string; persons: number | bigint; distinct_keys: number | bigint }>(
    `SELECT expression, duckdb_version AS recorded, version() AS running, persons, distinct_keys FROM ${PERSON_KEY_TABLE}`,
  );
  const r = rows.length === 1 ? rows[0]! : undefined;
  const tellsApart = r !== undefined && r.expression === hashedPersonKey("person_id") && r.recorded === r.running && BigInt(r.persons) === BigInt(r.distinct_keys);
  return tellsApart ? "hashed" : "pseudonym";
}
