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

/** Why the statements join persons on what they do (`personKeyStatus`). */
export type PersonKeyReason =
  /** The load recorded that the hash tells every person apart, with this DuckDB: hashed. */
  | "recorded"
  /** No record: a warehouse loaded before the record existed, or built by hand. */
  | "none"
  /** Two persons share a hash. */
  | "collision"
  /** Hashed by another version of DuckDB, whose hash may differ: `boussole person-key --record`. */
  | "other-duckdb"
  /** A record of another key or another shape. */
  | "other-key";

export interface PersonKeyStatus {
  key: PersonKey;
  reason: PersonKeyReason;
  /** The running DuckDB (`version()`). */
  running: string;
  /** What the record says, when there is one. */
  recorded?: { duckdbVersion: string; persons: number; distinctKeys: number };
}

/**
 * The key this warehouse allows, and why: hashed when its load recorded that the hash has as many
 * distinct values as there are persons, with this version of DuckDB; the pseudonym otherwise (no
 * record: a warehouse loaded before the record existed, or built by hand; two persons sharing a
 * hash; a hash of another version, until `boussole person-key --record` records it again).
 */
export async function personKeyStatus(db: Database): Promise<PersonKeyStatus> {
  const [{ running }] = (await db.all<{ running: string }>("SELECT version() AS running")) as [{ running: string }];
  // No table: loaded before the record existed. Another shape: not a record this code can read.
  const columns = await db.all<{ column_name: string }>(`SELECT column_name FROM duckdb_columns() WHERE table_name = '${PERSON_KEY_TABLE}' AND schema_name = 'main'`);
  if (columns.length === 0) return { key: "pseudonym", reason: "none", running };
  const names = new Set(columns.map((c) => c.column_name));
  if (!["expression", "duckdb_version", "persons", "distinct_keys"].every((c) => names.has(c))) return { key: "pseudonym", reason: "other-key", running };
  const rows = await db.all<{ expression: string; recorded: string; persons: number | bigint; distinct_keys: number | bigint }>(
    `SELECT expression, duckdb_version AS recorded, persons, distinct_keys FROM ${PERSON_KEY_TABLE}`,
  );
  if (rows.length === 0) return { key: "pseudonym", reason: "none", running };
  const r = rows[0]!;
  const recorded = { duckdbVersion: r.recorded, persons: Number(r.persons), distinctKeys: Number(r.distinct_keys) };
  const reason: PersonKeyReason =
    rows.length > 1 || r.expression !== hashedPersonKey("person_id") ? "other-key" : BigInt(r.persons) !== BigInt(r.distinct_keys) ? "collision" : r.recorded !== running ? "other-duckdb" : "recorded";
  return { key: reason === "recorded" ? "hashed" : "pseudonym", reason, running, recorded };
}

/** Whether `boussole person-key --record` would let this warehouse join persons on the hash. */
export const recordWouldHelp = (status: PersonKeyStatus): boolean => status.reason === "none" || status.reason === "other-duckdb" || status.reason === "other-key";

/** One line for the analyst: what persons are joined on, why, and what to do when it can be better. */
export function describePersonKey(status: PersonKeyStatus, warehouse: string): string {
  const n = (x: number) => x.toLocaleString("en");
  const record = `\`boussole person-key --record --warehouse ${warehouse}\``;
  const r = status.recorded;
  switch (status.reason) {
    case "recorded":
      return `persons joined on a 64-bit hash of their pseudonym (${n(r!.persons)} persons, as many hashes, recorded with DuckDB ${r!.duckdbVersion})`;
    case "collision":
      return `persons joined on their pseudonym: ${n(r!.persons)} persons have ${n(r!.distinctKeys)} distinct hashes, so the hash is no key`;
    case "other-duckdb":
      return `persons joined on their pseudonym (slower): the hash was checked with DuckDB ${r!.duckdbVersion}, this is ${status.running}, whose hash may differ; ${record} checks it again (about 10 s for full Belgium)`;
    case "none":
      return `persons joined on their pseudonym (slower): the warehouse has no record of a person key (loaded before it existed); ${record} makes one`;
    case "other-key":
      return `persons joined on their pseudonym (slower): the warehouse's record is of another key; ${record} replaces it`;
  }
}
