import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "./duckdb.ts";
import { readColumns } from "./read-columns.ts";

describe("readColumns", () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(":memory:");
  });
  afterAll(() => db.close());

  // Several of DuckDB's chunks (2,048 rows each), NULLs in every column, lists and strings.
  const SQL = `SELECT i, CAST(i AS DOUBLE) / 4 AS x, CASE WHEN i % 7 = 0 THEN NULL ELSE CAST(i * 3 AS DOUBLE) END AS y,
      CASE WHEN i % 5 = 0 THEN NULL ELSE 'a' || i END AS s, [i, i + 1] AS l
    FROM range(0, 5000) t(i) ORDER BY i`;

  it("gives DOUBLE columns as Float64Arrays, NULL as NaN, over several chunks", async () => {
    const columns = await readColumns(db.connection, SQL);
    const x = columns.x as Float64Array;
    const y = columns.y as Float64Array;
    expect(x).toBeInstanceOf(Float64Array);
    expect(x.length).toBe(5000);
    expect([x[0], x[4999]]).toEqual([0, 4999 / 4]);
    expect([y[7], y[8], y[4998], y[4999]]).toEqual([NaN, 24, NaN, 14997]);
  });

  it("gives the other columns as getColumnsObjectJS does", async () => {
    const columns = await readColumns(db.connection, SQL);
    const expected = (await db.connection.runAndReadAll(SQL)).getColumnsObjectJS();
    for (const name of ["i", "s", "l"]) expect(columns[name], name).toEqual(expected[name]);
    expect(Array.from(columns.y as Float64Array)).toEqual(expected.y!.map((v) => v ?? NaN));
  });

  it("gives empty columns for no rows", async () => {
    const columns = await readColumns(db.connection, "SELECT 1.5::DOUBLE AS x, 'a' AS s WHERE false");
    expect(columns.x).toEqual(new Float64Array(0));
    expect(columns.s).toEqual([]);
  });
});
