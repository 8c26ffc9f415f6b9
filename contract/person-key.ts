/**
 * Table `load_person_key`: whether a 64-bit hash of the pseudonyms tells every person of the
 * warehouse apart, recorded once by the load. Pseudonyms are text (17 characters in the
 * sample, often longer in real extracts), which DuckDB hashes and compares as text in every
 * join and grouping of the indicators' statements; an integer key is cheaper (one year of every
 * definition at scale 0.2: 11.1 s → 9.6 s). A hash is only a key when no two persons share
 * it: for 11.8 million people the chance that two do is about 4 in a million, so the load
 * checks it rather than assumes it, and computing indicators keeps the pseudonyms where the
 * check did not pass or was never made (indicators/compute/person-key.ts).
 *
 * The population's persons are enough: an event of a person missing from the population is a
 * load error (`person.unknown`), so every event's pseudonym is one of them. The record names the
 * DuckDB version that hashed: another version's hash may differ, and is then not trusted.
 */

/** The integer key of a person, as SQL over the pseudonym column. */
export const hashedPersonKey = (column: string): string => `hash(${column})`;

export const PERSON_KEY_TABLE = "load_person_key";

export const PERSON_KEY_TABLE_SQL = `CREATE TABLE ${PERSON_KEY_TABLE} (expression VARCHAR, duckdb_version VARCHAR, persons BIGINT, distinct_keys BIGINT)`;

/**
 * The load's record: the persons of the population, and how many distinct keys they have.
 * `key` is the key's SQL over `person_id` (a test passes a colliding one).
 */
export function recordPersonKeySql(key: string = hashedPersonKey("person_id")): string {
  return `INSERT INTO ${PERSON_KEY_TABLE} SELECT '${key.replaceAll("'", "''")}' AS expression, version() AS duckdb_version, count(*) AS persons, count(DISTINCT ${key}) AS distinct_keys FROM (SELECT DISTINCT person_id FROM person_year)`;
}
