/**
 * `load_person_key`: the load records whether a hash of the pseudonyms tells every person
 * apart, and computing indicators joins persons on that integer only then
 * (contract/person-key.ts, indicators/compute/person-key.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { PERSON_KEY_TABLE, recordPersonKeySql } from "../contract/person-key.ts";
import { computeIndicators } from "../indicators/compute/compute.ts";
import { describePersonKey, personKeyStatus, recordWouldHelp } from "../indicators/compute/person-key.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { ROOT } from "./helpers.ts";
import { copyOf, tinyWarehouse, withDatabase } from "./indicator-helpers.ts";

const keyOf = async (warehouse: string) => (await withDatabase(warehouse, personKeyStatus)).key;
const statusOf = (warehouse: string) => withDatabase(warehouse, personKeyStatus);

describe("the person key", () => {
  let warehouse: string;
  beforeAll(async () => {
    warehouse = await tinyWarehouse();
  });

  it("is recorded by the load: as many distinct hashes as persons in the population", async () => {
    const [record] = await withDatabase(warehouse, (db) => db.all<{ expression: string; duckdb_version: string; persons: number; distinct_keys: number }>(`SELECT * FROM ${PERSON_KEY_TABLE}`));
    const [population] = await withDatabase(warehouse, (db) => db.all<{ n: number; version: string }>("SELECT count(DISTINCT person_id) AS n, version() AS version FROM person_year"));
    expect(record).toEqual({ expression: "hash(person_id)", duckdb_version: population!.version, persons: population!.n, distinct_keys: population!.n });
    expect(Number(population!.n)).toBeGreaterThan(5);
    expect(await keyOf(warehouse)).toBe("hashed");
  });

  it("is the pseudonym when two persons share a key, when the record is of another key or another DuckDB, or when there is none", async () => {
    // A key that collides on purpose: the record counts fewer keys than persons.
    const colliding = await copyOf(warehouse, async (db) => {
      await db.run(`DELETE FROM ${PERSON_KEY_TABLE}`);
      await db.run(recordPersonKeySql("hash(person_id) % 2"));
    });
    const [record] = await withDatabase(colliding, (db) => db.all<{ persons: number; distinct_keys: number }>(`SELECT persons, distinct_keys FROM ${PERSON_KEY_TABLE}`));
    expect(Number(record!.distinct_keys)).toBe(2);
    expect(Number(record!.persons)).toBeGreaterThan(2);
    expect(await keyOf(colliding)).toBe("pseudonym");
    expect(await statusOf(colliding)).toMatchObject({ key: "pseudonym", reason: "other-key" });
    // The hash itself, if two persons had shared it.
    const shared = await copyOf(warehouse, (db) => db.run(`UPDATE ${PERSON_KEY_TABLE} SET distinct_keys = persons - 1`));
    expect(await keyOf(shared)).toBe("pseudonym");
    const collision = await statusOf(shared);
    expect(collision.reason).toBe("collision");
    // Nothing to record again: the hash is no key with this DuckDB.
    expect(recordWouldHelp(collision)).toBe(false);
    // Hashed by another version of DuckDB, whose hash may differ.
    const otherVersion = await copyOf(warehouse, (db) => db.run(`UPDATE ${PERSON_KEY_TABLE} SET duckdb_version = 'v0.0.1'`));
    expect(await keyOf(otherVersion)).toBe("pseudonym");
    const upgraded = await statusOf(otherVersion);
    expect(upgraded).toMatchObject({ key: "pseudonym", reason: "other-duckdb", recorded: { duckdbVersion: "v0.0.1" } });
    expect(recordWouldHelp(upgraded)).toBe(true);
    expect(describePersonKey(upgraded, "w.duckdb")).toContain(`checked with DuckDB v0.0.1, this is ${upgraded.running}`);
    expect(describePersonKey(upgraded, "w.duckdb")).toContain("`boussole person-key --record --warehouse w.duckdb`");
    const unversioned = await copyOf(warehouse, (db) => db.run(`ALTER TABLE ${PERSON_KEY_TABLE} DROP COLUMN duckdb_version`));
    expect(await keyOf(unversioned)).toBe("pseudonym");
    expect((await statusOf(unversioned)).reason).toBe("other-key");
    // A warehouse loaded before the record existed.
    const older = await copyOf(warehouse, (db) => db.run(`DROP TABLE ${PERSON_KEY_TABLE}`));
    expect(await keyOf(older)).toBe("pseudonym");
    expect((await statusOf(older)).reason).toBe("none");
    expect((await statusOf(warehouse)).reason).toBe("recorded");
  });

  it("gives the same cells as the pseudonyms, for every definition", async () => {
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    const hashed = await computeIndicators(warehouse, definitions);
    const older = await copyOf(warehouse, (db) => db.run(`DROP TABLE ${PERSON_KEY_TABLE}`));
    const pseudonym = await computeIndicators(older, definitions);
    // What each was joined on, for the publish's log and `indicators compute`'s report.
    expect([hashed.personKey?.key, pseudonym.personKey?.key, pseudonym.personKey?.reason]).toEqual(["hashed", "pseudonym", "none"]);
    const sorted = (cells: readonly object[]) => cells.map((c) => JSON.stringify(c)).sort();
    expect(sorted(hashed.cells)).toEqual(sorted(pseudonym.cells));
    expect(hashed.cells.length).toBeGreaterThan(1000);
    expect(hashed.cells.some((c) => c.numerator > 0 && c.level === "belgium")).toBe(true);
  });
});
