import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppDatabase } from "../pdca/store/database.ts";
import { ReadOnlyDuckDB } from "../server/duckdb-pool.ts";
import { Database } from "./duckdb.ts";
import { exactNumber, plainColumns, plainRows, plainValue } from "./duckdb-values.ts";

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** The one row `SELECT <expression> AS v` gives, converted. */
async function one(expression: string): Promise<unknown> {
  const rows = plainRows<{ v: unknown }>(await connection.runAndReadAll(`SELECT ${expression} AS v`));
  expect(rows).toHaveLength(1);
  return rows[0]!.v;
}

const TWO_53 = 2n ** 53n;

describe("integers", () => {
  it("small integers of every width are numbers", async () => {
    for (const type of ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"]) {
      expect(await one(`42::${type}`), type).toBe(42);
    }
    expect(await one("(SELECT count(*) FROM range(7))")).toBe(7);
    expect(await one("(SELECT sum(x) FROM range(4) t(x))")).toBe(6); // a HUGEINT
  });

  it("a BIGINT is a number up to ±(2^53 − 1), the exact bigint beyond", async () => {
    expect(await one(`${TWO_53 - 1n}::BIGINT`)).toBe(Number.MAX_SAFE_INTEGER);
    expect(await one(`${-(TWO_53 - 1n)}::BIGINT`)).toBe(-Number.MAX_SAFE_INTEGER);
    expect(await one(`${TWO_53}::BIGINT`)).toBe(TWO_53);
    expect(await one(`${-TWO_53 - 1n}::BIGINT`)).toBe(-TWO_53 - 1n);
    expect(await one("9223372036854775807::BIGINT")).toBe(9223372036854775807n);
    expect(await one("18446744073709551615::UBIGINT")).toBe(18446744073709551615n);
    expect(await one("170141183460469231731687303715884105727::HUGEINT")).toBe(170141183460469231731687303715884105727n);
    // A hash stays exact: rounding it to a double would merge distinct hashes.
    const hash = await one("hash('boussole')");
    expect(typeof hash === "bigint" ? hash > BigInt(Number.MAX_SAFE_INTEGER) : Number.isSafeInteger(hash)).toBe(true);
  });

  it("exactNumber draws the line at 2^53", () => {
    expect(exactNumber(TWO_53 - 1n)).toBe(2 ** 53 - 1);
    expect(exactNumber(TWO_53)).toBe(TWO_53);
    expect(exactNumber(0n)).toBe(0);
  });
});

describe("other scalars", () => {
  it("DECIMAL, FLOAT and DOUBLE are numbers", async () => {
    expect(await one("12.34::DECIMAL(10,2)")).toBe(12.34);
    expect(await one("-0.005::DECIMAL(18,3)")).toBe(-0.005);
    expect(await one("12345678901.5::DECIMAL(38,1)")).toBe(12345678901.5); // stored as a HUGEINT
    expect(await one("0.5::FLOAT")).toBe(0.5);
    expect(await one("1e300::DOUBLE")).toBe(1e300);
  });

  it("DATE, TIMESTAMP and TIMESTAMPTZ are Dates; TIME is microseconds since midnight", async () => {
    expect(await one("DATE '2024-02-29'")).toEqual(new Date("2024-02-29T00:00:00.000Z"));
    expect(await one("TIMESTAMP '2024-02-29 13:45:06.789'")).toEqual(new Date("2024-02-29T13:45:06.789Z"));
    expect(await one("TIMESTAMP_S '2024-02-29 13:45:06'")).toEqual(new Date("2024-02-29T13:45:06.000Z"));
    await connection.run("SET TimeZone = 'Europe/Brussels'");
    expect(await one("TIMESTAMPTZ '2024-07-01 12:00:00+02'")).toEqual(new Date("2024-07-01T10:00:00.000Z"));
    expect(await one("TIME '01:00:00.5'")).toBe(3_600_500_000);
  });

  it("text, JSON, ENUM, UUID, BOOLEAN and NULL", async () => {
    expect(await one("'Liège'")).toBe("Liège");
    expect(await one(`'{"a": 1}'::JSON`)).toBe('{"a": 1}');
    expect(await one("'b'::ENUM('a', 'b')")).toBe("b");
    expect(await one("'00000000-0000-0000-0000-000000000001'::UUID")).toBe("00000000-0000-0000-0000-000000000001");
    expect(await one("true")).toBe(true);
    expect(await one("NULL")).toBeNull();
    expect(await one("NULL::BIGINT")).toBeNull();
  });
});

describe("nested values follow the same rules", () => {
  it("LIST and ARRAY of BIGINT: numbers where exact, bigints beyond, nulls kept", async () => {
    expect(await one(`[1, NULL, ${TWO_53}]::BIGINT[]`)).toEqual([1, null, TWO_53]);
    expect(await one("(SELECT list(x ORDER BY x) FROM (SELECT x::BIGINT AS x FROM range(3) t(x)))")).toEqual([0, 1, 2]);
    expect(await one("[[1, 2], [3]]::BIGINT[][]")).toEqual([[1, 2], [3]]);
    expect(await one("[1, 2]::BIGINT[2]")).toEqual([1, 2]);
    expect(await one("[]::VARCHAR[]")).toEqual([]);
  });

  it("STRUCT is an object and MAP a list of key and value", async () => {
    expect(await one("{'n': 3::BIGINT, 'd': DATE '2025-01-01', 'tags': ['x']}")).toEqual({ n: 3, d: new Date("2025-01-01T00:00:00.000Z"), tags: ["x"] });
    expect(await one("MAP {'a': 1::BIGINT}")).toEqual([{ key: "a", value: 1 }]);
  });

  it("plainColumns reads a result by column under the same rules", async () => {
    const reader = await connection.runAndReadAll(`SELECT x::BIGINT AS n, CASE WHEN x = 2 THEN ${TWO_53} END::BIGINT AS big FROM range(3) t(x) ORDER BY x`);
    expect(plainColumns(reader)).toEqual({ n: [0, 1, 2], big: [null, null, TWO_53] });
  });

  it("plainValue converts one value given its type", async () => {
    const reader = await connection.runAndReadAll(`SELECT [${TWO_53}, 2]::BIGINT[] AS v`);
    expect(plainValue(reader.getRows()[0]![0]!, reader.columnType(0))).toEqual([TWO_53, 2]);
  });
});

describe("the three wrappers convert alike", () => {
  const dir = mkdtempSync(join(tmpdir(), "boussole-values-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sql = `SELECT 7::BIGINT AS small, ${TWO_53}::BIGINT AS big, [1, ${TWO_53}]::BIGINT[] AS list, DATE '2025-03-01' AS day`;
  const expected = [{ small: 7, big: TWO_53, list: [1, TWO_53], day: new Date("2025-03-01T00:00:00.000Z") }];

  it("core's Database, the server's read-only pool and the PDCA store", async () => {
    const file = join(dir, "values.duckdb");
    const db = await Database.open(file);
    expect(await db.all(sql)).toEqual(expected);
    db.close();
    const pool = await ReadOnlyDuckDB.open(file);
    expect(await pool.all(sql)).toEqual(expected);
    pool.close();
    const app = await AppDatabase.open(":memory:");
    expect(await app.read((q) => q.all(sql))).toEqual(expected);
    await app.close();
  });
});
