import { createReadStream } from "node:fs";
import type { Hash } from "node:crypto";
import { Database, ident } from "../../core/duckdb.ts";
import type { CsvCallbacks, CsvDialect } from "./csv-reader.ts";
import { asText } from "./screen-sql.ts";

/**
 * Feeds a Parquet file to the same row checks as a CSV file, each value turned into the
 * text a CSV would hold. Line numbers are row numbers + 1, as in the same data saved as CSV.
 */
/** What a Parquet file's entry says of its dialect: none of its own, a CSV's defaults. */
export const PARQUET_DIALECT: CsvDialect = { delimiter: ",", bom: false };

export async function readParquet(path: string, callbacks: CsvCallbacks, hash?: Hash): Promise<{ rows: number; bytes: number }> {
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    hash?.update(chunk);
  }
  const db = await Database.open(":memory:", { memoryLimit: "512MB" });
  let rows = 0;
  try {
    const schema = await db.all<{ column_name: string; column_type: string }>("DESCRIBE SELECT * FROM read_parquet($1)", [path]);
    const columns = schema.map((c) => c.column_name);
    if (!callbacks.header(columns, PARQUET_DIALECT)) return { rows: 0, bytes };
    const select = schema.map((c) => asText(ident(c.column_name), c.column_type)).join(", ");
    const result = await db.connection.stream(`SELECT ${select} FROM read_parquet($1)`, [path]);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      for (const row of chunk.getRows()) {
        rows++;
        callbacks.row(
          row.map((v) => (v === null ? "" : String(v))),
          rows + 1,
        );
      }
    }
    return { rows, bytes };
  } catch (error) {
    // A truncated or corrupt file: said with the file's name (the caller adds it) and the row reached.
    const reason = ((error as Error).message.split("\n")[0] ?? "").replace(/(["'])\/[^"']*\1/g, "the file");
    callbacks.problem("file.corrupt-parquet", rows + 1, `not a readable Parquet file${rows > 0 ? ` after ${rows} rows` : ""} (${reason.slice(0, 200)})`);
    return { rows, bytes };
  } finally {
    db.close();
  }
}

/**
 * A Parquet file's columns and types, or null when DuckDB cannot read it (the row checker then
 * words why, `file.corrupt-parquet`).
 */
export async function readParquetSchema(path: string): Promise<{ name: string; type: string }[] | null> {
  const db = await Database.open(":memory:", { memoryLimit: "256MB", threads: 1 });
  try {
    const schema = await db.all<{ column_name: string; column_type: string }>("DESCRIBE SELECT * FROM read_parquet($1)", [path]);
    return schema.map((c) => ({ name: c.column_name, type: c.column_type }));
  } catch {
    return null;
  } finally {
    db.close();
  }
}
